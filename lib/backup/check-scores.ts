// The stored scores of a backup against a recomputation from its own rows, with the app's scoring
// (lib/scoring): each agreement's score, its live milestones' scores, statuses and latest
// observations, and its month-by-month history, as of the day the agreement was last scored.
import { addDays, toIsoDate, type IsoDate } from '../dates.ts';
import type { ScoredMilestone, ScoredUpdate } from '../scoring/index.ts';
import { storedScores } from '../scoring/stored.ts';
import { rowLabel, type BackupProblem } from './problems.ts';
import type { BackupRows } from './tables.ts';

/** Stored doubles went through JSON and may have been summed in another order. */
const TOLERANCE = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE;

type Indexed<T> = { row: T; index: number };
type Milestone = BackupRows['milestone'][number];
type Update = BackupRows['progress_update'][number];
type Month = BackupRows['agreement_score_month'][number];

function groupByAgreement<T extends { agreement_id: string }>(rows: T[], keep: (row: T) => boolean = () => true) {
  const groups = new Map<string, Indexed<T>[]>();
  rows.forEach((row, index) => {
    if (!keep(row)) return;
    const group = groups.get(row.agreement_id) ?? [];
    group.push({ row, index });
    groups.set(row.agreement_id, group);
  });
  return groups;
}

function scoredMilestone(m: Milestone): ScoredMilestone {
  return {
    id: m.id,
    kind: m.kind,
    weight: m.weight,
    frequency: m.frequency,
    quantityPerPeriod: m.quantity_per_period,
    startsOn: m.starts_on,
    endsOn: m.ends_on,
    baseline: m.baseline,
    target: m.target,
  };
}

function scoredUpdate(u: Update): ScoredUpdate {
  return {
    id: u.id,
    milestoneId: u.milestone_id,
    observedOn: u.observed_on,
    status: u.status,
    progress: u.progress,
    quantity: u.quantity,
    actualValue: u.actual_value,
    reviewState: u.review_state,
    reviewedAt: u.reviewed_at === null ? null : new Date(u.reviewed_at),
    supersedesId: u.supersedes_id,
    authorSideId: u.author_side_id,
  };
}

interface Inputs {
  agreement: Indexed<BackupRows['agreement'][number]>;
  milestones: Indexed<Milestone>[];
  updates: ScoredUpdate[];
  months: Indexed<Month>[];
}

/** What differs between the stored scores and a recomputation as of `asOf` (null: never scored, so nothing may be stored). */
function differences({ agreement, milestones, updates, months }: Inputs, asOf: IsoDate | null): BackupProblem[] {
  const found: BackupProblem[] = [];
  const scored = milestones.map(({ row }) => scoredMilestone(row));
  const recomputed =
    asOf === null ? null : storedScores({ signedOn: agreement.row.signed_on, milestones: scored, updates }, { today: asOf });
  const result = recomputed?.result ?? null;
  const when = asOf === null ? 'for an agreement never scored' : `as of ${asOf}`;
  const expectedScore = result?.score ?? 0;
  if (!same(agreement.row.score, expectedScore)) {
    found.push({
      at: rowLabel('agreement', agreement.index, agreement.row),
      message: `stored score ${agreement.row.score} differs from ${expectedScore}, recomputed from its verified updates ${when}`,
    });
  }
  milestones.forEach(({ row, index }, i) => {
    const computed = result?.milestones[i];
    const expected = {
      score: computed?.score ?? 0,
      status: computed?.status ?? 'NOT_STARTED',
      last_observed_on: computed?.latest?.observedOn ?? null,
    };
    const stored = { score: row.score, status: row.status, last_observed_on: row.last_observed_on };
    if (!same(stored.score, expected.score) || stored.status !== expected.status || stored.last_observed_on !== expected.last_observed_on) {
      found.push({
        at: rowLabel('milestone', index, row),
        message: `stored score, status and latest observation (${stored.score}, ${stored.status}, ${stored.last_observed_on}) differ from (${expected.score}, ${expected.status}, ${expected.last_observed_on}), recomputed from its verified updates ${when}`,
      });
    }
  });
  const history = recomputed?.history ?? null;
  const expectedMonths = new Map((history?.months ?? []).map((month, i) => [month, history!.scores[i]!]));
  // One problem per agreement for its history: a changed input changes every month after it.
  const wrong: string[] = [];
  for (const { row } of months) {
    const expected = expectedMonths.get(row.month);
    if (expected === undefined) wrong.push(`${row.month} is stored but is not in the history`);
    else if (!same(row.score, expected)) wrong.push(`${row.month} is stored as ${row.score}, recomputed ${expected}`);
    expectedMonths.delete(row.month);
  }
  for (const month of expectedMonths.keys()) wrong.push(`${month} is missing`);
  if (wrong.length) {
    found.push({
      at: rowLabel('agreement', agreement.index, agreement.row),
      message: `its score history (agreement_score_month) differs from a recomputation ${when} in ${wrong.length} month${wrong.length === 1 ? '' : 's'}, first: ${wrong[0]}`,
    });
  }
  return found;
}

/**
 * Recomputes every agreement as of the day of its `scored_at`, or the day before: a recomputation
 * takes its day and its timestamp a moment apart, and a batch of them can run past midnight.
 */
export function checkScores(rows: BackupRows): BackupProblem[] {
  const milestonesOf = groupByAgreement(rows.milestone, (milestone) => milestone.archived_at === null);
  for (const group of milestonesOf.values()) {
    // The order recomputation reads them in (lib/data/scores.ts).
    group.sort((a, b) => a.row.position - b.row.position || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  }
  const updatesOf = groupByAgreement(rows.progress_update, (update) => update.review_state === 'VERIFIED');
  const monthsOf = groupByAgreement(rows.agreement_score_month);
  const problems: BackupProblem[] = [];
  rows.agreement.forEach((row, index) => {
    const inputs: Inputs = {
      agreement: { row, index },
      milestones: milestonesOf.get(row.id) ?? [],
      updates: (updatesOf.get(row.id) ?? []).map(({ row: update }) => scoredUpdate(update)),
      months: monthsOf.get(row.id) ?? [],
    };
    if (row.scored_at === null) {
      problems.push(...differences(inputs, null));
      return;
    }
    const day = toIsoDate(new Date(row.scored_at));
    const found = differences(inputs, day);
    if (found.length && differences(inputs, addDays(day, -1)).length) problems.push(...found);
  });
  return problems;
}
