import 'server-only';
import { auditAppendSql } from '../audit/write.ts';
import { authorizeUser } from '../auth/authorize.ts';
import { ConflictError, NotFoundError } from '../auth/errors.ts';
import type { Viewer } from '../auth/session.ts';
import { getPipelinedPool } from '../db.ts';
import { inPipeline, inPipelinedTransaction } from '../db-pipeline.ts';
import { startOfMonth, todayIso, toIsoDate, toIsoDateOrNull } from '../dates.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { InputError } from '../forms/input-error.ts';
import type { FieldErrors } from '../forms/action-state.ts';
import type { ProgressUpdateInput, ReviewInput } from '../validation/progress.ts';
import { newId } from './ids.ts';
import { recomputeInputsOf, recomputeReads, recomputeWrites, SCORED_UPDATE_COLUMNS, type RecomputeInputs } from './scores.ts';
import type { ScoredUpdate } from '../scoring/index.ts';

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
 * The checks read first, in one round trip; then one statement inserts the update, its evidence and
 * the audit event, which makes the write atomic without a transaction. It checks again what a change
 * committed since the reads would break (milestone or agreement archived, the earlier update corrected
 * meanwhile) and then writes nothing. Recording is the analysts' most frequent write, so it runs on the
 * pipelined connections, which cost a fraction of Prisma's CPU per statement (docs/benchmarks.md).
 */
export async function recordProgressUpdate(viewer: Viewer, input: ProgressUpdateInput) {
  const pool = getPipelinedPool();
  const viewerId = viewer.kind === 'public' ? null : viewer.id;
  const [[milestone], [earlier] = []] = (await inPipeline(pool, [
    Prisma.sql`select m.id, m.agreement_id as "agreementId", m.kind::text as kind, m.baseline, m.target,
        exists (select 1 from assignment s where s.agreement_id = m.agreement_id and s.user_id = ${viewerId}::uuid) as "viewerAssigned"
      from milestone m join agreement a on a.id = m.agreement_id and a.archived_at is null
      where m.id = ${input.milestoneId}::uuid and m.archived_at is null`,
    ...(input.supersedesId
      ? [
          Prisma.sql`select ${correctionOpenSql(input.supersedesId)} as open, author_id as "authorId" from progress_update
      where id = ${input.supersedesId}::uuid and milestone_id = ${input.milestoneId}::uuid`,
        ]
      : []),
  ])) as [
    [(MilestoneForRecording & { id: string; agreementId: string; viewerAssigned: boolean })?],
    [{ open: boolean; authorId: string }?]?,
  ];
  if (!milestone) throw new NotFoundError('milestone');
  const author = await authorizeUser(viewer, 'progress:record', {
    agreementId: milestone.agreementId,
    viewerAssigned: milestone.viewerAssigned,
  });
  // Only the author may correct an update (an update's author never changes, so no lock is needed).
  if (earlier) {
    await authorizeUser(viewer, 'progress:correct', {
      agreementId: milestone.agreementId,
      viewerAssigned: milestone.viewerAssigned,
      updateAuthorId: earlier.authorId,
    });
  }
  const errors = progressRuleErrors(milestone, input);
  if (input.supersedesId && !earlier?.open) errors.supersedesId = ['notCorrectable'];
  if (Object.keys(errors).length) throw new InputError(errors);

  const id = newId();
  const { kind } = milestone;
  const evidence = input.evidence;
  const [[written]] = (await inPipeline(pool, [
    Prisma.sql`
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
    ${auditAppendSql(
      {
        actorId: author.id,
        action: input.supersedesId ? 'progress.correct' : 'progress.record',
        entityType: 'progress_update',
        entityId: id,
        after: { ...input, agreementId: milestone.agreementId, authorSideId: author.partyId },
      },
      new Date(),
      Prisma.sql`exists (select 1 from created)`,
    )}
    select (select count(*)::int from created) as created`,
  ])) as [[{ created: number }?]];
  if (written?.created !== 1) {
    if (input.supersedesId) throw new InputError({ supersedesId: ['notCorrectable'] });
    throw new NotFoundError('milestone');
  }
  return { id, agreementId: milestone.agreementId };
}

