import { describe, expect, it } from 'vitest';
import {
  bandOf,
  countsTowardsAggregates,
  effectiveUpdates,
  meanScore,
  recurringLedger,
  schedulePeriods,
  scoreAgreement,
  scoreMilestone,
  type ScoredMilestone,
  type ScoredUpdate,
} from './index.ts';

let sequence = 0;
function update(partial: Partial<ScoredUpdate> & Pick<ScoredUpdate, 'milestoneId' | 'observedOn'>): ScoredUpdate {
  sequence += 1;
  return {
    id: `u${sequence}`,
    status: 'IN_PROGRESS',
    reviewState: 'VERIFIED',
    reviewedAt: new Date(`${partial.observedOn}T12:00:00Z`),
    ...partial,
  };
}

const oneOff: ScoredMilestone = { id: 'm1', kind: 'ONE_OFF', weight: 1 };
const scholarships: ScoredMilestone = { id: 'm2', kind: 'TARGET', weight: 1, baseline: 20, target: 120 };
const lng: ScoredMilestone = {
  id: 'm3',
  kind: 'RECURRING',
  weight: 1,
  frequency: 'MONTHLY',
  quantityPerPeriod: 1,
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
};

describe('bands on the Peace Accords Matrix scale', () => {
  it('maps 0 to not initiated, below 50 to minimal, 50 to below 100 to intermediate and 100 to full', () => {
    expect(bandOf(0)).toBe('NOT_INITIATED');
    expect(bandOf(0.1)).toBe('MINIMAL');
    expect(bandOf(49.99)).toBe('MINIMAL');
    expect(bandOf(50)).toBe('INTERMEDIATE');
    expect(bandOf(99.9)).toBe('INTERMEDIATE');
    expect(bandOf(100)).toBe('FULL');
  });
});

describe('a one-off milestone', () => {
  it('scores 0 with no verified update', () => {
    const pending = update({ milestoneId: 'm1', observedOn: '2025-01-10', progress: 80, reviewState: 'PENDING', reviewedAt: null });
    expect(scoreMilestone(oneOff, [pending], '2025-12-31')).toMatchObject({ score: 0, status: 'NOT_STARTED', latest: null });
  });

  it('takes the progress of the latest verified update, ignoring rejected ones', () => {
    const updates = [
      update({ milestoneId: 'm1', observedOn: '2025-01-10', progress: 30 }),
      update({ milestoneId: 'm1', observedOn: '2025-03-10', progress: 60 }),
      update({ milestoneId: 'm1', observedOn: '2025-04-10', progress: 90, reviewState: 'REJECTED' }),
    ];
    expect(scoreMilestone(oneOff, updates, '2025-12-31').score).toBe(60);
  });

  it('uses only updates observed and verified by the as-of date', () => {
    const updates = [
      update({ milestoneId: 'm1', observedOn: '2025-01-10', progress: 30 }),
      // Observed before the as-of date but verified after it: it did not count then.
      update({ milestoneId: 'm1', observedOn: '2025-02-01', progress: 70, reviewedAt: new Date('2025-03-05T09:00:00Z') }),
    ];
    expect(scoreMilestone(oneOff, updates, '2025-02-28').score).toBe(30);
    expect(scoreMilestone(oneOff, updates, '2025-03-05').score).toBe(70);
  });

  it('lets a verified correction replace the update it supersedes', () => {
    const original = update({ milestoneId: 'm1', observedOn: '2025-05-01', progress: 80 });
    const correction = update({ milestoneId: 'm1', observedOn: '2025-04-01', progress: 40, supersedesId: original.id });
    expect(scoreMilestone(oneOff, [original, correction], '2025-12-31').score).toBe(40);
    const pendingCorrection = { ...correction, reviewState: 'PENDING' as const, reviewedAt: null };
    expect(scoreMilestone(oneOff, [original, pendingCorrection], '2025-12-31').score).toBe(80);
  });
});

describe('a numeric target', () => {
  it('scores (actual − baseline) / (target − baseline), clamped to 0–100', () => {
    const score = (actualValue: number) =>
      scoreMilestone(scholarships, [update({ milestoneId: 'm2', observedOn: '2025-06-01', actualValue })], '2025-12-31').score;
    expect(score(70)).toBe(50);
    expect(score(10)).toBe(0);
    expect(score(500)).toBe(100);
  });
});

