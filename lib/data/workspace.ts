import 'server-only';
import { authorizeUser } from '../auth/authorize.ts';
import { ForbiddenError, NotFoundError } from '../auth/errors.ts';
import type { SignedInViewer, Viewer } from '../auth/session.ts';
import { addDays, todayIso, toIsoDate } from '../dates.ts';
import { getDb } from '../db.ts';
import { compareSides } from '../scoring/assessments.ts';
import { bandOf, complianceOf, recurringLedger, scoreMilestone } from '../scoring/index.ts';
import { toScoredMilestone, toScoredUpdate } from './scores.ts';

/** Sides disagreeing by more than this many points are listed for attention. */
export const DISAGREEMENT_THRESHOLD = 25;
/** "Due soon" and "recent" both mean within 30 days. */
const ATTENTION_DAYS = 30;
/** Each list on the workspace shows this many, oldest work first, with the total. */
export const WORKSPACE_LIST_SIZE = 20;

/** Agreements the viewer works on: assigned ones for analysts; admins review everywhere. */
function workedOn(user: SignedInViewer) {
  return user.role === 'ADMIN' ? { archivedAt: null } : { archivedAt: null, assignments: { some: { userId: user.id } } };
}

const updateSummary = {
  id: true,
  observedOn: true,
  status: true,
  progress: true,
  quantity: true,
  actualValue: true,
  narrative: true,
  reviewState: true,
  reviewNote: true,
  reviewedAt: true,
  createdAt: true,
  supersedesId: true,
  correctionReason: true,
  author: { select: { id: true, name: true } },
  authorSide: { select: { id: true, name: true, shortName: true } },
  reviewer: { select: { name: true } },
  milestone: { select: { id: true, title: true, kind: true, unit: true } },
  agreement: { select: { slug: true, title: true } },
  evidence: {
    select: { id: true, url: true, title: true, publisher: true, publishedOn: true, kind: true },
    orderBy: { position: 'asc' as const },
  },
} as const;

export async function loadWorkspace(viewer: Viewer) {
  const user = await authorizeUser(viewer, 'workspace:view');
  const db = getDb();
  const today = todayIso();
  const agreements = user.role === 'ADMIN' ? { archivedAt: null } : workedOn(user);
  const attentionWhere = {
    archivedAt: null,
    agreement: agreements,
    dueOn: { lte: new Date(`${addDays(today, ATTENTION_DAYS)}T00:00:00Z`) },
    status: { notIn: ['ACHIEVED' as const, 'CANCELLED' as const] },
    updates: { none: { createdAt: { gte: new Date(`${addDays(today, -ATTENTION_DAYS)}T00:00:00Z`) } } },
  };
  const toReviewWhere = {
    reviewState: 'PENDING' as const,
    authorId: { not: user.id },
    agreement: agreements,
    milestone: { archivedAt: null },
  };
  const mineWhere = {
    authorId: user.id,
    agreement: { archivedAt: null },
    OR: [
      { reviewState: 'PENDING' as const },
      { reviewState: 'REJECTED' as const, supersededBy: { none: { reviewState: { in: ['PENDING' as const, 'VERIFIED' as const] } } } },
    ],
  };
  const [assigned, attention, toReview, mine, counts] = await Promise.all([
    user.role === 'ADMIN'
      ? Promise.resolve([])
      : db.agreement.findMany({
          where: workedOn(user),
          select: { id: true, slug: true, title: true, status: true, publication: true, score: true },
          orderBy: { title: 'asc' },
        }),
    db.milestone.findMany({
      where: attentionWhere,
      select: { id: true, title: true, dueOn: true, status: true, score: true, agreement: { select: { slug: true, title: true } } },
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      take: WORKSPACE_LIST_SIZE,
    }),
    db.progressUpdate.findMany({
      where: toReviewWhere,
      select: updateSummary,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: WORKSPACE_LIST_SIZE,
    }),
    db.progressUpdate.findMany({
      where: mineWhere,
      select: updateSummary,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: WORKSPACE_LIST_SIZE,
    }),
    Promise.all([
      db.milestone.count({ where: attentionWhere }),
      db.progressUpdate.count({ where: toReviewWhere }),
      db.progressUpdate.count({ where: mineWhere }),
    ]),
  ]);
  return {
    viewer: user,
    assigned: assigned.map((agreement) => ({ ...agreement, band: bandOf(agreement.score) })),
    attention: attention.map((m) => ({
      ...m,
      dueOn: m.dueOn ? toIsoDate(m.dueOn) : null,
      overdue: m.dueOn !== null && toIsoDate(m.dueOn) < today,
    })),
    toReview,
    mine,
    totals: { attention: counts[0], toReview: counts[1], mine: counts[2] },
    disagreements: await sideDisagreements(user, today),
  };
}

