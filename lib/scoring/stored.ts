// What is stored of an agreement's scores, computed from its inputs: the milestones' scores and
// statuses, the agreement's score, the month-by-month history and the public search text. Pure, so
// the app's recomputation (lib/data/scores.ts) and the benchmark's data generator store the same.
import { endOfMonth, minDate, monthsBetween, startOfMonth, type IsoDate } from '../dates.ts';
import { scoreAgreement, type AgreementResult, type ScoredMilestone, type ScoredUpdate } from './index.ts';

export interface AgreementScoringInput {
  signedOn: IsoDate | null;
  /** The live milestones, in their order. */
  milestones: readonly ScoredMilestone[];
  /** The verified updates. */
  updates: readonly ScoredUpdate[];
}

export interface ScoreHistory {
  /** The first month of the whole history: of the signature, or of the first verified observation. */
  firstMonth: IsoDate;
  /** The first month given here; earlier ones are unchanged. */
  from: IsoDate;
  months: IsoDate[];
  scores: number[];
}

/**
 * The months of the history to (re)write and their scores, from `fromMonth` (or the first month) to
 * the current month; null when there is no first month. A month's value is the score at its end
 * (today for the current month), from updates verified by then.
 */
export function historyOf(
  input: AgreementScoringInput,
  options: { today: IsoDate; fromMonth?: IsoDate; todayScore?: number },
): ScoreHistory | null {
  const firstDay = [input.signedOn, ...input.updates.map((u) => u.observedOn)]
    .filter((value): value is IsoDate => value !== null)
    .sort()[0];
  if (!firstDay) return null;
  const firstMonth = startOfMonth(firstDay);
  const from = options.fromMonth && options.fromMonth > firstMonth ? startOfMonth(options.fromMonth) : firstMonth;
  const months = monthsBetween(from, options.today);
  const scores = months.map((month) => {
    const asOf = minDate(endOfMonth(month), options.today);
    return asOf === options.today && options.todayScore !== undefined
      ? options.todayScore
      : scoreAgreement(input.milestones, input.updates, asOf).score;
  });
  return { firstMonth, from, months, scores };
}

/** The agreement scored as of today, with the part of its history from `fromMonth` (all of it when omitted). */
export function storedScores(
  input: AgreementScoringInput,
  options: { today: IsoDate; fromMonth?: IsoDate },
): { result: AgreementResult; history: ScoreHistory | null } {
  const result = scoreAgreement(input.milestones, input.updates, options.today);
  return { result, history: historyOf(input, { ...options, todayScore: result.score }) };
}

/** The public search text from its parts: live milestones in order, then verified narratives in order of observation. */
export function searchTextOf(
  agreement: { title: string; summary: string },
  milestones: readonly { title: string; description: string; clauseRef: string | null; clauseExcerpt: string | null }[],
  narratives: readonly string[],
): string {
  return [
    agreement.title,
    agreement.summary,
    ...milestones.flatMap((m) => [m.title, m.description, m.clauseRef ?? '', m.clauseExcerpt ?? '']),
    ...narratives,
  ]
    .filter((text) => text.trim())
    .join('\n');
}
