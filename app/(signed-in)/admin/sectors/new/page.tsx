import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { SectorForm } from '../sector-form.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminTaxonomy'))('sector.newTitle'), robots: { index: false } };
}

export default async function NewSectorPage() {
  await requirePage('sector:manage', '/admin/sectors/new');
  const t = await getTranslations('AdminTaxonomy');
  return (
    <>
      <p>
        <Link href="/admin/sectors">{t('sector.back')}</Link>
      </p>
      <h1>{t('sector.newTitle')}</h1>
      <SectorForm />
    </>
  );
}