/** Milestones on the viewer's agreements whose sides' verified assessments differ by more than 25 points. */
async function sideDisagreements(user: SignedInViewer, today: string) {
  const db = getDb();
  const contested = await db.progressUpdate.groupBy({
    by: ['milestoneId'],
    where: { reviewState: 'VERIFIED', authorSideId: { not: null }, agreement: workedOn(user), milestone: { archivedAt: null } },
    having: { authorSideId: { _count: { gt: 1 } } },
  });
  if (contested.length === 0) return [];
  const ids = contested.map((row) => row.milestoneId);
  const [milestones, updates, parties] = await Promise.all([
    db.milestone.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        title: true,
        kind: true,
        weight: true,
        frequency: true,
        quantityPerPeriod: true,
        startsOn: true,
        endsOn: true,
        baseline: true,
        target: true,
        agreement: { select: { slug: true, title: true } },
      },
    }),
    db.progressUpdate.findMany({
      where: { milestoneId: { in: ids }, reviewState: 'VERIFIED' },
      select: {
        id: true,
        milestoneId: true,
        observedOn: true,
        status: true,
        progress: true,
        quantity: true,
        actualValue: true,
        reviewState: true,
        reviewedAt: true,
        supersedesId: true,
        authorSideId: true,
      },
    }),
    db.party.findMany({ where: { users: { some: {} } }, select: { id: true, name: true, shortName: true } }),
  ]);
  const scored = updates.map((update) => ({ ...toScoredUpdate(update), authorSideId: update.authorSideId }));
  const partyName = new Map(parties.map((party) => [party.id, party.shortName ?? party.name]));
  return milestones
    .flatMap((milestone) => {
      const assessment = compareSides(toScoredMilestone(milestone), scored, today);
      if (!assessment || assessment.gap <= DISAGREEMENT_THRESHOLD) return [];
      return [{ milestone, assessment }];
    })
    .sort((a, b) => b.assessment.gap - a.assessment.gap)
    .slice(0, WORKSPACE_LIST_SIZE)
    .map(({ milestone, assessment }) => {
      return {
        id: milestone.id,
        title: milestone.title,
        agreement: milestone.agreement,
        gap: assessment.gap,
        sides: assessment.sides.map((side) => ({
          side: partyName.get(side.sideId) ?? side.sideId,
          score: side.score,
          observedOn: side.latest.observedOn,
        })),
      };
    });
}

