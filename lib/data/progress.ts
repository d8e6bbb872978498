import 'server-only';
import { appendAudit, auditAppendSql, MISSING_HEAD } from '../audit/write.ts';
import { authorizeUser } from '../auth/authorize.ts';
import { ConflictError, NotFoundError } from '../auth/errors.ts';
import type { Viewer } from '../auth/session.ts';
import type { Tx } from '../db-client.ts';
import { getDb } from '../db.ts';
import { startOfMonth, todayIso, toIsoDate, toIsoDateOrNull } from '../dates.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { InputError } from '../forms/input-error.ts';
import type { FieldErrors } from '../forms/action-state.ts';
import type { ProgressUpdateInput, ReviewInput } from '../validation/progress.ts';
import { newId } from './ids.ts';
import { recomputeAgreement } from './scores.ts';

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

async function loadLiveMilestone(db: Tx, milestoneId: string) {
  const milestone = await db.milestone.findFirst({
    where: { id: milestoneId, archivedAt: null, agreement: { archivedAt: null } },
    select: { id: true, agreementId: true, kind: true, baseline: true, target: true },
  });
  if (!milestone) throw new NotFoundError('milestone');
  return milestone;
}

/** An update may be corrected while no pending or verified correction of it exists. */
function correctionOpenSql(supersedesId: string) {
  return Prisma.sql`not exists (select 1 from progress_update later
    where later.supersedes_id = ${supersedesId}::uuid and later.review_state in ('PENDING', 'VERIFIED'))`;
}

/**
 * Records a pending progress update with its evidence. It counts nowhere (scores, public pages) until
 * another analyst or an admin verifies it. A correction supersedes an earlier update of the same
 * milestone and says why; the earlier one is never edited.
 *
 * The checks read first; then one statement inserts the update, its evidence and the audit event,
 * which makes the write atomic without a transaction. It checks again what a change committed since
 * the reads would break (milestone or agreement archived, the earlier update corrected meanwhile) and
 * then writes nothing. Recording is the analysts' most frequent write, and every statement saved is
 * about a millisecond of server CPU in the driver (docs/benchmarks.md).
 */
export async function recordProgressUpdate(viewer: Viewer, input: ProgressUpdateInput) {
  const db = getDb();
  const milestone = await loadLiveMilestone(db, input.milestoneId);
  const author = await authorizeUser(viewer, 'progress:record', { agreementId: milestone.agreementId });
  const errors = progressRuleErrors(milestone, input);
  if (input.supersedesId) {
    const [earlier] = await db.$queryRaw<{ open: boolean }[]>`
      select ${correctionOpenSql(input.supersedesId)} as open from progress_update
      where id = ${input.supersedesId}::uuid and milestone_id = ${milestone.id}::uuid`;
    if (!earlier?.open) errors.supersedesId = ['notCorrectable'];
  }
  if (Object.keys(errors).length) throw new InputError(errors);

  const id = newId();
  const { kind } = milestone;
  const evidence = input.evidence;
  const [written] = await db.$queryRaw<{ created: number; audited: number }[]>`
    with created as (
      insert into progress_update (id, milestone_id, agreement_id, author_id, author_side_id, observed_on, status,
        progress, quantity, actual_value, narrative, supersedes_id, correction_reason)
      select ${id}::uuid, m.id, m.agreement_id, ${author.id}::uuid, ${author.partyId}::uuid, ${toIsoDate(input.observedOn)}::date,
        ${input.status}::"ProgressStatus",
        ${kind === 'ONE_OFF' ? input.progress : null}::float8, ${kind === 'RECURRING' ? input.quantity : null}::float8,
        ${kind === 'TARGET' ? input.actualValue : null}::float8, ${input.narrative},
        ${input.supersedesId}::uuid, ${input.supersedesId ? input.correctionReason : null}
      from milestone m join agreement a on a.id = m.agreement_id
      where m.id = ${milestone.id}::uuid and m.archived_at is null and a.archived_at is null
        and ${input.supersedesId ? correctionOpenSql(input.supersedesId) : Prisma.sql`true`}
      returning id
    ),
    attached as (
      insert into evidence (id, update_id, url, title, publisher, published_on, kind, position)
      select item.id, created.id, item.url, item.title, item.publisher, item.published_on, item.kind::"EvidenceKind", item.position - 1
      from created, unnest(${evidence.map(() => newId())}::uuid[], ${evidence.map((item) => item.url)}::text[],
        ${evidence.map((item) => item.title)}::text[], ${evidence.map((item) => item.publisher)}::text[],
        ${evidence.map((item) => toIsoDateOrNull(item.publishedOn))}::date[], ${evidence.map((item) => item.kind)}::text[])
        with ordinality as item(id, url, title, publisher, published_on, kind, position)
    ),
    ${auditAppendSql({
      actorId: author.id,
      action: input.supersedesId ? 'progress.correct' : 'progress.record',
      entityType: 'progress_update',
      entityId: id,
      after: { ...input, agreementId: milestone.agreementId, authorSideId: author.partyId },
    }, new Date(), Prisma.sql`exists (select 1 from created)`)}
    select (select count(*)::int from created) as created, (select count(*)::int from audit_appended) as audited`;
  if (written?.created !== 1) {
    if (input.supersedesId) throw new InputError({ supersedesId: ['notCorrectable'] });
    throw new NotFoundError('milestone');
  }
  if (written.audited !== 1) throw new Error(MISSING_HEAD);
  return { id, agreementId: milestone.agreementId };
}

/**
 * Verifies or rejects a pending update (four eyes: never one's own). Verifying changes scores: the
 * milestone's and agreement's stored scores are recomputed in the same transaction, under the
 * agreement's lock, so concurrent reviews of sibling milestones cannot lose each other's effect.
 */
export async function reviewProgressUpdate(viewer: Viewer, input: ReviewInput) {
  return getDb().$transaction(async (tx) => {
    // Lock order everywhere: the agreement first, then its rows.
    const [found] = await tx.$queryRaw<{ agreementId: string }[]>`
      select a.id as "agreementId" from progress_update p
      join milestone m on m.id = p.milestone_id and m.archived_at is null
      join agreement a on a.id = p.agreement_id and a.archived_at is null
      where p.id = ${input.updateId}::uuid
      for update of a`;
    if (!found) throw new NotFoundError('progress update');
    const [update] = await tx.$queryRaw<{ review_state: string; reviewed_at: Date | null; narrative: string; author_id: string }[]>`
      select review_state, reviewed_at, narrative, author_id from progress_update where id = ${input.updateId}::uuid for update`;
    const reviewer = await authorizeUser(viewer, 'progress:review', {
      updateId: input.updateId, agreementId: found.agreementId, updateAuthorId: update!.author_id,
    }, tx);
    if (update!.review_state !== 'PENDING') {
      throw new ConflictError({ reviewState: update!.review_state, reviewedAt: update!.reviewed_at?.toISOString() ?? null });
    }
    const reviewState = input.decision === 'verify' ? 'VERIFIED' : 'REJECTED';
    await tx.progressUpdate.updateMany({
      where: { id: input.updateId },
      data: { reviewState, reviewerId: reviewer.id, reviewedAt: new Date(), reviewNote: input.note ?? null },
    });
    const scores = reviewState === 'VERIFIED'
      ? await recomputeAgreement(tx, found.agreementId, { fromMonth: startOfMonth(todayIso()), appendToSearchText: update!.narrative })
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
