import 'server-only';
import { getDb } from '../db.ts';
import { addDays, endOfDay, toIsoDate, type IsoDate } from '../dates.ts';
import type { EvidenceKind, LifecycleStatus, PartyKind } from '../generated/prisma/enums.ts';
import { aggregateScore, monthlyAggregate, type AggregateScore, type MonthScore } from '../scoring/aggregates.ts';
import { DUE_SOON_DAYS, isDueSoon, isOverdue } from '../scoring/deadlines.ts';
import type { ProgressStatus } from '../scoring/index.ts';
import { publicAgreementWhere } from './public-agreements.ts';
import { loadScoreHistory, loadScoresAsOf, type AsOfScoresSource } from './public-scores.ts';
import { loadPublicParties, loadPublicSectors } from './public-taxonomy.ts';

/** The agreements a summary covers: all public ones, or those of one sector or one party. */
export type Scope = { kind: 'all' } | { kind: 'sector'; id: string } | { kind: 'party'; id: string };

/** Deadline lists show this many milestones; the counts cover all of them. */
const DEADLINE_ITEMS = 10;
const LATEST_UPDATES = 8;

export interface DeadlineItem {
  id: string;
  title: string;
  dueOn: IsoDate;
  status: ProgressStatus;
  agreement: { slug: string; title: string };
}

export interface UpdateSummary {
  id: string;
  observedOn: IsoDate;
  verifiedAt: string;
  status: ProgressStatus;
  narrative: string;
  correctionReason: string | null;
  side: { slug: string; name: string; shortName: string | null } | null;
  milestone: { id: string; title: string };
  agreement: { slug: string; title: string };
  evidence: { url: string; title: string; kind: EvidenceKind }[];
}

export interface PublicSummary extends AggregateScore {
  reference: IsoDate;
  asOf: IsoDate | null;
  agreementCount: number;
  statusCounts: { status: LifecycleStatus; count: number }[];
  overdue: { count: number; items: DeadlineItem[] };
  dueSoon: { count: number; items: DeadlineItem[]; days: number };
  latestUpdates: UpdateSummary[];
  history: MonthScore[];
}

function scopeWhere(scope: Scope) {
  if (scope.kind === 'sector') return { ...publicAgreementWhere, sectors: { some: { sectorId: scope.id } } };
  if (scope.kind === 'party') return { ...publicAgreementWhere, parties: { some: { partyId: scope.id } } };
  return publicAgreementWhere;
}

const STATUS_ORDER: LifecycleStatus[] = [
  'PROPOSED',
  'UNDER_NEGOTIATION',
  'SIGNED',
  'IN_FORCE',
  'COMPLETED',
  'SUSPENDED',
  'TERMINATED',
  'EXPIRED',
];

async function loadScopeAgreements(scope: Scope) {
  const rows = await getDb().agreement.findMany({
    where: scopeWhere(scope),
    select: { id: true, status: true, signedOn: true, score: true },
  });
  return rows.map((row) => ({ ...row, signedOn: row.signedOn ? toIsoDate(row.signedOn) : null }));
}

/** Milestones with a due date up to the end of the due-soon window: the candidates for both lists. */
async function loadDeadlineCandidates(scope: Scope, reference: IsoDate, asOf: IsoDate | null) {
  const rows = await getDb().milestone.findMany({
    where: {
      archivedAt: null,
      agreement: scopeWhere(scope),
      dueOn: { not: null, lte: new Date(`${addDays(reference, DUE_SOON_DAYS)}T00:00:00Z`) },
      // Stored statuses are today's; as of another day every candidate is re-examined.
      ...(asOf ? {} : { status: { notIn: ['ACHIEVED', 'CANCELLED'] }, score: { lt: 100 } }),
    },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
    select: { id: true, dueOn: true, status: true, score: true },
  });
  return rows.map((row) => ({ ...row, dueOn: toIsoDate(row.dueOn!) }));
}

/** Titles and agreements of the few milestones a deadline list shows. */
async function loadDeadlineItems(ids: string[]) {
  const rows = await getDb().milestone.findMany({
    where: { id: { in: ids } },
    select: { id: true, title: true, agreement: { select: { slug: true, title: true } } },
  });
  return new Map(rows.map((row) => [row.id, row]));
}

