import 'server-only';
import { appendAudit } from '../audit/write.ts';
import { authorizeUser } from '../auth/authorize.ts';
import { ConflictError, NotFoundError } from '../auth/errors.ts';
import type { Viewer } from '../auth/session.ts';
import { startOfMonth, todayIso, toIsoDate, toIsoDateOrNull } from '../dates.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { InputError } from '../forms/input-error.ts';
import type { FieldErrors } from '../forms/action-state.ts';
import type { ProgressUpdateInput, ReviewInput } from '../validation/progress.ts';
import { newId } from './ids.ts';
import { recomputeScores } from './scores.ts';
import { writeTransaction } from './write-transaction.ts';

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
 * Locks in the order every write takes them: the agreement first (FOR SHARE: recordings of one
 * agreement go side by side, but wait for a change to it, such as a review or an archiving, and then
 * see it), then the corrected update, the audit chain head last.
 */
export async function recordProgressUpdate(viewer: Viewer, input: ProgressUpdateInput) {
  const viewerId = viewer.kind === 'public' ? null : viewer.id;
  return writeTransaction(async (tx) => {
    await tx.$queryRaw`select a.id from agreement a join milestone m on m.agreement_id = a.id where m.id = ${input.milestoneId}::uuid
      for share of a`;
    // Read after the lock, so a change committed while it waited is seen.
    const [milestone] = await tx.$queryRaw<(MilestoneForRecording & { id: string; agreementId: string; viewerAssigned: boolean })[]>`
      select m.id, m.agreement_id as "agreementId", m.kind::text as kind, m.baseline, m.target,
        exists (select 1 from assignment s where s.agreement_id = m.agreement_id and s.user_id = ${viewerId}::uuid) as "viewerAssigned"
      from milestone m join agreement a on a.id = m.agreement_id and a.archived_at is null
      where m.id = ${input.milestoneId}::uuid and m.archived_at is null`;
    if (!milestone) throw new NotFoundError('milestone');
    // Locked, so that two corrections of one update cannot both pass the check below.
    const [earlier] = input.supersedesId
      ? await tx.$queryRaw<
          { open: boolean; authorId: string }[]
        >`select ${correctionOpenSql(input.supersedesId)} as open, author_id as "authorId" from progress_update
          where id = ${input.supersedesId}::uuid and milestone_id = ${input.milestoneId}::uuid for no key update`
      : [];
    const author = await authorizeUser(
      viewer,
      'progress:record',
      { agreementId: milestone.agreementId, viewerAssigned: milestone.viewerAssigned },
      tx,
    );
    // Only the author may correct an update.
    if (earlier) {
      await authorizeUser(
        viewer,
        'progress:correct',
        { agreementId: milestone.agreementId, viewerAssigned: milestone.viewerAssigned, updateAuthorId: earlier.authorId },
        tx,
      );
    }
    const errors = progressRuleErrors(milestone, input);
    if (input.supersedesId && !earlier?.open) errors.supersedesId = ['notCorrectable'];
    if (Object.keys(errors).length) throw new InputError(errors);

    const id = newId();
    const { kind } = milestone;
    const evidence = input.evidence;
    // The correction check again, in a statement that starts after the lock: a correction committed
    // while this one waited is seen here, and then nothing is written.
    const [written] = await tx.$queryRaw<{ created: number }[]>`
      with created as (
        insert into progress_update (id, milestone_id, agreement_id, author_id, author_side_id, observed_on, status,
          progress, quantity, actual_value, narrative, supersedes_id, correction_reason)
        select ${id}::uuid, ${milestone.id}::uuid, ${milestone.agreementId}::uuid, ${author.id}::uuid, ${author.partyId}::uuid,
          ${toIsoDate(input.observedOn)}::date, ${input.status}::"ProgressStatus",
          ${kind === 'ONE_OFF' ? input.progress : null}::float8, ${kind === 'RECURRING' ? input.quantity : null}::float8,
          ${kind === 'TARGET' ? input.actualValue : null}::float8, ${input.narrative},
          ${input.supersedesId}::uuid, ${input.supersedesId ? input.correctionReason : null}
        where ${input.supersedesId ? correctionOpenSql(input.supersedesId) : Prisma.sql`true`}
        returning id
      ),
      attached as (
        insert into evidence (id, update_id, url, title, publisher, published_on, kind, position)
        select item.id, created.id, item.url, item.title, item.publisher, item.published_on, item.kind::"EvidenceKind", item.position - 1
        from created, unnest(${evidence.map(() => newId())}::uuid[], ${evidence.map((item) => item.url)}::text[],
          ${evidence.map((item) => item.title)}::text[], ${evidence.map((item) => item.publisher)}::text[],
          ${evidence.map((item) => toIsoDateOrNull(item.publishedOn))}::date[], ${evidence.map((item) => item.kind)}::text[])
          with ordinality as item(id, url, title, publisher, published_on, kind, position)
      )
      select (select count(*)::int from created) as created`;
    if (written?.created !== 1) throw new InputError({ supersedesId: ['notCorrectable'] });
    await appendAudit(tx, {
      actorId: author.id,
      action: input.supersedesId ? 'progress.correct' : 'progress.record',
      entityType: 'progress_update',
      entityId: id,
      after: { ...input, agreementId: milestone.agreementId, authorSideId: author.partyId },
    });
    return { id, agreementId: milestone.agreementId };
  });
}