/** One agreement as an analyst works on it: milestones, the full update history, ledgers and sides. */
export async function loadAgreementWorkspace(viewer: Viewer, slug: string) {
  const user = await authorizeUser(viewer, 'workspace:view');
  const db = getDb();
  const agreement = await db.agreement.findFirst({
    where: { slug, archivedAt: null },
    select: { id: true, slug: true, title: true, status: true, publication: true, score: true, summary: true },
  });
  if (!agreement) throw new NotFoundError('agreement');
  const assignment = await db.assignment.findUnique({ where: { userId_agreementId: { userId: user.id, agreementId: agreement.id } } });
  if (user.role !== 'ADMIN' && !assignment) throw new ForbiddenError('workspace:view');
  const [milestones, updates] = await Promise.all([
    db.milestone.findMany({
      where: { agreementId: agreement.id, archivedAt: null },
      select: {
        id: true,
        title: true,
        description: true,
        clauseRef: true,
        kind: true,
        weight: true,
        frequency: true,
        quantityPerPeriod: true,
        unit: true,
        startsOn: true,
        endsOn: true,
        baseline: true,
        target: true,
        dueOn: true,
        score: true,
        status: true,
        version: true,
        responsibleParty: { select: { id: true, name: true, shortName: true } },
      },
      orderBy: { position: 'asc' },
    }),
    db.progressUpdate.findMany({
      where: { agreementId: agreement.id },
      select: { ...updateSummary, authorSideId: true, milestoneId: true, reviewedAt: true },
      orderBy: [{ observedOn: 'desc' }, { createdAt: 'desc' }],
    }),
  ]);
  const today = todayIso();
  const verified = updates
    .filter((update) => update.reviewState === 'VERIFIED')
    .map((update) => ({ ...toScoredUpdate(update), authorSideId: update.authorSideId }));
  const supersededIds = new Set(verified.map((update) => update.supersedesId).filter(Boolean));
  const partyNames = new Map(
    updates.flatMap((update) => (update.authorSide ? [[update.authorSide.id, update.authorSide.shortName ?? update.authorSide.name]] : [])),
  );
  return {
    viewer: user,
    assigned: assignment !== null,
    agreement: { ...agreement, band: bandOf(agreement.score) },
    milestones: milestones.map((milestone) => {
      const scored = toScoredMilestone(milestone);
      const own = verified.filter((u) => u.milestoneId === milestone.id);
      const sides = compareSides(scored, verified, today);
      return {
        ...milestone,
        startsOn: scored.startsOn ?? null,
        endsOn: scored.endsOn ?? null,
        ledger: milestone.kind === 'RECURRING' ? recurringLedger(scored, own, today) : null,
        compliance: milestone.kind === 'RECURRING' ? complianceOf(scoreMilestone(scored, own, today)) : null,
        sides: sides && {
          gap: sides.gap,
          sides: sides.sides.map((side) => ({
            side: partyNames.get(side.sideId) ?? side.sideId,
            score: side.score,
            observedOn: side.latest.observedOn,
          })),
        },
        updates: updates
          .filter((update) => update.milestoneId === milestone.id)
          .map((update) => ({ ...update, superseded: supersededIds.has(update.id) })),
      };
    }),
  };
}

/**
 * A milestone with what its forms need: the record form (its kind decides the value field, earlier
 * updates can be corrected) and the details form (with its version).
 */
export async function loadMilestoneForForm(viewer: Viewer, milestoneId: string, permission: 'progress:record' | 'milestone:edit-details') {
  const milestone = await getDb().milestone.findFirst({
    where: { id: milestoneId, archivedAt: null, agreement: { archivedAt: null } },
    select: {
      id: true,
      title: true,
      kind: true,
      unit: true,
      baseline: true,
      target: true,
      quantityPerPeriod: true,
      frequency: true,
      description: true,
      dueOn: true,
      version: true,
      responsiblePartyId: true,
      agreement: { select: { id: true, slug: true, title: true } },
      updates: {
        select: {
          id: true,
          observedOn: true,
          status: true,
          reviewState: true,
          narrative: true,
          progress: true,
          quantity: true,
          actualValue: true,
        },
        orderBy: { observedOn: 'desc' },
        take: 50,
      },
    },
  });
  if (!milestone) throw new NotFoundError('milestone');
  await authorizeUser(viewer, permission, { agreementId: milestone.agreement.id });
  return milestone;
}

/** Party names are public; listed for the responsible-party choice. */
export async function listParties() {
  return getDb().party.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, shortName: true },
    orderBy: { name: 'asc' },
  });
}