/** The latest verified updates in scope as of a day (newest verification first). */
export async function loadLatestUpdates(scope: Scope, asOf: IsoDate | null, limit: number): Promise<UpdateSummary[]> {
  const rows = await getDb().progressUpdate.findMany({
    where: {
      reviewState: 'VERIFIED',
      agreement: scopeWhere(scope),
      milestone: { archivedAt: null },
      ...(asOf ? { reviewedAt: { lt: endOfDay(asOf) }, observedOn: { lte: new Date(`${asOf}T00:00:00Z`) } } : {}),
    },
    orderBy: [{ reviewedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      observedOn: true,
      reviewedAt: true,
      status: true,
      narrative: true,
      correctionReason: true,
      authorSide: { select: { slug: true, name: true, shortName: true } },
      milestone: { select: { id: true, title: true } },
      agreement: { select: { slug: true, title: true } },
      evidence: { select: { url: true, title: true, kind: true }, orderBy: { position: 'asc' } },
    },
  });
  return rows.map(({ authorSide, reviewedAt, ...row }) => ({
    ...row,
    observedOn: toIsoDate(row.observedOn),
    verifiedAt: reviewedAt!.toISOString(),
    side: authorSide,
  }));
}

/**
 * The dashboard's summary of a scope: score and band, agreements by lifecycle status, overdue and
 * soon-due milestones, the latest verified updates and the score month by month.
 */
export async function loadSummary(
  scope: Scope,
  asOf: IsoDate | null,
  today: IsoDate,
  scoresAsOf: AsOfScoresSource = loadScoresAsOf,
): Promise<PublicSummary> {
  const reference = asOf ?? today;
  const [agreements, asOfScores, candidates, latestUpdates] = await Promise.all([
    loadScopeAgreements(scope),
    asOf ? scoresAsOf(asOf) : Promise.resolve(null),
    loadDeadlineCandidates(scope, reference, asOf),
    loadLatestUpdates(scope, asOf, LATEST_UPDATES),
  ]);
  const storedScore = new Map(agreements.map((agreement) => [agreement.id, agreement.score]));
  const scoreOf = (id: string) => (asOfScores ? (asOfScores.agreements[id] ?? 0) : (storedScore.get(id) ?? 0));
  const deadlines = candidates.map((milestone) => ({ ...milestone, ...(asOfScores?.milestones[milestone.id] ?? {}) }));
  const overdue = deadlines.filter((milestone) => isOverdue(milestone, reference));
  const dueSoon = deadlines.filter((milestone) => isDueSoon(milestone, reference));
  const shown = [...overdue.slice(0, DEADLINE_ITEMS), ...dueSoon.slice(0, DEADLINE_ITEMS)];
  const [history, details] = await Promise.all([
    loadScoreHistory(
      agreements.map((agreement) => agreement.id),
      reference,
    ),
    loadDeadlineItems(shown.map((milestone) => milestone.id)),
  ]);
  const listed = (items: typeof deadlines): DeadlineItem[] =>
    items.slice(0, DEADLINE_ITEMS).flatMap(({ id, dueOn, status }) => {
      const detail = details.get(id);
      return detail ? [{ id, dueOn, status, title: detail.title, agreement: detail.agreement }] : [];
    });

  return {
    reference,
    asOf,
    ...aggregateScore(agreements, scoreOf, reference),
    agreementCount: agreements.length,
    statusCounts: STATUS_ORDER.map((status) => ({ status, count: agreements.filter((a) => a.status === status).length })).filter(
      (entry) => entry.count > 0,
    ),
    overdue: { count: overdue.length, items: listed(overdue) },
    dueSoon: { count: dueSoon.length, items: listed(dueSoon), days: DUE_SOON_DAYS },
    latestUpdates,
    history: monthlyAggregate(agreements, history, scoreOf, reference),
  };
}

export interface GroupScore extends AggregateScore {
  slug: string;
  name: string;
  shortName: string | null;
  description: string;
  agreementCount: number;
  /** Parties only. */
  party?: { kind: PartyKind; countryCode: string };
}

/** Score of every live sector and every live party, from the public agreements linked to each. */
export async function loadGroupScores(
  asOf: IsoDate | null,
  today: IsoDate,
  scoresAsOf: AsOfScoresSource = loadScoresAsOf,
): Promise<{ sectors: GroupScore[]; parties: GroupScore[] }> {
  const reference = asOf ?? today;
  const db = getDb();
  const [agreements, sectorLinks, partyLinks, sectors, parties, asOfScores] = await Promise.all([
    loadScopeAgreements({ kind: 'all' }),
    db.agreementSector.findMany({ where: { agreement: publicAgreementWhere }, select: { agreementId: true, sectorId: true } }),
    db.agreementParty.findMany({ where: { agreement: publicAgreementWhere }, select: { agreementId: true, partyId: true } }),
    loadPublicSectors(),
    loadPublicParties(),
    asOf ? scoresAsOf(asOf) : Promise.resolve(null),
  ]);
  const byId = new Map(agreements.map((agreement) => [agreement.id, agreement]));
  const scoreOf = (id: string) => (asOfScores ? (asOfScores.agreements[id] ?? 0) : (byId.get(id)?.score ?? 0));
  const membersOf = (links: { agreementId: string; groupId: string }[]) => {
    const members = new Map<string, Set<string>>();
    for (const link of links) members.set(link.groupId, (members.get(link.groupId) ?? new Set()).add(link.agreementId));
    return (groupId: string) => {
      const inGroup = [...(members.get(groupId) ?? [])].flatMap((id) => byId.get(id) ?? []);
      return { agreementCount: inGroup.length, ...aggregateScore(inGroup, scoreOf, reference) };
    };
  };
  const sectorScore = membersOf(sectorLinks.map((link) => ({ agreementId: link.agreementId, groupId: link.sectorId })));
  const partyScore = membersOf(partyLinks.map((link) => ({ agreementId: link.agreementId, groupId: link.partyId })));
  return {
    sectors: sectors.map((sector) => ({
      slug: sector.slug,
      name: sector.name,
      shortName: null,
      description: sector.description,
      ...sectorScore(sector.id),
    })),
    parties: parties.map((party) => ({
      slug: party.slug,
      name: party.name,
      shortName: party.shortName,
      description: party.description,
      party: { kind: party.kind, countryCode: party.countryCode },
      ...partyScore(party.id),
    })),
  };
}
