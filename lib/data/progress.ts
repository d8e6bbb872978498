import 'server-only';
import { appendAudit } from '../audit/write.ts';
import { authorizeUser } from '../auth/authorize.ts';
import { ConflictError, NotFoundError } from '../auth/errors.ts';
import type { Viewer } from '../auth/session.ts';
import type { Tx } from '../db-client.ts';
import { getDb } from '../db.ts';
import { startOfMonth, todayIso } from '../dates.ts';
import { InputError } from '../forms/input-error.ts';
import type { FieldErrors } from '../forms/action-state.ts';
import type { ProgressUpdateInput, ReviewInput } from '../validation/progress.ts';
import { lockAgreement, recomputeAgreement } from './scores.ts';

/** Long enough for 50 reviews queueing on one agreement's lock. */
const WRITE_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

type MilestoneForRecording = { kind: 'ONE_OFF' | 'RECURRING' | 'TARGET'; baseline: number | null; target: number | null };

/** The rules that depend on the milestone: which value is required, and when evidence is. */
export function progressRuleErrors(milestone: MilestoneForRecording, input: ProgressUpdateInput): FieldErrors {
  const errors: FieldErrors = {};
  const value = { ONE_OFF: input.progress, RECURRING: input.quantity, TARGET: input.actualValue }[milestone.kind];
  const field = { ONE_OFF: 'progress', RECURRING: 'quantity', TARGET: 'actualValue' }[milestone.kind];
  if (value === null) errors[field] = ['valueRequired'];
  if (milestone.kind === 'ONE_OFF' && input.status === 'ACHIEVED' && value !== null && value < 100) {
    errors.progress = ['achievedMeansComplete'];
  }
  const baseline = milestone.baseline ?? 0;
  const direction = Math.sign((milestone.target ?? 0) - baseline) || 1;
  const claimsProgress = value !== null && (milestone.kind === 'TARGET' ? (value - baseline) * direction > 0 : value > 0);
  if (claimsProgress && input.evidence.length === 0) errors.evidence = ['evidenceRequired'];
  return errors;
}

async function loadLiveMilestone(tx: Tx, milestoneId: string) {
  const milestone = await tx.milestone.findFirst({
    where: { id: milestoneId, archivedAt: null, agreement: { archivedAt: null } },
    select: { id: true, agreementId: true, kind: true, baseline: true, target: true },
  });
  if (!milestone) throw new NotFoundError('milestone');
  return milestone;
}

/**
 * Records a pending progress update with its evidence. It counts nowhere (scores, public pages) until
 * another analyst or an admin verifies it. A correction supersedes an earlier update of the same
 * milestone and says why; the earlier one is never edited.
 */
export async function recordProgressUpdate(viewer: Viewer, input: ProgressUpdateInput) {
  return getDb().$transaction(async (tx) => {
    const milestone = await loadLiveMilestone(tx, input.milestoneId);
    const author = await authorizeUser(viewer, 'progress:record', { agreementId: milestone.agreementId }, tx);
    const errors = progressRuleErrors(milestone, input);
    if (input.supersedesId) {
      const earlier = await tx.progressUpdate.findFirst({
        where: {
          id: input.supersedesId,
          milestoneId: milestone.id,
          supersededBy: { none: { reviewState: { in: ['PENDING', 'VERIFIED'] } } },
        },
        select: { id: true },
      });
      if (!earlier) errors.supersedesId = ['notCorrectable'];
    }
    if (Object.keys(errors).length) throw new InputError(errors);

    const update = await tx.progressUpdate.create({
      data: {
        milestoneId: milestone.id,
        agreementId: milestone.agreementId,
        authorId: author.id,
        authorSideId: author.partyId,
        observedOn: input.observedOn,
        status: input.status,
        progress: milestone.kind === 'ONE_OFF' ? input.progress : null,
        quantity: milestone.kind === 'RECURRING' ? input.quantity : null,
        actualValue: milestone.kind === 'TARGET' ? input.actualValue : null,
        narrative: input.narrative,
        supersedesId: input.supersedesId,
        correctionReason: input.supersedesId ? input.correctionReason : null,
        evidence: {
          create: input.evidence.map((item, position) => ({ ...item, position })),
        },
      },
      select: { id: true, agreementId: true },
    });
    await appendAudit(tx, {
      actorId: author.id,
      action: input.supersedesId ? 'progress.correct' : 'progress.record',
      entityType: 'progress_update',
      entityId: update.id,
      after: { ...input, agreementId: update.agreementId, authorSideId: author.partyId },
    });
    return update;
  }, WRITE_TRANSACTION);
}

/**
 * Verifies or rejects a pending update (four eyes: never one's own). Verifying changes scores: the
 * milestone's and agreement's stored scores are recomputed in the same transaction, under the
 * agreement's lock, so concurrent reviews of sibling milestones cannot lose each other's effect.
 */
export async function reviewProgressUpdate(viewer: Viewer, input: ReviewInput) {
  return getDb().$transaction(async (tx) => {
    const found = await tx.progressUpdate.findFirst({
      where: { id: input.updateId, milestone: { archivedAt: null }, agreement: { archivedAt: null } },
      select: { agreementId: true },
    });
    if (!found) throw new NotFoundError('progress update');
    // Lock order everywhere: the agreement first, then its rows.
    await lockAgreement(tx, found.agreementId);
    const reviewer = await authorizeUser(viewer, 'progress:review', { updateId: input.updateId, agreementId: found.agreementId }, tx);
    const [update] = await tx.$queryRaw<{ review_state: string; reviewed_at: Date | null; narrative: string }[]>`
      select review_state, reviewed_at, narrative from progress_update where id = ${input.updateId}::uuid for update`;
    if (!update || update.review_state !== 'PENDING') {
      throw new ConflictError({ reviewState: update?.review_state, reviewedAt: update?.reviewed_at?.toISOString() ?? null });
    }
    const reviewState = input.decision === 'verify' ? 'VERIFIED' : 'REJECTED';
    const reviewedAt = new Date();
    await tx.progressUpdate.update({
      where: { id: input.updateId },
      data: { reviewState, reviewerId: reviewer.id, reviewedAt, reviewNote: input.note ?? null },
    });
    const scores = reviewState === 'VERIFIED'
      ? await recomputeAgreement(tx, found.agreementId, { fromMonth: startOfMonth(todayIso()), appendToSearchText: update.narrative })
      : null;
    await appendAudit(tx, {
      actorId: reviewer.id,
      action: reviewState === 'VERIFIED' ? 'progress.verify' : 'progress.reject',
      entityType: 'progress_update',
      entityId: input.updateId,
      before: { reviewState: 'PENDING' },
      after: { reviewState, note: input.note ?? null, agreementScore: scores?.score },
    });
    return { agreementId: found.agreementId, reviewState, agreementScore: scores?.score ?? null };
  }, WRITE_TRANSACTION);
}