describe('a recurring obligation', () => {
  const cargo = (observedOn: string, quantity = 1) => update({ milestoneId: 'm3', observedOn, quantity });

  it('divides delivered by expected over the periods elapsed', () => {
    const updates = [cargo('2025-01-14'), cargo('2025-02-20'), cargo('2025-04-02')];
    // Jan, Feb, Mar and Apr have elapsed by 30 April: 3 of 4 cargoes delivered.
    expect(scoreMilestone(lng, updates, '2025-04-30')).toMatchObject({ score: 75, expected: 4, delivered: 3 });
    // On 29 April, April has not elapsed: 2 delivered of 3 expected.
    const midApril = scoreMilestone(lng, updates, '2025-04-29');
    expect(midApril.expected).toBe(3);
    expect(midApril.delivered).toBe(2);
  });

  it('scores 0 before its first period has elapsed', () => {
    expect(scoreMilestone(lng, [cargo('2025-01-05')], '2025-01-20').score).toBe(0);
  });

  it('stops expecting deliveries after the schedule ends', () => {
    const updates = Array.from({ length: 12 }, (_, month) => cargo(`2025-${String(month + 1).padStart(2, '0')}-10`));
    const result = scoreMilestone(lng, updates, '2026-06-30');
    expect(result).toMatchObject({ expected: 12, delivered: 12, score: 100 });
  });

  it('marks each period delivered, partly delivered, missed or upcoming', () => {
    const halfCargo = { ...lng, id: 'm3', quantityPerPeriod: 2 };
    const updates = [cargo('2025-01-14', 2), cargo('2025-02-20', 1), cargo('2025-04-03', 2)];
    const ledger = recurringLedger(halfCargo, updates, '2025-04-15', '2025-05-31');
    expect(ledger.map((row) => [row.start, row.state, row.delivered])).toEqual([
      ['2025-01-01', 'DELIVERED', 2],
      ['2025-02-01', 'PARTLY_DELIVERED', 1],
      ['2025-03-01', 'MISSED', 0],
      ['2025-04-01', 'DELIVERED', 2],
      ['2025-05-01', 'UPCOMING', 0],
    ]);
  });

  it('lists the same periods as of any day, whatever days were asked about before', () => {
    const weekly: ScoredMilestone = { ...lng, id: 'm4', frequency: 'WEEKLY', endsOn: '2025-06-30' };
    const days = ['2025-05-10', '2025-01-03', '2026-01-01', '2024-12-31', '2025-03-15'];
    const fresh = days.map((day) => schedulePeriods({ ...weekly }, day));
    expect(days.map((day) => schedulePeriods(weekly, day))).toEqual(fresh);
    expect(fresh[2]!.at(-1)).toEqual({ start: '2025-06-25', end: '2025-06-30' });
    expect(fresh[3]).toEqual([]);
  });

  it('clamps period ends to month lengths when the schedule starts late in a month', () => {
    const fromJan31 = { ...lng, startsOn: '2025-01-31', endsOn: null };
    const periods = recurringLedger(fromJan31, [], '2025-04-30').map((row) => [row.start, row.end]);
    expect(periods.slice(0, 2)).toEqual([
      ['2025-01-31', '2025-02-27'],
      ['2025-02-28', '2025-03-30'],
    ]);
  });
});

describe("an agreement's score", () => {
  it('is the weight-averaged score of its milestones, leaving cancelled ones out', () => {
    const milestones: ScoredMilestone[] = [
      { ...oneOff, id: 'a', weight: 3 },
      { ...oneOff, id: 'b', weight: 1 },
      { ...oneOff, id: 'c', weight: 5 },
    ];
    const updates = [
      update({ milestoneId: 'a', observedOn: '2025-01-01', progress: 100, status: 'ACHIEVED' }),
      update({ milestoneId: 'b', observedOn: '2025-01-01', progress: 20 }),
      update({ milestoneId: 'c', observedOn: '2025-01-01', progress: 0, status: 'CANCELLED' }),
    ];
    const result = scoreAgreement(milestones, updates, '2025-12-31');
    expect(result.score).toBe(80);
    expect(result.band).toBe('INTERMEDIATE');
    expect(result.milestones.find((m) => m.milestoneId === 'c')?.counted).toBe(false);
  });

  it('is 0 and not initiated when it has no milestones', () => {
    expect(scoreAgreement([], [], '2025-12-31')).toMatchObject({ score: 0, band: 'NOT_INITIATED' });
  });
});

describe('aggregate scores', () => {
  it('are the mean of agreement scores, and null with no agreements', () => {
    expect(meanScore([100, 50, 0])).toBe(50);
    expect(meanScore([])).toBeNull();
  });

  it('count agreements that are at least signed, and signed by the as-of date', () => {
    expect(countsTowardsAggregates({ status: 'IN_FORCE', signedOn: '2020-06-01' }, '2024-01-01')).toBe(true);
    expect(countsTowardsAggregates({ status: 'IN_FORCE', signedOn: '2024-06-01' }, '2024-01-01')).toBe(false);
    expect(countsTowardsAggregates({ status: 'UNDER_NEGOTIATION', signedOn: null }, '2024-01-01')).toBe(false);
    expect(countsTowardsAggregates({ status: 'TERMINATED', signedOn: '2021-01-01' }, '2024-01-01')).toBe(true);
  });
});

describe('effective updates', () => {
  it('exclude updates observed after the as-of date even when verified before it', () => {
    const future = update({ milestoneId: 'm1', observedOn: '2025-09-01', reviewedAt: new Date('2025-08-01T00:00:00Z') });
    expect(effectiveUpdates([future], '2025-08-15')).toEqual([]);
  });
});
