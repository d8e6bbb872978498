// The agreement form: its own fields, its parties with their roles, its sectors and its sources.
import { z } from 'zod';
import { AgreementKind, LifecycleStatus, PartyRole, SourceDocumentKind } from '../generated/prisma/enums.ts';
import {
  ALWAYS,
  emptyFields,
  enumField,
  idField,
  optionalDate,
  optionalRows,
  plainText,
  requiredText,
  slugField,
  urlField,
  versionField,
} from './fields.ts';
import { enumValues } from './enums.ts';

const PartyRowSchema = z.object({ partyId: idField, role: enumField(enumValues(PartyRole)) });

const DocumentRowSchema = z.object({
  title: requiredText(300),
  url: urlField,
  kind: enumField(enumValues(SourceDocumentKind)),
  publishedOn: optionalDate,
});

const agreementFields = {
  slug: slugField,
  title: requiredText(300),
  kind: enumField(enumValues(AgreementKind)),
  status: enumField(enumValues(LifecycleStatus)),
  signedOn: optionalDate,
  effectiveOn: optionalDate,
  expiresOn: optionalDate,
  summary: plainText(5000),
  // A party row without a party chosen is one of the blank rows the form offers.
  parties: optionalRows(PartyRowSchema, emptyFields('partyId')),
  sectors: z
    .array(idField)
    .optional()
    .transform((ids) => [...new Set(ids ?? [])]),
  documents: optionalRows(DocumentRowSchema, emptyFields('title', 'url', 'publishedOn')),
};

function checkDates(input: { effectiveOn: unknown; expiresOn: unknown }, context: z.RefinementCtx) {
  if (input.effectiveOn instanceof Date && input.expiresOn instanceof Date && input.expiresOn < input.effectiveOn) {
    context.addIssue({ code: 'custom', path: ['expiresOn'], message: 'endBeforeStart' });
  }
}

export const AgreementSchema = z.object(agreementFields).superRefine(checkDates, ALWAYS);
export type AgreementInput = z.output<typeof AgreementSchema>;

export const AgreementUpdateSchema = z.object({ ...agreementFields, id: idField, version: versionField }).superRefine(checkDates, ALWAYS);
export type AgreementUpdateInput = z.output<typeof AgreementUpdateSchema>;

/** Publish, unpublish, archive, restore: which agreement, as of which version. */
export const AgreementStateSchema = z.object({ id: idField, version: versionField });
export type AgreementStateInput = z.output<typeof AgreementStateSchema>;
