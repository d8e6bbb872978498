import { describe, expect, it } from 'vitest';
import { compareSides, type SidedUpdate } from './assessments.ts';
import type { ScoredMilestone } from './index.ts';

const pilot: ScoredMilestone = { id: 'pilot', kind: 'ONE_OFF', weight: 2 };
const trade: ScoredMilestone = { id: 'trade', kind: 'TARGET', weight: 2, baseline: 30, target: 100 };

function update(id: string, side: string | null, observedOn: string, values: Partial<SidedUpdate>, milestoneId = 'pilot'): SidedUpdate {
  return {
    id,
    milestoneId,
    observedOn,
    authorSideId: side,
    status: 'IN_PROGRESS',
    reviewState: 'VERIFIED',
    reviewedAt: new Date(`${observedOn}T12:00:00Z`),
    ...values,
  };
}

describe('comparing the two sides assessments of a milestone', () => {
  it('shows each side its latest verified assessment and the gap between the scores they imply', () => {
    const updates = [
      update('pk-old', 'pk', '2025-06-01', { progress: 40 }),
      update('pk', 'pk', '2025-10-01', { progress: 70 }),
      update('az', 'az', '2025-11-15', { progress: 30, status: 'DELAYED' }),
    ];
    const comparison = compareSides(pilot, updates, '2026-01-01')!;
    expect(comparison.sides.map((side) => [side.sideId, side.latest.id, side.score])).toEqual([
      ['pk', 'pk', 70],
      ['az', 'az', 30],
    ]);
    expect(comparison.gap).toBe(40);
  });

  it('scores a numeric target from each side figures', () => {
    const updates = [
      update('pk', 'pk', '2025-02-10', { actualValue: 55 }, 'trade'),
      update('az', 'az', '2025-02-18', { actualValue: 62 }, 'trade'),
    ];
    expect(compareSides(trade, updates, '2025-12-31')!.gap).toBeCloseTo(10, 9);
  });

  it('needs two sides: one side, independent analysts or updates verified after the day are not a comparison', () => {
    expect(
      compareSides(
        pilot,
        [update('a', 'pk', '2025-01-01', { progress: 10 }), update('b', 'pk', '2025-02-01', { progress: 20 })],
        '2026-01-01',
      ),
    ).toBeNull();
    expect(
      compareSides(
        pilot,
        [update('a', 'pk', '2025-01-01', { progress: 10 }), update('b', null, '2025-02-01', { progress: 20 })],
        '2026-01-01',
      ),
    ).toBeNull();
    expect(
      compareSides(
        pilot,
        [update('a', 'pk', '2025-01-01', { progress: 10 }), update('b', 'az', '2025-02-01', { progress: 20 })],
        '2025-01-31',
      ),
    ).toBeNull();
  });

  it('leaves out an assessment its correction superseded', () => {
    const updates = [
      update('pk', 'pk', '2025-01-01', { progress: 90 }),
      update('az', 'az', '2025-01-05', { progress: 10 }),
      update('pk-fix', 'pk', '2025-01-01', { progress: 50, supersedesId: 'pk' }),
    ];
    const comparison = compareSides(pilot, updates, '2025-06-01')!;
    expect(comparison.sides.find((side) => side.sideId === 'pk')!.latest.id).toBe('pk-fix');
    expect(comparison.gap).toBe(40);
  });

  it('does not compare deliveries of a recurring obligation, which add up rather than compete', () => {
    const lng: ScoredMilestone = {
      id: 'lng',
      kind: 'RECURRING',
      weight: 1,
      frequency: 'MONTHLY',
      quantityPerPeriod: 1,
      startsOn: '2024-01-01',
    };
    const updates = [update('a', 'pk', '2024-01-10', { quantity: 1 }, 'lng'), update('b', 'az', '2024-02-10', { quantity: 1 }, 'lng')];
    expect(compareSides(lng, updates, '2024-06-01')).toBeNull();
  });
});
