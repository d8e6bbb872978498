'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { reviewProgressAction } from '@/app/(signed-in)/workspace/actions.ts';
import { FieldErrors, FormMessage } from '@/components/forms/form-parts.tsx';
import { SessionExpired, useFormErrorText } from '@/components/forms/form-feedback.tsx';
import { IDLE_STATE } from '@/lib/forms/action-state.ts';

/** Verify or reject a pending update; rejecting needs a note telling the author what to correct. */
export function ReviewForm({ updateId }: { updateId: string }) {
  const t = useTranslations('Workspace.review');
  const errorText = useFormErrorText();
  const [state, formAction, pending] = useActionState(reviewProgressAction, IDLE_STATE);
  if (state.status === 'success') return <FormMessage tone="success">{t(state.message as 'verified')}</FormMessage>;
  const noteId = `note-${updateId}`;
  const noteErrors = state.status === 'error' ? state.fieldErrors?.note?.map(errorText.field) : undefined;
  return (
    <form action={formAction} className="form review-form">
      <fieldset>
        <legend>{t('legend')}</legend>
        {state.status === 'error' && state.error === 'unauthenticated' && <SessionExpired />}
        {state.status === 'error' && state.error === 'conflict' && <FormMessage tone="error">{t('conflict')}</FormMessage>}
        {state.status === 'error' && !['invalid', 'unauthenticated', 'conflict'].includes(state.error) && (
          <FormMessage tone="error">{errorText.form(state.error)}</FormMessage>
        )}
        <input type="hidden" name="updateId" value={updateId} />
        <div className="field">
          <label htmlFor={noteId}>{t('note')}</label>
          <textarea
            id={noteId}
            name="note"
            rows={2}
            defaultValue={state.status === 'error' ? String(state.values?.note ?? '') : ''}
            aria-invalid={Boolean(noteErrors)}
            aria-describedby={noteErrors ? `${noteId}-errors` : undefined}
          />
          <FieldErrors id={`${noteId}-errors`} messages={noteErrors} />
        </div>
        <div className="button-row">
          <button type="submit" name="decision" value="verify" className="button" disabled={pending}>
            {pending ? t('working') : t('verify')}
          </button>
          <button type="submit" name="decision" value="reject" className="button button-secondary" disabled={pending}>
            {t('reject')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
