// Parties and sectors: the two lists agreements are classified by.
import { z } from 'zod';
import { PartyKind } from '../generated/prisma/enums.ts';
import { ALWAYS, enumField, idField, optionalText, optionalUrl, plainText, requiredText, slugField, text, versionField } from './fields.ts';
import { enumValues } from './enums.ts';

export const PartySchema = z.object({
  slug: slugField,
  name: requiredText(200),
  shortName: optionalText(60),
  kind: enumField(enumValues(PartyKind)),
  countryCode: requiredText(100)
    .transform((value) => value.toUpperCase())
    .pipe(text().regex(/^[A-Z]{2}$/, 'countryCode')),
  description: plainText(2000),
  website: optionalUrl,
});
export type PartyInput = z.output<typeof PartySchema>;

export const PartyUpdateSchema = PartySchema.extend({ id: idField, version: versionField });
export type PartyUpdateInput = z.output<typeof PartyUpdateSchema>;

export const SectorSchema = z.object({
  slug: slugField,
  name: requiredText(200),
  description: plainText(2000),
});
export type SectorInput = z.output<typeof SectorSchema>;

export const SectorUpdateSchema = SectorSchema.extend({ id: idField, version: versionField });
export type SectorUpdateInput = z.output<typeof SectorUpdateSchema>;

/** Merge `id` (a duplicate) into `survivorId`; the duplicate is archived. */
export const MergeSchema = z
  .object({ id: idField, version: versionField, survivorId: text({ error: 'required' }).min(1, 'required').pipe(idField) })
  .refine((input) => input.id !== input.survivorId, { message: 'mergeIntoSelf', path: ['survivorId'], ...ALWAYS });
export type MergeInput = z.output<typeof MergeSchema>;