/** The agreement's scores once `update` counts, with the statements that store them and add its narrative to the search text. */
function scoresOnceVerified(agreementId: string, update: ScoredUpdate & { narrative: string }, inputs: RecomputeInputs, at: Date) {
  const today = todayIso();
  inputs.updates.push(update);
  return recomputeWrites(agreementId, inputs, { today, fromMonth: startOfMonth(today), searchText: { append: update.narrative }, at });
}

/**
 * Verifies or rejects a pending update (four eyes: never one's own). Verifying changes scores: the
 * milestone's and agreement's stored scores are recomputed in the same transaction, under the
 * agreement's lock, so concurrent reviews of sibling milestones cannot lose each other's effect.
 *
 * Reviews are the writes that hold the busiest locks, so the transaction takes two round trips on a
 * pipelined connection: one batch locks and reads everything the checks and the scores need, the
 * other writes the review, the scores and the audit event and commits.
 */
export async function reviewProgressUpdate(viewer: Viewer, input: ReviewInput) {
  const viewerId = viewer.kind === 'public' ? null : viewer.id;
  return inPipelinedTransaction(getPipelinedPool(), async (pipeline) => {
    // Lock order everywhere: the agreement first, then its rows. The reads after the lock see every
    // change committed before it.
    const [[found], [update], ...scoringRows] = (await pipeline([
      Prisma.sql`select a.id as "agreementId" from progress_update p
        join milestone m on m.id = p.milestone_id and m.archived_at is null
        join agreement a on a.id = p.agreement_id and a.archived_at is null
        where p.id = ${input.updateId}::uuid
        for update of a`,
      Prisma.sql`select ${SCORED_UPDATE_COLUMNS}, narrative, author_id as "authorId",
          exists (select 1 from assignment s where s.agreement_id = p.agreement_id and s.user_id = ${viewerId}::uuid) as "viewerAssigned"
        from progress_update p where id = ${input.updateId}::uuid
        for update`,
      ...recomputeReads(Prisma.sql`(select agreement_id from progress_update where id = ${input.updateId}::uuid)`),
    ])) as [
      [{ agreementId: string }?],
      [(ScoredUpdate & { narrative: string; authorId: string; viewerAssigned: boolean })?],
      ...unknown[][],
    ];
    if (!found || !update) throw new NotFoundError('progress update');
    const reviewer = await authorizeUser(viewer, 'progress:review', {
      updateId: input.updateId,
      agreementId: found.agreementId,
      updateAuthorId: update.authorId,
      viewerAssigned: update.viewerAssigned,
    });
    if (update.reviewState !== 'PENDING') {
      throw new ConflictError({ reviewState: update.reviewState, reviewedAt: update.reviewedAt?.toISOString() ?? null });
    }

    const reviewState = input.decision === 'verify' ? 'VERIFIED' : 'REJECTED';
    const at = new Date();
    const review = Prisma.sql`update progress_update
      set review_state = ${reviewState}::"ReviewState", reviewer_id = ${reviewer.id}::uuid, reviewed_at = ${at}, review_note = ${input.note ?? null}
      where id = ${input.updateId}::uuid`;
    const scored =
      reviewState === 'VERIFIED'
        ? scoresOnceVerified(found.agreementId, { ...update, reviewState, reviewedAt: at }, recomputeInputsOf(scoringRows), at)
        : null;
    const audit = Prisma.sql`with ${auditAppendSql(
      {
        actorId: reviewer.id,
        action: reviewState === 'VERIFIED' ? 'progress.verify' : 'progress.reject',
        entityType: 'progress_update',
        entityId: input.updateId,
        before: { reviewState: 'PENDING' },
        after: { reviewState, note: input.note ?? null, agreementScore: scored?.result.score },
      },
      at,
    )} select from audit_appended`;
    await pipeline([review, ...(scored?.writes ?? []), audit], { commit: true });
    return { agreementId: found.agreementId, reviewState, agreementScore: scored?.result.score ?? null };
  });
}
