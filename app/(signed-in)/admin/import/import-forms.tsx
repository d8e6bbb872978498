'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { PendingButton } from '@/components/admin/form-kit.tsx';
import { FieldErrors, FormMessage } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE } from '@/lib/forms/action-state.ts';
import type { ImportPreview, ImportSummary } from '@/lib/import/types.ts';
import { IMPORT_FILE_FIELDS } from '@/lib/validation/import.ts';
import { runImportAction } from './actions.ts';
import { PreviewTables } from './preview-tables.tsx';

/**
 * Step 1: a plain form posting the files to the upload route, which reads them as they stream in and
 * comes back here with the upload to preview (or the problem, at its field).
 */
export function CheckForm({ error }: { error: { field: string; key: string } | null }) {
  const t = useTranslations('AdminImport');
  const errors = (name: string) =>
    error?.field === name ? [t.has(`errors.${error.key}`) ? t(`errors.${error.key}`, {}) : t('errors.unreadable')] : undefined;
  return (
    <form action="/admin/import/upload" method="post" encType="multipart/form-data" className="form" noValidate>
      {Object.values(IMPORT_FILE_FIELDS).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`import-${name}`}>{t(`${name}.label`)}</label>
          <p className="field-hint" id={`import-${name}-hint`}>
            {t(`${name}.hint`)}
          </p>
          <input
            id={`import-${name}`}
            name={name}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={Boolean(errors(name))}
            aria-describedby={[`import-${name}-hint`, errors(name) && `import-${name}-errors`].filter(Boolean).join(' ')}
          />
          <FieldErrors id={`import-${name}-errors`} messages={errors(name)} />
        </div>
      ))}
      <button type="submit" className="button button-primary">
        {t('check')}
      </button>
    </form>
  );
}

function Summary({ summary }: { summary: ImportSummary }) {
  const t = useTranslations('AdminImport');
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t('resultHeading')}</h2>
      <FormMessage tone="success">
        {t('imported', {
          agreementsCreated: summary.agreements.created,
          agreementsUpdated: summary.agreements.updated,
          agreementsUnchanged: summary.agreements.unchanged,
          milestonesCreated: summary.milestones.created,
          milestonesUpdated: summary.milestones.updated,
          milestonesUnchanged: summary.milestones.unchanged,
        })}
      </FormMessage>
      <p>
        <Link href="/admin/agreements">{t('openRegister')}</Link>
      </p>
    </section>
  );
}

/** Step 2: the preview of an upload, and importing exactly what it shows. */
export function ImportRun({ uploadId, checked }: { uploadId: string; checked: ImportPreview }) {
  const t = useTranslations('AdminImport');
  const forms = useTranslations('Forms');
  const [state, run] = useActionState(runImportAction, IDLE_STATE);
  if (state.status === 'success') return <Summary summary={state.data as ImportSummary} />;

  const changed = state.status === 'error' && state.error === 'changed';
  const preview = changed ? (state.current as ImportPreview) : checked;
  const failure =
    state.status === 'error' && !changed
      ? state.error === 'unauthenticated'
        ? forms('sessionExpired')
        : state.error === 'forbidden'
          ? forms('forbidden')
          : state.error === 'uploadExpired'
            ? t('errors.uploadExpired')
            : t('errors.importFailed')
      : null;
  return (
    <section aria-labelledby="import-preview">
      <h2 id="import-preview">{t('previewHeading')}</h2>
      {changed && <FormMessage tone="error">{t('errors.changed')}</FormMessage>}
      {failure && <FormMessage tone="error">{failure}</FormMessage>}
      {preview.valid ? <FormMessage tone="success">{t('ready')}</FormMessage> : <FormMessage tone="error">{t('notReady')}</FormMessage>}
      <PreviewTables preview={preview} />
      {preview.valid && (
        <form action={run} className="form">
          <input type="hidden" name="uploadId" value={uploadId} />
          <input type="hidden" name="digest" value={preview.digest} />
          <PendingButton label={t('import')} pendingLabel={t('importing')} />
        </form>
      )}
    </section>
  );
}
