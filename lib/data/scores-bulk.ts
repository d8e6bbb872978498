import 'server-only';
import type { Tx } from '../db-client.ts';
import { startOfMonth, todayIso, toIsoDateOrNull, type IsoDate } from '../dates.ts';
import { scoreAgreement } from '../scoring/index.ts';
import {
  day,
  historyOf,
  milestoneChanges,
  milestoneScoresUpdate,
  milestoneScoringFields,
  scoreMonthsUpsert,
  searchTextOf,
  toScoredMilestone,
  toScoredUpdate,
  updateScoringFields,
  type MilestoneChange,
} from './scores.ts';

/** Agreements per round of statements: keeps the arrays of one statement to some hundred thousand values. */
const CHUNK = 1_000;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * `recomputeAgreement` with its defaults (whole history, search text rebuilt) for many agreements at
 * once, for bulk imports: the same computation, but read and written a few statements per thousand
 * agreements instead of a dozen per agreement. Call inside the transaction that changed the inputs,
 * with the existing agreements locked.
 */
export async function recomputeAgreements(tx: Tx, agreementIds: readonly string[], today: IsoDate = todayIso()) {
  for (let start = 0; start < agreementIds.length; start += CHUNK)
    await recomputeChunk(tx, agreementIds.slice(start, start + CHUNK), today);
}

async function recomputeChunk(tx: Tx, ids: string[], today: IsoDate) {
  const agreements = await tx.agreement.findMany({
    where: { id: { in: ids } },
    select: { id: true, signedOn: true, title: true, summary: true, searchText: true },
  });
  const stored = await tx.milestone.findMany({
    where: { agreementId: { in: ids }, archivedAt: null },
    select: {
      ...milestoneScoringFields,
      agreementId: true,
      score: true,
      status: true,
      lastObservedOn: true,
      title: true,
      description: true,
      clauseRef: true,
      clauseExcerpt: true,
    },
    orderBy: { position: 'asc' },
  });
  const updates = await tx.progressUpdate.findMany({
    where: { agreementId: { in: ids }, reviewState: 'VERIFIED' },
    select: { ...updateScoringFields, agreementId: true, narrative: true },
    orderBy: [{ observedOn: 'asc' }, { id: 'asc' }],
  });
  const milestonesOf = groupBy(stored, (row) => row.agreementId);
  const updatesOf = groupBy(updates, (row) => row.agreementId);
  const liveMilestones = new Set(stored.map((row) => row.id));

  const changed: MilestoneChange[] = [];
  const history = { ids: [] as string[], months: [] as IsoDate[], scores: [] as number[] };
  const firstMonths = { ids: [] as string[], months: [] as IsoDate[] };
  const scores = { ids: [] as string[], scores: [] as number[] };
  const texts = { ids: [] as string[], texts: [] as string[] };
  const emptied: string[] = [];
  for (const agreement of agreements) {
    const milestoneRows = milestonesOf.get(agreement.id) ?? [];
    const updateRows = updatesOf.get(agreement.id) ?? [];
    const milestones = milestoneRows.map(toScoredMilestone);
    const scoredUpdates = updateRows.map(toScoredUpdate);
    const now = scoreAgreement(milestones, scoredUpdates, today);
    changed.push(...milestoneChanges(milestoneRows, now));
    const months = historyOf({
      milestones,
      updates: scoredUpdates,
      signedOn: toIsoDateOrNull(agreement.signedOn),
      today,
      todayScore: now.score,
    });
    if (months) {
      firstMonths.ids.push(agreement.id);
      firstMonths.months.push(months.firstMonth);
      history.ids.push(...months.months.map(() => agreement.id));
      history.months.push(...months.months);
      history.scores.push(...months.scores);
    } else {
      emptied.push(agreement.id);
    }
    scores.ids.push(agreement.id);
    scores.scores.push(now.score);
    const narratives = updateRows.filter((row) => liveMilestones.has(row.milestoneId)).map((row) => row.narrative);
    const searchText = searchTextOf(agreement, milestoneRows, narratives);
    if (searchText !== agreement.searchText) {
      texts.ids.push(agreement.id);
      texts.texts.push(searchText);
    }
  }
  await writeChunk(tx, { changed, history, firstMonths, scores, texts, emptied, today });
}

async function writeChunk(
  tx: Tx,
  w: {
    changed: MilestoneChange[];
    history: { ids: string[]; months: IsoDate[]; scores: number[] };
    firstMonths: { ids: string[]; months: IsoDate[] };
    scores: { ids: string[]; scores: number[] };
    texts: { ids: string[]; texts: string[] };
    emptied: string[];
    today: IsoDate;
  },
) {
  const scoredAt = new Date();
  if (w.changed.length) await tx.$executeRaw(milestoneScoresUpdate(w.changed, scoredAt));
  // No first month (no signature date, nothing observed): no history at all.
  await tx.$executeRaw`delete from agreement_score_month where agreement_id = any(${w.emptied}::uuid[])`;
  // A full rebuild: months before the first or after the current one no longer belong.
  await tx.$executeRaw`
    delete from agreement_score_month s using unnest(${w.firstMonths.ids}::uuid[], ${w.firstMonths.months}::date[]) as u(id, first_month)
    where s.agreement_id = u.id and (s.month < u.first_month or s.month > ${day(startOfMonth(w.today))})`;
  await tx.$executeRaw(scoreMonthsUpsert(w.history));
  await tx.$executeRaw`
    update agreement a set score = u.score, scored_at = ${scoredAt}, updated_at = ${scoredAt}
    from unnest(${w.scores.ids}::uuid[], ${w.scores.scores}::float8[]) as u(id, score) where a.id = u.id`;
  // Separately, so the search vector trigger runs only where the text changed.
  if (w.texts.ids.length) {
    await tx.$executeRaw`
      update agreement a set search_text = u.search_text
      from unnest(${w.texts.ids}::uuid[], ${w.texts.texts}::text[]) as u(id, search_text) where a.id = u.id`;
  }
}
