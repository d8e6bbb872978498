// Scores of groups of agreements (a sector, a party, the whole relationship) and their history.
import { endOfMonth, minDate, monthsBetween, startOfMonth, type IsoDate } from '../dates.ts';
import { bandOf, countsTowardsAggregates, meanScore, type Band } from './index.ts';

export interface AggregateInput {
  id: string;
  status: string;
  signedOn: IsoDate | null;
}

export interface AggregateScore {
  score: number | null;
  band: Band | null;
  /** Agreements that counted: at least signed, and signed by the reference day. */
  counted: number;
}

/** The mean score of the agreements that count on `asOf`; null when none does. */
export function aggregateScore(agreements: readonly AggregateInput[], scoreOf: (id: string) => number, asOf: IsoDate): AggregateScore {
  const counted = agreements.filter((agreement) => countsTowardsAggregates(agreement, asOf));
  const score = meanScore(counted.map((agreement) => scoreOf(agreement.id)));
  return { score, band: score === null ? null : bandOf(score), counted: counted.length };
}

export interface MonthScore {
  /** First day of the month. */
  month: IsoDate;
  score: number | null;
}

export interface StoredMonth {
  month: IsoDate;
  score: number;
}

/**
 * The score at the end of each month from the first signed agreement's month to the reference day's
 * month. An agreement's stored month-end scores are carried forward over months without one (its
 * history stops where its last recomputation did); the last month shows `current`, the scores the
 * page states as of the reference day, so the chart ends where the headline number is.
 */
export function monthlyAggregate(
  agreements: readonly AggregateInput[],
  history: ReadonlyMap<string, readonly StoredMonth[]>,
  current: (id: string) => number,
  reference: IsoDate,
): MonthScore[] {
  const firstSigned = agreements
    .filter((agreement) => countsTowardsAggregates(agreement, reference))
    .map((agreement) => agreement.signedOn ?? history.get(agreement.id)?.[0]?.month ?? null)
    .filter((day): day is IsoDate => day !== null)
    .sort()[0];
  if (!firstSigned) return [];
  const lastMonth = startOfMonth(reference);
  const months = monthsBetween(startOfMonth(firstSigned), reference);
  const carried = new Map(agreements.map((agreement) => [agreement.id, carryForward(history.get(agreement.id) ?? [], months)]));
  return months.map((month, index) => {
    const day = minDate(endOfMonth(month), reference);
    const scoreOf = month === lastMonth ? current : (id: string) => carried.get(id)?.[index] ?? 0;
    return { month, score: aggregateScore(agreements, scoreOf, day).score };
  });
}

/** One agreement's month-end scores from its first stored month to the reference day's month. */
export function agreementMonthly(history: readonly StoredMonth[], current: number, reference: IsoDate): MonthScore[] {
  const first = history[0]?.month;
  if (!first || first > reference) return [];
  const lastMonth = startOfMonth(reference);
  const months = monthsBetween(first, reference);
  const carried = carryForward(history, months);
  return months.map((month, index) => ({ month, score: month === lastMonth ? current : carried[index]! }));
}

/** For each month, the stored score of that month or of the latest earlier one; 0 before the first. */
function carryForward(history: readonly StoredMonth[], months: readonly IsoDate[]): number[] {
  let next = 0;
  let score = 0;
  return months.map((month) => {
    while (next < history.length && history[next]!.month <= month) score = history[next++]!.score;
    return score;
  });
}
