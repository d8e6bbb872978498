// Building blocks for form schemas. Forms submit strings; these turn them into typed values, with
// message keys (translated by the form) for every way a field can be wrong. Empty optional fields
// become null, so clearing a field in a form clears it in the database.
import { z } from 'zod';
import { fromIsoDate, isIsoDate } from '../dates.ts';

/**
 * The one way input schemas take a string. PostgreSQL's text cannot hold the NUL character (it
 * answers error 22021, which would surface as a 500), so it is refused here, with a message, before
 * anything is read or written. Other schemas build on this instead of `z.string()`.
 */
export const text = (messages: { error?: string; nul?: string } = {}) =>
  z
    .string(messages.error ? { error: messages.error } : undefined)
    .refine((value) => !value.includes('\u0000'), messages.nul ?? 'invalidCharacters');

export const requiredText = (max = 200) => text({ error: 'required' }).trim().min(1, 'required').max(max, 'tooLong');

/** Optional text: absent or blank becomes null. */
export const optionalText = (max = 200) =>
  text()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((value) => (value ? value : null));

/** Optional long text stored as '' when empty (columns with a default of ''). */
export const plainText = (max = 5000) =>
  text()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((value) => value ?? '');

export const slugField = requiredText(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slugFormat');

export const idField = z.uuid({ error: 'invalidChoice' });

export const optionalId = text()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(idField.nullable());

export const versionField = z.coerce.number({ error: 'required' }).int().positive();

export const enumField = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalidChoice' });

export const dateField = requiredText(10).refine(isIsoDate, 'invalidDate').transform(fromIsoDate);

export const optionalDate = text()
  .trim()
  .optional()
  .refine((value) => !value || isIsoDate(value), 'invalidDate')
  .transform((value) => (value ? fromIsoDate(value) : null));

const numeric = (value: string) => value !== '' && Number.isFinite(Number(value));

/** A finite number, or null when left empty. */
export const optionalNumber = text()
  .trim()
  .optional()
  .refine((value) => !value || numeric(value), 'invalidNumber')
  .transform((value) => (value ? Number(value) : null));

export const urlField = requiredText(2000).pipe(z.url({ protocol: /^https?$/, error: 'invalidUrl' }));

export const optionalUrl = text()
  .trim()
  .max(2000, 'tooLong')
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.url({ protocol: /^https?$/, error: 'invalidUrl' }).nullable());

/**
 * A repeatable group of fields (`rows[0].field`) where the form always offers blank rows to fill in.
 * Rows that `isBlank` says were left empty are dropped after validation, so error paths keep the
 * row numbers the form used.
 */
export function optionalRows<T extends z.ZodType>(row: T, isBlank: (row: Record<string, unknown>) => boolean) {
  return z
    .array(
      z.preprocess(
        (value) => (value && typeof value === 'object' && isBlank(value as Record<string, unknown>) ? null : value),
        row.nullable(),
      ),
    )
    .optional()
    .transform((rows) => (rows ?? []).filter((item): item is NonNullable<z.output<T>> => item !== null));
}

/** True when every listed field is empty or absent. */
export const emptyFields =
  (...names: string[]) =>
  (row: Record<string, unknown>) =>
    names.every((name) => row[name] === undefined || String(row[name]).trim() === '');

/**
 * For cross-field refinements: run even when other fields already failed, so a form shows every
 * problem at once. Such refinements must check the types of what they read (a field that failed
 * still holds its raw input).
 */
export const ALWAYS = { when: () => true } as const;
