import { z } from 'zod';
import { choice, id, optionalId, optionalIsoDate, optionalNumber, optionalText, pastOrTodayDate, requiredText, webUrl } from './fields.ts';

export const PROGRESS_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'DELAYED', 'STALLED', 'CANCELLED'] as const;
export const EVIDENCE_KINDS = ['OFFICIAL_STATEMENT', 'DOCUMENT', 'NEWS_REPORT', 'DATASET', 'SITE_VISIT'] as const;

const EvidenceSchema = z.object({
  url: webUrl,
  title: requiredText(300),
  publisher: optionalText(200),
  publishedOn: optionalIsoDate,
  kind: choice(EVIDENCE_KINDS),
});

/** Evidence rows left entirely blank are extra rows of the form, not evidence. */
function dropBlankRows(value: unknown) {
  if (!Array.isArray(value)) return value;
  return value.filter(
    (row) => row && typeof row === 'object' && Object.entries(row).some(([key, item]) => key !== 'kind' && typeof item === 'string' && item.trim() !== ''),
  );
}

export const ProgressUpdateSchema = z
  .object({
    milestoneId: id,
    observedOn: pastOrTodayDate,
    status: choice(PROGRESS_STATUSES),
    /** One-off milestones. */
    progress: optionalNumber(0, 100),
    /** Recurring obligations: quantity delivered. */
    quantity: optionalNumber(0),
    /** Numeric targets: actual value. */
    actualValue: optionalNumber(),
    narrative: requiredText(5000),
    evidence: z.preprocess(dropBlankRows, z.array(EvidenceSchema).max(20, 'tooMany').default([])),
    supersedesId: optionalId,
    correctionReason: optionalText(2000),
  })
  .refine((input) => !input.supersedesId || input.correctionReason, { path: ['correctionReason'], message: 'required' });

export type ProgressUpdateInput = z.infer<typeof ProgressUpdateSchema>;

export const ReviewSchema = z
  .object({
    updateId: id,
    decision: choice(['verify', 'reject'] as const),
    note: optionalText(2000),
  })
  .refine((input) => input.decision === 'verify' || input.note, { path: ['note'], message: 'reasonRequired' });

export type ReviewInput = z.infer<typeof ReviewSchema>;

export const MilestoneDetailsSchema = z.object({
  milestoneId: id,
  version: z.coerce.number().int().min(1),
  description: optionalText(5000),
  dueOn: optionalIsoDate,
  responsiblePartyId: optionalId,
});

export type MilestoneDetailsInput = z.infer<typeof MilestoneDetailsSchema>;
