'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { recordProgressAction } from '@/app/(signed-in)/workspace/actions.ts';
import { SessionExpired, useFormErrorText } from '@/components/forms/form-feedback.tsx';
import { FieldErrors, FormMessage, SubmitButton } from '@/components/forms/form-parts.tsx';
import { useLocalDraft } from '@/components/forms/use-local-draft.ts';
import { IDLE_STATE } from '@/lib/forms/action-state.ts';

type Option = { value: string; label: string };
export type RecordFormDefaults = Partial<
  Record<'observedOn' | 'status' | 'progress' | 'quantity' | 'actualValue' | 'narrative' | 'supersedesId' | 'correctionReason', string>
>;
type Evidence = Partial<Record<'url' | 'title' | 'publisher' | 'publishedOn' | 'kind', string>>;

const MAX_EVIDENCE = 20;

export function RecordForm({
  milestone,
  defaults,
  statuses,
  evidenceKinds,
  correctable,
}: {
  milestone: { id: string; kind: 'ONE_OFF' | 'RECURRING' | 'TARGET'; unit: string };
  defaults: RecordFormDefaults;
  statuses: Option[];
  evidenceKinds: Option[];
  correctable: Option[];
}) {
  const t = useTranslations('Workspace.record');
  const errorText = useFormErrorText();
  const [state, formAction] = useActionState(recordProgressAction, IDLE_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useLocalDraft(formRef, `record:${milestone.id}`, state.status === 'success');

  const submitted = state.status === 'error' ? (state.values as Record<string, unknown> | undefined) : undefined;
  const values = { ...defaults, ...draft.values, ...(submitted as RecordFormDefaults | undefined) };
  const submittedEvidence = (submitted?.evidence ?? draft.values.evidence ?? []) as Evidence[];
  const [added, setAdded] = useState(0);
  const rows = Math.min(MAX_EVIDENCE, Math.max(3, submittedEvidence.length + 1) + added);

  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  const fieldErrors = (name: string) => errors[name]?.map(errorText.field);
  const invalid = (name: string) => ({
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': errors[name] ? `${name}-errors` : undefined,
  });

  const valueField = { ONE_OFF: 'progress', RECURRING: 'quantity', TARGET: 'actualValue' }[milestone.kind] as
    'progress' | 'quantity' | 'actualValue';
  const valueLabel = {
    progress: t('progress'),
    quantity: t('quantity', { unit: milestone.unit }),
    actualValue: t('actualValue', { unit: milestone.unit }),
  }[valueField];

  if (state.status === 'success') {
    return (
      <FormMessage tone="success">
        {t('recorded')} <Link href="/workspace">{t('backToAgreement')}</Link>
      </FormMessage>
    );
  }

  return (
    <form ref={formRef} action={formAction} className="form" noValidate>
      {state.status === 'error' && state.error === 'unauthenticated' && <SessionExpired />}
      {state.status === 'error' && state.error !== 'unauthenticated' && (
        <FormMessage tone="error">{errorText.form(state.error)}</FormMessage>
      )}
      {draft.restored && (
        <p className="muted">
          {draft.restoredText}{' '}
          <button type="button" className="link-button" onClick={draft.discard}>
            {draft.discardText}
          </button>
        </p>
      )}
      <input type="hidden" name="milestoneId" value={milestone.id} />

      <div className="field">
        <label htmlFor="observedOn">{milestone.kind === 'RECURRING' ? t('observedOnDelivery') : t('observedOn')}</label>
        <input id="observedOn" name="observedOn" type="date" required defaultValue={values.observedOn} {...invalid('observedOn')} />
        <FieldErrors id="observedOn-errors" messages={fieldErrors('observedOn')} />
      </div>
      <div className="field">
        <label htmlFor="status">{t('status')}</label>
        <select id="status" name="status" defaultValue={values.status} {...invalid('status')}>
          {statuses.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldErrors id="status-errors" messages={fieldErrors('status')} />
      </div>
      <div className="field">
        <label htmlFor={valueField}>{valueLabel}</label>
        <input
          id={valueField}
          name={valueField}
          type="number"
          step="any"
          inputMode="decimal"
          required
          min={valueField === 'actualValue' ? undefined : 0}
          max={valueField === 'progress' ? 100 : undefined}
          defaultValue={values[valueField]}
          {...invalid(valueField)}
        />
        <FieldErrors id={`${valueField}-errors`} messages={fieldErrors(valueField)} />
      </div>
      <div className="field">
        <label htmlFor="narrative">{t('narrative')}</label>
        <textarea id="narrative" name="narrative" rows={4} required defaultValue={values.narrative} {...invalid('narrative')} />
        <FieldErrors id="narrative-errors" messages={fieldErrors('narrative')} />
      </div>

      <fieldset aria-describedby={errors.evidence ? 'evidence-errors' : undefined}>
        <legend>{t('evidenceLegend')}</legend>
        <p className="muted">{t('evidenceIntro')}</p>
        <FieldErrors id="evidence-errors" messages={fieldErrors('evidence')} />
        {Array.from({ length: rows }, (_, index) => {
          const item = submittedEvidence[index] ?? {};
          const name = (field: string) => `evidence[${index}].${field}`;
          const id = (field: string) => `evidence-${index}-${field}`;
          const itemInvalid = (field: string) => invalid(`evidence.${index}.${field}`);
          return (
            <fieldset key={index} className="evidence-item">
              <legend>{t('evidenceItem', { number: index + 1 })}</legend>
              <div className="field">
                <label htmlFor={id('url')}>{t('url')}</label>
                <input
                  id={id('url')}
                  name={name('url')}
                  type="url"
                  defaultValue={item.url}
                  {...itemInvalid('url')}
                  aria-describedby={errors[`evidence.${index}.url`] ? `evidence.${index}.url-errors` : undefined}
                />
                <FieldErrors id={`evidence.${index}.url-errors`} messages={fieldErrors(`evidence.${index}.url`)} />
              </div>
              <div className="field">
                <label htmlFor={id('title')}>{t('evidenceTitle')}</label>
                <input
                  id={id('title')}
                  name={name('title')}
                  defaultValue={item.title}
                  {...itemInvalid('title')}
                  aria-describedby={errors[`evidence.${index}.title`] ? `evidence.${index}.title-errors` : undefined}
                />
                <FieldErrors id={`evidence.${index}.title-errors`} messages={fieldErrors(`evidence.${index}.title`)} />
              </div>
              <div className="field-row">
                <div className="field">
                  <label htmlFor={id('publisher')}>{t('publisher')}</label>
                  <input id={id('publisher')} name={name('publisher')} defaultValue={item.publisher} />
                </div>
                <div className="field">
                  <label htmlFor={id('publishedOn')}>{t('publishedOn')}</label>
                  <input id={id('publishedOn')} name={name('publishedOn')} type="date" defaultValue={item.publishedOn} />
                </div>
                <div className="field">
                  <label htmlFor={id('kind')}>{t('kind')}</label>
                  <select id={id('kind')} name={name('kind')} defaultValue={item.kind ?? 'DOCUMENT'}>
                    {evidenceKinds.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            </fieldset>
          );
        })}
        {rows < MAX_EVIDENCE && (
          <button type="button" className="button button-secondary" onClick={() => setAdded((count) => count + 1)}>
            {t('addEvidence')}
          </button>
        )}
      </fieldset>

      {correctable.length > 0 && (
        <fieldset>
          <legend>{t('correctionLegend')}</legend>
          <div className="field">
            <label htmlFor="supersedesId">{t('supersedes')}</label>
            <select id="supersedesId" name="supersedesId" defaultValue={values.supersedesId ?? ''} {...invalid('supersedesId')}>
              <option value="">{t('supersedesNone')}</option>
              {correctable.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <FieldErrors id="supersedesId-errors" messages={fieldErrors('supersedesId')} />
          </div>
          <div className="field">
            <label htmlFor="correctionReason">{t('correctionReason')}</label>
            <textarea
              id="correctionReason"
              name="correctionReason"
              rows={2}
              defaultValue={values.correctionReason}
              {...invalid('correctionReason')}
            />
            <FieldErrors id="correctionReason-errors" messages={fieldErrors('correctionReason')} />
          </div>
        </fieldset>
      )}
      <SubmitButton label={t('submit')} pendingLabel={t('submitting')} />
    </form>
  );
}
