// Implementation scoring, method version 1. Pure functions: no I/O, no clock. Every score can be
// computed "as of" a calendar day, using only updates observed on or before that day and verified
// before it ended. The public methodology page explains the same rules in plain language.
import { addDays, addMonths, endOfDay, type IsoDate } from '../dates.ts';

export const METHOD_VERSION = 1;

export type MilestoneKind = 'ONE_OFF' | 'RECURRING' | 'TARGET';
export type Frequency = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'SEMIANNUAL' | 'ANNUAL';
export type ProgressStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED' | 'DELAYED' | 'STALLED' | 'CANCELLED';
export type ReviewState = 'PENDING' | 'VERIFIED' | 'REJECTED';
export type Band = 'NOT_INITIATED' | 'MINIMAL' | 'INTERMEDIATE' | 'FULL';

export interface ScoredMilestone {
  id: string;
  kind: MilestoneKind;
  weight: number;
  frequency?: Frequency | null;
  quantityPerPeriod?: number | null;
  startsOn?: IsoDate | null;
  endsOn?: IsoDate | null;
  baseline?: number | null;
  target?: number | null;
}

export interface ScoredUpdate {
  id: string;
  milestoneId: string;
  observedOn: IsoDate;
  status: ProgressStatus;
  progress?: number | null;
  quantity?: number | null;
  actualValue?: number | null;
  reviewState: ReviewState;
  reviewedAt: Date | null;
  supersedesId?: string | null;
  /** The side (party) the author reported for; null for independent analysts. */
  authorSideId?: string | null;
  createdAt?: Date;
}

export interface MilestoneResult {
  milestoneId: string;
  /** 0–100. */
  score: number;
  status: ProgressStatus;
  /** Cancelled milestones are left out of the agreement's score. */
  counted: boolean;
  latest: ScoredUpdate | null;
  /** Recurring obligations only. */
  delivered?: number;
  expected?: number;
}

export interface AgreementResult {
  score: number;
  band: Band;
  milestones: MilestoneResult[];
}

const FULL_TOLERANCE = 1e-9;

export function bandOf(score: number): Band {
  if (score <= 0) return 'NOT_INITIATED';
  if (score >= 100 - FULL_TOLERANCE) return 'FULL';
  return score < 50 ? 'MINIMAL' : 'INTERMEDIATE';
}

function clamp(value: number, low = 0, high = 100) {
  return Math.min(high, Math.max(low, value));
}

/** Verified by the end of `asOf`, observed on or before it, and not superseded by such an update. */
export function effectiveUpdates(updates: readonly ScoredUpdate[], asOf: IsoDate): ScoredUpdate[] {
  const cutoff = endOfDay(asOf).getTime();
  const counted = updates.filter(
    (update) =>
      update.reviewState === 'VERIFIED' && update.reviewedAt !== null && update.reviewedAt.getTime() < cutoff && update.observedOn <= asOf,
  );
  const superseded = new Set(counted.map((update) => update.supersedesId).filter(Boolean));
  return counted.filter((update) => !superseded.has(update.id));
}

function newestFirst(a: ScoredUpdate, b: ScoredUpdate) {
  if (a.observedOn !== b.observedOn) return a.observedOn < b.observedOn ? 1 : -1;
  return (b.reviewedAt?.getTime() ?? 0) - (a.reviewedAt?.getTime() ?? 0);
}

export function latestOf(updates: readonly ScoredUpdate[]): ScoredUpdate | null {
  return [...updates].sort(newestFirst)[0] ?? null;
}

export interface Period {
  start: IsoDate;
  /** Last day of the period, inclusive. */
  end: IsoDate;
}

function periodStart(startsOn: IsoDate, frequency: Frequency, index: number): IsoDate {
  switch (frequency) {
    case 'WEEKLY':
      return addDays(startsOn, 7 * index);
    case 'MONTHLY':
      return addMonths(startsOn, index);
    case 'QUARTERLY':
      return addMonths(startsOn, 3 * index);
    case 'SEMIANNUAL':
      return addMonths(startsOn, 6 * index);
    case 'ANNUAL':
      return addMonths(startsOn, 12 * index);
  }
}

/**
 * The periods worked out so far per milestone. A score history asks for the same schedule as of every
 * month, each time a little longer; the periods never change, so each is computed once.
 */
const knownPeriods = new WeakMap<ScoredMilestone, Period[]>();

/** The schedule's periods that start on or before `until` (and on or before the schedule's end). */
export function schedulePeriods(milestone: ScoredMilestone, until: IsoDate): Period[] {
  const { startsOn, frequency } = milestone;
  if (!startsOn || !frequency) return [];
  const last = milestone.endsOn && milestone.endsOn < until ? milestone.endsOn : until;
  const periods = knownPeriods.get(milestone) ?? [];
  knownPeriods.set(milestone, periods);
  let next: IsoDate | undefined;
  while (periods.length === 0 || periods.at(-1)!.start <= last) {
    const start = next ?? periodStart(startsOn, frequency, periods.length);
    next = periodStart(startsOn, frequency, periods.length + 1);
    let end = addDays(next, -1);
    if (milestone.endsOn && end > milestone.endsOn) end = milestone.endsOn;
    periods.push({ start, end });
  }
  let count = periods.length;
  while (count > 0 && periods[count - 1]!.start > last) count--;
  return periods.slice(0, count);
}

