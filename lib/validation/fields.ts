// Field schemas shared by forms and actions. Messages are keys into the `Forms.errors` catalog.
import { z } from 'zod';
import { isIsoDate, todayIso } from '../dates.ts';

/** Form fields arrive as strings; an empty one means "not given". */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'tooLong');
export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, 'tooLong').optional());

export const isoDate = z.string({ error: 'required' }).trim().refine(isIsoDate, 'invalidDate');
export const optionalIsoDate = z.preprocess(blankToUndefined, isoDate.optional());
export const pastOrTodayDate = isoDate.refine((value) => value <= todayIso(), 'futureDate');

export const id = z.uuid({ error: 'invalidChoice' });
export const optionalId = z.preprocess(blankToUndefined, id.optional());

export const optionalNumber = (min = -Infinity, max = Infinity) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: 'invalidNumber' }).refine(Number.isFinite, 'invalidNumber').min(min, 'outOfRange').max(max, 'outOfRange').optional(),
  );

export const webUrl = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(2000, 'tooLong')
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'invalidUrl');

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'invalidChoice' });
