import { z } from 'zod';
import { fromIsoDate, todayIso } from '../dates.ts';
import {
  dateField,
  emptyFields,
  enumField,
  idField,
  optionalDate,
  optionalId,
  optionalNumber,
  optionalRows,
  optionalText,
  plainText,
  requiredText,
  urlField,
  versionField,
} from './fields.ts';

export const PROGRESS_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DELAYED', 'STALLED', 'CANCELLED'] as const;
export const EVIDENCE_KINDS = ['OFFICIAL_STATEMENT', 'DOCUMENT', 'NEWS_REPORT', 'DATASET', 'SITE_VISIT'] as const;

const MAX_EVIDENCE = 20;

const EvidenceSchema = z.object({
  url: urlField,
  title: requiredText(300),
  publisher: optionalText(200),
  publishedOn: optionalDate,
  kind: enumField(EVIDENCE_KINDS),
});

const inRange =
  (min: number, max = Infinity) =>
  (value: number | null) =>
    value === null || (value >= min && value <= max);

export const ProgressUpdateSchema = z
  .object({
    milestoneId: idField,
    observedOn: dateField.refine((day) => day <= fromIsoDate(todayIso()), 'futureDate'),
    status: enumField(PROGRESS_STATUSES),
    /** One-off milestones: progress 0–100. */
    progress: optionalNumber.refine(inRange(0, 100), 'outOfRange'),
    /** Recurring obligations: quantity delivered. */
    quantity: optionalNumber.refine(inRange(0), 'outOfRange'),
    /** Numeric targets: actual value. */
    actualValue: optionalNumber,
    narrative: requiredText(5000),
    // The form always offers a few evidence rows; the ones left empty are not evidence.
    evidence: optionalRows(EvidenceSchema, emptyFields('url', 'title', 'publisher', 'publishedOn')).refine(
      (rows) => rows.length <= MAX_EVIDENCE,
      'tooMany',
    ),
    supersedesId: optionalId,
    correctionReason: optionalText(2000),
  })
  .refine((input) => !input.supersedesId || input.correctionReason, { path: ['correctionReason'], message: 'required' });

export type ProgressUpdateInput = z.infer<typeof ProgressUpdateSchema>;

export const ReviewSchema = z
  .object({
    updateId: idField,
    decision: enumField(['verify', 'reject'] as const),
    note: optionalText(2000),
  })
  .refine((input) => input.decision === 'verify' || input.note, { path: ['note'], message: 'reasonRequired' });

export type ReviewInput = z.infer<typeof ReviewSchema>;

export const MilestoneDetailsSchema = z.object({
  milestoneId: idField,
  version: versionField,
  description: plainText(5000),
  dueOn: optionalDate,
  responsiblePartyId: optionalId,
});

export type MilestoneDetailsInput = z.infer<typeof MilestoneDetailsSchema>;
