'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { PendingButton } from '@/components/admin/form-kit.tsx';
import { FieldErrors, FormMessage } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE, type ActionState } from '@/lib/forms/action-state.ts';
import type { ImportPreview, ImportSummary } from '@/lib/import/types.ts';
import { checkImportAction, runImportAction } from './actions.ts';
import { PreviewTables } from './preview-tables.tsx';

const FILE_FIELDS = ['agreementsFile', 'milestonesFile'] as const;

/**
 * Which of the two steps answered last. Both forms post on their own, so without JavaScript only one
 * of the two states is ever set; with it, both are, and the page follows the latest submission.
 */
function useLatestStep(check: ActionState, run: ActionState): 'check' | 'import' {
  const [seen, setSeen] = useState({ check, run, latest: run.status === 'idle' ? ('check' as const) : ('import' as const) });
  if (seen.check !== check) setSeen({ check, run, latest: 'check' });
  else if (seen.run !== run) setSeen({ check, run, latest: 'import' });
  return seen.latest;
}

function CheckForm({ state, action }: { state: ActionState; action: (formData: FormData) => void }) {
  const t = useTranslations('AdminImport');
  const errors = (name: string) =>
    state.status === 'error'
      ? state.fieldErrors?.[name]?.map((key) => (t.has(`errors.${key}`) ? t(`errors.${key}`, {}) : t('errors.unreadable')))
      : undefined;
  return (
    <form action={action} className="form" noValidate>
      {FILE_FIELDS.map((name) => (
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
      <PendingButton label={t('check')} pendingLabel={t('checking')} />
    </form>
  );
}

function RunForm({ preview, action }: { preview: ImportPreview; action: (formData: FormData) => void }) {
  const t = useTranslations('AdminImport');
  return (
    <form action={action} className="form">
      <input type="hidden" name="agreementsData" value={preview.data.agreements} />
      <input type="hidden" name="milestonesData" value={preview.data.milestones} />
      <input type="hidden" name="digest" value={preview.digest} />
      <PendingButton label={t('import')} pendingLabel={t('importing')} />
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

/** The two steps: check the files (a preview, nothing written), then import exactly what was checked. */
export function ImportForms() {
  const t = useTranslations('AdminImport');
  const forms = useTranslations('Forms');
  const [checkState, check] = useActionState(checkImportAction, IDLE_STATE);
  const [runState, run] = useActionState(runImportAction, IDLE_STATE);
  const latest = useLatestStep(checkState, runState);

  const changed = latest === 'import' && runState.status === 'error' && runState.error === 'changed';
  const preview = (changed ? runState.current : checkState.status === 'success' ? checkState.data : null) as ImportPreview | null;
  const runFailure =
    latest === 'import' && runState.status === 'error' && !changed
      ? runState.error === 'unauthenticated'
        ? forms('sessionExpired')
        : runState.error === 'forbidden'
          ? forms('forbidden')
          : t('errors.importFailed')
      : null;
  const checkFailure =
    checkState.status === 'error' && checkState.error !== 'invalid'
      ? checkState.error === 'unauthenticated'
        ? forms('sessionExpired')
        : checkState.error === 'forbidden'
          ? forms('forbidden')
          : forms('unexpected')
      : null;

  return (
    <>
      <CheckForm state={checkState} action={check} />
      {latest === 'check' && checkFailure && <FormMessage tone="error">{checkFailure}</FormMessage>}
      {latest === 'import' && runState.status === 'success' ? (
        <Summary summary={runState.data as ImportSummary} />
      ) : preview && (latest === 'check' || changed || runFailure) ? (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">{t('previewHeading')}</h2>
          {changed && <FormMessage tone="error">{t('errors.changed')}</FormMessage>}
          {runFailure && <FormMessage tone="error">{runFailure}</FormMessage>}
          {preview.valid ? <FormMessage tone="success">{t('ready')}</FormMessage> : <FormMessage tone="error">{t('notReady')}</FormMessage>}
          <PreviewTables preview={preview} />
          {preview.valid && <RunForm preview={preview} action={run} />}
        </section>
      ) : null}
    </>
  );
}