/**
 * Verifies or rejects a pending update (four eyes: never one's own). Verifying changes scores: the
 * milestone's and agreement's stored scores are recomputed in the same transaction, under the
 * agreement's lock, so concurrent reviews of sibling milestones cannot lose each other's effect.
 */
export async function reviewProgressUpdate(viewer: Viewer, input: ReviewInput) {
  const viewerId = viewer.kind === 'public' ? null : viewer.id;
  return writeTransaction(async (tx) => {
    // lockAgreement, reaching the agreement through the update (whose agreement never changes).
    const [owner] = await tx.$queryRaw<{ agreementId: string }[]>`
      select a.id as "agreementId" from progress_update p join agreement a on a.id = p.agreement_id
      where p.id = ${input.updateId}::uuid for no key update of a`;
    if (!owner) throw new NotFoundError('progress update');
    // Read after the lock: it sees every change committed before it.
    const [update] = await tx.$queryRaw<
      { narrative: string; authorId: string; reviewState: string; reviewedAt: Date | null; viewerAssigned: boolean }[]
    >`
      select p.narrative, p.author_id as "authorId", p.review_state::text as "reviewState", p.reviewed_at as "reviewedAt",
        exists (select 1 from assignment s where s.agreement_id = p.agreement_id and s.user_id = ${viewerId}::uuid) as "viewerAssigned"
      from progress_update p
      join milestone m on m.id = p.milestone_id and m.archived_at is null
      join agreement a on a.id = p.agreement_id and a.archived_at is null
      where p.id = ${input.updateId}::uuid
      for no key update of p`;
    if (!update) throw new NotFoundError('progress update');
    const reviewer = await authorizeUser(
      viewer,
      'progress:review',
      { updateId: input.updateId, agreementId: owner.agreementId, updateAuthorId: update.authorId, viewerAssigned: update.viewerAssigned },
      tx,
    );
    if (update.reviewState !== 'PENDING') {
      throw new ConflictError({ reviewState: update.reviewState, reviewedAt: update.reviewedAt?.toISOString() ?? null });
    }

    const reviewState = input.decision === 'verify' ? 'VERIFIED' : 'REJECTED';
    await tx.$executeRaw`update progress_update
      set review_state = ${reviewState}::"ReviewState", reviewer_id = ${reviewer.id}::uuid, reviewed_at = ${new Date()}, review_note = ${input.note ?? null}
      where id = ${input.updateId}::uuid`;
    // Verified updates count from the day they were verified, so only the current month's history changes.
    const scored =
      reviewState === 'VERIFIED'
        ? (
            await recomputeScores(tx, [owner.agreementId], {
              fromMonth: startOfMonth(todayIso()),
              searchText: { append: update.narrative },
            })
          ).get(owner.agreementId)
        : undefined;
    await appendAudit(tx, {
      actorId: reviewer.id,
      action: reviewState === 'VERIFIED' ? 'progress.verify' : 'progress.reject',
      entityType: 'progress_update',
      entityId: input.updateId,
      before: { reviewState: 'PENDING' },
      after: { reviewState, note: input.note ?? null, agreementScore: scored?.score },
    });
    return { agreementId: owner.agreementId, reviewState, agreementScore: scored?.score ?? null };
  });
}
