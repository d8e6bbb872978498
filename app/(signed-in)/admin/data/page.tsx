import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePage } from '@/lib/auth/page-guard.ts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminData'))('title'), robots: { index: false } };
}

export default async function DataPage() {
  await requirePage('data:export', '/admin/data');
  const t = await getTranslations('AdminData');
  return (
    <>
      <h1>{t('title')}</h1>
      <section aria-labelledby="backup">
        <h2 id="backup">{t('backupHeading')}</h2>
        <p>{t('backupIntro')}</p>
        <p>{t('backupSecrets')}</p>
        <p>
          <a href="/admin/data/backup" className="button button-primary" download>
            {t('download')}
          </a>
        </p>
        <p>
          {t('restoreHint')} <code>npm run data:restore -- backup.json</code>
        </p>
        <p>
          {t('importHint')} <Link href="/admin/import">{t('importLink')}</Link>.
        </p>
      </section>
    </>
  );
}
