import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/forms/form-parts.tsx';
import { requirePage } from '@/lib/auth/page-guard.ts';
import { checkImport } from '@/lib/data/admin/import.ts';
import { importUploadTexts } from '@/lib/data/admin/import-uploads.ts';
import { isUuid } from '@/lib/validation/ids.ts';
import { IMPORT_FILE_FIELDS } from '@/lib/validation/import.ts';
import { CheckForm, ImportRun } from './import-forms.tsx';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdminImport'))('title'), robots: { index: false } };
}

const UPLOAD_ERRORS = new Set(['chooseFile', 'unreadable']);
const FILE_FIELDS = new Set<string>(Object.values(IMPORT_FILE_FIELDS));

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ImportPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePage('data:import', '/admin/import');
  const [t, params] = await Promise.all([getTranslations('AdminImport'), searchParams]);
  // What the upload route came back with: an upload to preview, or a problem at one of the fields.
  const uploadId = typeof params.upload === 'string' && isUuid(params.upload) ? params.upload : null;
  const texts = uploadId ? await importUploadTexts(viewer, uploadId) : null;
  const preview = texts ? await checkImport(viewer, texts) : null;
  const error =
    typeof params.error === 'string' && UPLOAD_ERRORS.has(params.error) && typeof params.field === 'string' && FILE_FIELDS.has(params.field)
      ? { key: params.error, field: params.field }
      : null;
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
      <CheckForm error={error} />
      {uploadId && !texts && <FormMessage tone="error">{t('errors.uploadExpired')}</FormMessage>}
      {uploadId && preview && <ImportRun key={uploadId} uploadId={uploadId} checked={preview} />}
      <p>
        <Link href="/admin/data">{t('backupLink')}</Link>
      </p>
    </>
  );
}
