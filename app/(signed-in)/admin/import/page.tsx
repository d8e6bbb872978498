import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { ImportForms } from './import-forms.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminImport'))('title'), robots: { index: false } };
}

export default async function ImportPage() {
  await requirePage('data:import', '/admin/import');
  const t = await getTranslations('AdminImport');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ul>
        <li>
          {t.rich('formatAgreements', {
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => <a href="/api/v1/agreements.csv">{chunks}</a>,
          })}
        </li>
        <li>
          {t.rich('formatMilestones', {
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => <a href="/api/v1/milestones.csv">{chunks}</a>,
          })}
        </li>
        <li>{t('formatRules')}</li>
        <li>{t('matching')}</li>
        <li>{t('publication')}</li>
      </ul>
      <ImportForms />
      <p>
        <Link href="/admin/data">{t('backupLink')}</Link>
      </p>
    </>
  );
}