export type LedgerState = 'DELIVERED' | 'PARTLY_DELIVERED' | 'MISSED' | 'UPCOMING';

export interface LedgerRow extends Period {
  expected: number;
  delivered: number;
  state: LedgerState;
}

/**
 * Expected against delivered quantity per period of a recurring obligation. A period counts as
 * elapsed once its last day is on or before `asOf`; `horizon` adds upcoming periods after it.
 */
export function recurringLedger(
  milestone: ScoredMilestone,
  updates: readonly ScoredUpdate[],
  asOf: IsoDate,
  horizon: IsoDate = asOf,
): LedgerRow[] {
  const perPeriod = milestone.quantityPerPeriod ?? 0;
  const deliveries = effectiveUpdates(updates, asOf).sort((a, b) =>
    a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : 0,
  );
  let next = 0;
  return schedulePeriods(milestone, horizon > asOf ? horizon : asOf).map((period) => {
    // The periods follow each other without gaps, so one pass over the sorted deliveries finds each one's.
    while (next < deliveries.length && deliveries[next]!.observedOn < period.start) next++;
    let delivered = 0;
    for (; next < deliveries.length && deliveries[next]!.observedOn <= period.end; next++) delivered += deliveries[next]!.quantity ?? 0;
    const elapsed = period.end <= asOf;
    let state: LedgerState;
    if (delivered >= perPeriod && delivered > 0) state = 'DELIVERED';
    else if (!elapsed) state = 'UPCOMING';
    else state = delivered > 0 ? 'PARTLY_DELIVERED' : 'MISSED';
    // Properties spelled out: an object spread here made the score history of a weekly obligation
    // some twenty times slower.
    return { start: period.start, end: period.end, expected: perPeriod, delivered, state };
  });
}

function recurringScore(milestone: ScoredMilestone, updates: readonly ScoredUpdate[], asOf: IsoDate) {
  const elapsed = recurringLedger(milestone, updates, asOf).filter((row) => row.end <= asOf);
  const expected = elapsed.reduce((sum, row) => sum + row.expected, 0);
  const delivered = elapsed.reduce((sum, row) => sum + row.delivered, 0);
  const score = expected > 0 ? clamp((100 * delivered) / expected) : 0;
  return { score, expected, delivered };
}

function targetScore(milestone: ScoredMilestone, latest: ScoredUpdate): number {
  const baseline = milestone.baseline ?? 0;
  const target = milestone.target ?? 0;
  const actual = latest.actualValue ?? baseline;
  if (target === baseline) return actual >= target ? 100 : 0;
  return clamp((100 * (actual - baseline)) / (target - baseline));
}

/** A milestone's score from its own updates (any review state; filtering happens here). */
export function scoreMilestone(milestone: ScoredMilestone, updates: readonly ScoredUpdate[], asOf: IsoDate): MilestoneResult {
  const own = updates.filter((update) => update.milestoneId === milestone.id);
  const latest = latestOf(effectiveUpdates(own, asOf));
  const status = latest?.status ?? 'NOT_STARTED';
  const base = { milestoneId: milestone.id, status, latest, counted: status !== 'CANCELLED' };
  if (milestone.kind === 'RECURRING') return { ...base, ...recurringScore(milestone, own, asOf) };
  if (!latest) return { ...base, score: 0 };
  if (milestone.kind === 'TARGET') return { ...base, score: targetScore(milestone, latest) };
  return { ...base, score: clamp(latest.progress ?? 0) };
}

/** Weight-averaged score of the milestones that count; 0 when none do. */
export function scoreAgreement(milestones: readonly ScoredMilestone[], updates: readonly ScoredUpdate[], asOf: IsoDate): AgreementResult {
  const results = milestones.map((milestone) => scoreMilestone(milestone, updates, asOf));
  let weighted = 0;
  let totalWeight = 0;
  results.forEach((result, index) => {
    if (!result.counted) return;
    const weight = milestones[index]!.weight;
    weighted += weight * result.score;
    totalWeight += weight;
  });
  const score = totalWeight > 0 ? weighted / totalWeight : 0;
  return { score, band: bandOf(score), milestones: results };
}

/** A recurring obligation's delivered against expected quantity over the periods ended so far. */
export function complianceOf(result: MilestoneResult): { expected: number; delivered: number; rate: number | null } {
  const expected = result.expected ?? 0;
  const delivered = result.delivered ?? 0;
  return { expected, delivered, rate: expected > 0 ? Math.min(1, delivered / expected) : null };
}

/** Sector, party and relationship scores: the plain mean of the agreements' scores; null when empty. */
export function meanScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

export const SIGNED_STATUSES = ['SIGNED', 'IN_FORCE', 'COMPLETED', 'SUSPENDED', 'TERMINATED', 'EXPIRED'] as const;

/** Whether an agreement counts towards aggregate scores as of a day: at least signed, by then. */
export function countsTowardsAggregates(agreement: { status: string; signedOn: IsoDate | null }, asOf: IsoDate): boolean {
  if (!(SIGNED_STATUSES as readonly string[]).includes(agreement.status)) return false;
  return agreement.signedOn === null || agreement.signedOn <= asOf;
}
