'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import { ConflictNotice, type ConflictField } from '@/components/forms/conflict-notice.tsx';
import { FieldErrors, FormMessage } from '@/components/forms/form-parts.tsx';
import { IDLE_STATE, type ActionState } from '@/lib/forms/action-state.ts';
import { parsePath } from '@/lib/forms/form-data.ts';

export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
export interface Option {
  value: string;
  label: string;
}

function valueAt(values: unknown, name: string): unknown {
  return parsePath(name).reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    values,
  );
}

/**
 * The state of one admin form: what to show in each field (what was submitted, after a refusal, so
 * nothing typed is lost; otherwise what is stored), its translated field errors and its ids. Error
 * and notice keys are looked up in `namespace` (`errors.*`, `notices.*`), then in `Forms.errors`.
 */
export function useFormKit(action: FormAction, idPrefix: string, namespace = 'Admin') {
  const [state, formAction] = useActionState(action, IDLE_STATE);
  const t = useTranslations(namespace);
  const forms = useTranslations('Forms');
  const submitted = state.status === 'error' ? state.values : undefined;
  const translate = (key: string) =>
    t.has(`errors.${key}`) ? t(`errors.${key}`) : forms.has(`errors.${key}`) ? forms(`errors.${key}`) : forms('invalid');
  return {
    state,
    formAction,
    namespace,
    submitted,
    id: (name: string) => `${idPrefix}-${name.replace(/[^\w-]+/g, '-')}`,
    value(name: string, stored: unknown): string {
      const value = submitted ? valueAt(submitted, name) : stored;
      return value === null || value === undefined ? '' : String(value);
    },
    /** For checkboxes named `list[i]`: whether `value` was submitted, or is stored. */
    checked(list: string, value: string, stored: boolean): boolean {
      if (!submitted) return stored;
      const items = valueAt(submitted, list);
      return Array.isArray(items) && items.includes(value);
    },
    errors(name: string): string[] | undefined {
      if (state.status !== 'error') return undefined;
      return state.fieldErrors?.[name.replace(/\[(\d+)\]/g, '.$1')]?.map(translate);
    },
    /** The version to submit: the stored one after a conflict, so submitting again overwrites it. */
    version(stored: number): number {
      if (state.status === 'error' && state.error === 'conflict')
        return (state.current as { version?: number } | undefined)?.version ?? stored;
      return stored;
    },
  };
}
export type FormKit = ReturnType<typeof useFormKit>;

function describedBy(id: string, hint: boolean, errors: boolean) {
  return [hint && `${id}-hint`, errors && `${id}-errors`].filter(Boolean).join(' ') || undefined;
}

interface FieldProps {
  kit: FormKit;
  name: string;
  label: string;
  stored?: unknown;
  hint?: string;
  required?: boolean;
}

export function TextField({
  kit,
  name,
  label,
  stored,
  hint,
  required,
  type = 'text',
  autoComplete,
  inputMode,
}: FieldProps & {
  type?: 'text' | 'email' | 'url' | 'date' | 'password';
  autoComplete?: string;
  inputMode?: 'decimal' | 'numeric';
}) {
  const id = kit.id(name);
  const errors = kit.errors(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={type === 'password' ? undefined : kit.value(name, stored)}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={Boolean(errors)}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(errors))}
      />
      <FieldErrors id={`${id}-errors`} messages={errors} />
    </div>
  );
}

export function TextAreaField({ kit, name, label, stored, hint, required, rows = 4 }: FieldProps & { rows?: number }) {
  const id = kit.id(name);
  const errors = kit.errors(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={kit.value(name, stored)}
        required={required}
        aria-invalid={Boolean(errors)}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(errors))}
      />
      <FieldErrors id={`${id}-errors`} messages={errors} />
    </div>
  );
}

export function SelectField({
  kit,
  name,
  label,
  stored,
  hint,
  required,
  options,
  emptyLabel,
}: FieldProps & { options: Option[]; emptyLabel?: string }) {
  const id = kit.id(name);
  const errors = kit.errors(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <select
        id={id}
        name={name}
        defaultValue={kit.value(name, stored)}
        required={required}
        aria-invalid={Boolean(errors)}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(errors))}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-errors`} messages={errors} />
    </div>
  );
}

/** A submit button that says what is happening while the action runs. */
export function PendingButton({
  label,
  pendingLabel,
  variant = 'primary',
  ariaLabel,
}: {
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  /** A fuller name for assistive technology, starting with the visible label (e.g. which row). */
  ariaLabel?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={`button button-${variant}`}
      disabled={pending}
      aria-disabled={pending}
      aria-label={pending ? undefined : ariaLabel}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/**
 * The form's outcome: a conflict (what is stored now next to what was submitted), a refusal, or a
 * success notice. Field-level messages are shown at their fields.
 */
export function FormFeedback({
  kit,
  conflictFields = [],
  success,
  errorValues,
}: {
  kit: FormKit;
  conflictFields?: ConflictField[];
  success?: string;
  /** Values for placeholders in the form-level error messages, e.g. the slug in use. */
  errorValues?: Record<string, string>;
}) {
  const t = useTranslations(kit.namespace);
  const forms = useTranslations('Forms');
  const { state } = kit;
  if (state.status === 'success') {
    const key = `notices.${state.message ?? 'saved'}`;
    return <FormMessage tone="success">{success ?? (t.has(key) ? t(key) : forms('saved'))}</FormMessage>;
  }
  if (state.status !== 'error') return null;
  if (state.error === 'conflict') {
    return (
      <ConflictNotice fields={conflictFields} current={(state.current ?? {}) as Record<string, unknown>} submitted={state.values ?? {}} />
    );
  }
  const known: Record<string, string> = {
    invalid: forms('invalid'),
    forbidden: forms('forbidden'),
    'not-found': forms('notFound'),
    unauthenticated: forms('sessionExpired'),
    unexpected: forms('unexpected'),
  };
  const message = known[state.error] ?? (t.has(`errors.${state.error}`) ? t(`errors.${state.error}`, errorValues) : forms('unexpected'));
  return <FormMessage tone="error">{message}</FormMessage>;
}

/**
 * A one-button form for a state change of a record (publish, archive, deactivate, move…): the
 * record's id and version travel as hidden fields, so a change made from a stale page is refused.
 */
export function ActionButton({
  action,
  idPrefix,
  fields,
  version,
  label,
  pendingLabel,
  variant = 'secondary',
  success,
  ariaLabel,
  errorValues,
}: {
  action: FormAction;
  idPrefix: string;
  fields: Record<string, string>;
  version?: number;
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  success?: string;
  ariaLabel?: string;
  errorValues?: Record<string, string>;
}) {
  const kit = useFormKit(action, idPrefix);
  return (
    <form action={kit.formAction} className="action-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {version !== undefined && <input type="hidden" name="version" value={kit.version(version)} />}
      <PendingButton label={label} pendingLabel={pendingLabel} variant={variant} ariaLabel={ariaLabel} />
      <FormFeedback kit={kit} success={success} errorValues={errorValues} />
    </form>
  );
}
