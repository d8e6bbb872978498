// Milestones come in three kinds; the form shows every field and the schema keeps only those of
// the chosen kind (the others are stored empty), requiring what that kind needs.
import { z } from 'zod';
import { MilestoneKind, RecurrenceFrequency } from '../generated/prisma/enums.ts';
import { enumValues } from './enums.ts';
import {
  ALWAYS,
  enumField,
  idField,
  optionalDate,
  optionalId,
  optionalNumber,
  optionalText,
  plainText,
  requiredText,
  text,
  versionField,
} from './fields.ts';

const milestoneFields = {
  title: requiredText(300),
  description: plainText(5000),
  clauseRef: optionalText(100),
  clauseExcerpt: optionalText(5000),
  responsiblePartyId: optionalId,
  dueOn: optionalDate,
  weight: requiredText(20)
    .refine((value) => Number.isFinite(Number(value)), 'invalidNumber')
    .transform(Number)
    .pipe(z.number().positive('positive').max(1000, 'outOfRange')),
  kind: enumField(enumValues(MilestoneKind)),
  frequency: text().optional(),
  quantityPerPeriod: optionalNumber,
  unit: optionalText(50),
  startsOn: optionalDate,
  endsOn: optionalDate,
  baseline: optionalNumber,
  target: optionalNumber,
};

type Fields = z.output<z.ZodObject<typeof milestoneFields>>;

const FREQUENCIES: readonly string[] = enumValues(RecurrenceFrequency);

function checkKind(input: Fields, context: z.RefinementCtx) {
  const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  // Fields that failed their own parsing already have a message; only empty ones are "missing".
  const empty = (value: unknown) => value === null || value === undefined || value === '';
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  if (input.kind === 'RECURRING') {
    if (empty(input.frequency)) issue('frequency', 'required');
    else if (!FREQUENCIES.includes(String(input.frequency))) issue('frequency', 'invalidChoice');
    if (empty(input.quantityPerPeriod)) issue('quantityPerPeriod', 'required');
    else if ((number(input.quantityPerPeriod) ?? 1) <= 0) issue('quantityPerPeriod', 'positive');
    if (empty(input.unit)) issue('unit', 'required');
    if (empty(input.startsOn)) issue('startsOn', 'required');
    if (input.startsOn instanceof Date && input.endsOn instanceof Date && input.endsOn < input.startsOn) issue('endsOn', 'endBeforeStart');
  }
  if (input.kind === 'TARGET') {
    if (empty(input.baseline)) issue('baseline', 'required');
    if (empty(input.target)) issue('target', 'required');
    if (number(input.baseline) !== null && number(input.baseline) === number(input.target)) issue('target', 'baselineEqualsTarget');
    if (empty(input.unit)) issue('unit', 'required');
  }
}

/** Only the fields of the chosen kind survive; the rest are stored empty. */
function keepKindFields(input: Fields) {
  const recurring = input.kind === 'RECURRING';
  const target = input.kind === 'TARGET';
  return {
    title: input.title,
    description: input.description,
    clauseRef: input.clauseRef,
    clauseExcerpt: input.clauseExcerpt,
    responsiblePartyId: input.responsiblePartyId,
    dueOn: input.dueOn,
    weight: input.weight,
    kind: input.kind,
    frequency: recurring ? (input.frequency as RecurrenceFrequency) : null,
    quantityPerPeriod: recurring ? input.quantityPerPeriod : null,
    unit: recurring || target ? input.unit : null,
    startsOn: recurring ? input.startsOn : null,
    endsOn: recurring ? input.endsOn : null,
    baseline: target ? input.baseline : null,
    target: target ? input.target : null,
  };
}

/** The milestone's own fields, without its agreement: the CSV import names the agreement by slug. */
export const MilestoneFieldsSchema = z.object(milestoneFields).superRefine(checkKind, ALWAYS).transform(keepKindFields);
export type MilestoneFieldsInput = z.output<typeof MilestoneFieldsSchema>;

export const MilestoneSchema = z
  .object({ ...milestoneFields, agreementId: idField })
  .superRefine(checkKind, ALWAYS)
  .transform((input) => ({ agreementId: input.agreementId, ...keepKindFields(input) }));
export type MilestoneInput = z.output<typeof MilestoneSchema>;

export const MilestoneUpdateSchema = z
  .object({ ...milestoneFields, id: idField, version: versionField })
  .superRefine(checkKind, ALWAYS)
  .transform((input) => ({ id: input.id, version: input.version, ...keepKindFields(input) }));
export type MilestoneUpdateInput = z.output<typeof MilestoneUpdateSchema>;

export const MilestoneStateSchema = z.object({ id: idField, version: versionField });
export type MilestoneStateInput = z.output<typeof MilestoneStateSchema>;

export const MilestoneMoveSchema = z.object({
  id: idField,
  version: versionField,
  direction: z.enum(['up', 'down'], { error: 'invalidChoice' }),
});
export type MilestoneMoveInput = z.output<typeof MilestoneMoveSchema>;
