import { describe, expect, it } from 'vitest';
import { isDueSoon, isOverdue } from './deadlines.ts';

const open = { status: 'IN_PROGRESS' as const, score: 40 };

describe('deadline flags', () => {
  it('call a milestone overdue once its due day has passed while it is still open', () => {
    expect(isOverdue({ ...open, dueOn: '2025-06-30' }, '2025-07-01')).toBe(true);
    expect(isOverdue({ ...open, dueOn: '2025-06-30' }, '2025-06-30')).toBe(false);
    expect(isOverdue({ ...open, dueOn: null }, '2030-01-01')).toBe(false);
  });

  it('never call achieved, cancelled or fully scored milestones overdue', () => {
    expect(isOverdue({ dueOn: '2025-06-30', status: 'ACHIEVED', score: 100 }, '2026-01-01')).toBe(false);
    expect(isOverdue({ dueOn: '2025-06-30', status: 'CANCELLED', score: 0 }, '2026-01-01')).toBe(false);
    expect(isOverdue({ dueOn: '2025-06-30', status: 'IN_PROGRESS', score: 100 }, '2026-01-01')).toBe(false);
  });

  it('call a milestone due soon from its due day back to ninety days before it', () => {
    expect(isDueSoon({ ...open, dueOn: '2025-06-30' }, '2025-06-30')).toBe(true);
    expect(isDueSoon({ ...open, dueOn: '2025-06-30' }, '2025-04-01')).toBe(true);
    expect(isDueSoon({ ...open, dueOn: '2025-06-30' }, '2025-03-31')).toBe(false);
    expect(isDueSoon({ ...open, dueOn: '2025-06-30' }, '2025-07-01')).toBe(false);
  });
});
