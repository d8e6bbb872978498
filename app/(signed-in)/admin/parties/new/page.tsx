import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { partyKindOptions } from '../kinds.ts';
import { PartyForm } from '../party-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminTaxonomy'))('party.newTitle'), robots: { index: false } };
}

export default async function NewPartyPage() {
  await requirePage('party:manage', '/admin/parties/new');
  const [t, kinds] = await Promise.all([getTranslations('AdminTaxonomy'), partyKindOptions()]);
  return (
    <>
      <p>
        <Link href="/admin/parties">{t('party.back')}</Link>
      </p>
      <h1>{t('party.newTitle')}</h1>
      <PartyForm kinds={kinds} />
    </>
  );
}
