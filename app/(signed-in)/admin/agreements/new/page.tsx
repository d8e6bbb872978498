import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { AgreementForm } from '../agreement-form.tsx';
import { agreementChoices } from '../choices.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminAgreements'))('newTitle'), robots: { index: false } };
}

export default async function NewAgreementPage() {
  const viewer = await requirePage('agreement:manage', '/admin/agreements/new');
  const [t, choices] = await Promise.all([getTranslations('AdminAgreements'), agreementChoices(viewer)]);
  return (
    <>
      <p>
        <Link href="/admin/agreements">{t('back')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <p>{t('newIntro')}</p>
      <AgreementForm choices={choices} />
    </>
  );
}
