'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { editMilestoneDetailsAction } from '@/app/(signed-in)/workspace/actions.ts';
import { ConflictNotice } from '@/components/forms/conflict-notice.tsx';
import { SessionExpired, useFormErrorText } from '@/components/forms/form-feedback.tsx';
import { FieldErrors, FormMessage, SubmitButton } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE } from '@/lib/forms/action-state.ts';

type Details = { id: string; version: number; description: string; dueOn: string; responsiblePartyId: string };

export function DetailsForm({ milestone, parties }: { milestone: Details; parties: { value: string; label: string }[] }) {
  const t = useTranslations('Workspace.details');
  const errorText = useFormErrorText();
  const [state, formAction] = useActionState(editMilestoneDetailsAction, IDLE_STATE);
  const submitted = state.status === 'error' ? (state.values as Partial<Details> | undefined) : undefined;
  const conflict = state.status === 'error' && state.error === 'conflict' ? (state.current as Details) : null;
  const values = { ...milestone, ...submitted };
  // After a conflict the form is based on what is stored now: submitting again is a deliberate save.
  const version = conflict?.version ?? milestone.version;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const partyName = (id: unknown) => parties.find((party) => party.value === id)?.label ?? String(id ?? '');
  const invalid = (name: string) => ({
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': errors[name] ? `${name}-errors` : undefined,
  });

  return (
    <form action={formAction} className="form" noValidate key={version}>
      {state.status === 'success' && <FormMessage tone="success">{t('saved')}</FormMessage>}
      {state.status === 'error' && state.error === 'unauthenticated' && <SessionExpired />}
      {conflict && (
        <ConflictNotice
          current={conflict}
          submitted={values}
          fields={[
            { name: 'description', label: t('description') },
            { name: 'dueOn', label: t('dueOn') },
            { name: 'responsiblePartyId', label: t('responsible'), format: partyName },
          ]}
        />
      )}
      {state.status === 'error' && !['invalid', 'unauthenticated', 'conflict'].includes(state.error) && (
        <FormMessage tone="error">{errorText.form(state.error)}</FormMessage>
      )}
      <input type="hidden" name="milestoneId" value={milestone.id} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="description">{t('description')}</label>
        <textarea id="description" name="description" rows={5} defaultValue={values.description} {...invalid('description')} />
        <FieldErrors id="description-errors" messages={errors.description?.map(errorText.field)} />
      </div>
      <div className="field">
        <label htmlFor="dueOn">{t('dueOn')}</label>
        <input id="dueOn" name="dueOn" type="date" defaultValue={values.dueOn} {...invalid('dueOn')} />
        <FieldErrors id="dueOn-errors" messages={errors.dueOn?.map(errorText.field)} />
      </div>
      <div className="field">
        <label htmlFor="responsiblePartyId">{t('responsible')}</label>
        <select
          id="responsiblePartyId"
          name="responsiblePartyId"
          defaultValue={values.responsiblePartyId}
          {...invalid('responsiblePartyId')}
        >
          <option value="">{t('responsibleNone')}</option>
          {parties.map((party) => (
            <option key={party.value} value={party.value}>
              {party.label}
            </option>
          ))}
        </select>
        <FieldErrors id="responsiblePartyId-errors" messages={errors.responsiblePartyId?.map(errorText.field)} />
      </div>
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} />
    </form>
  );
}
