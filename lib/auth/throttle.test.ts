import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, THROTTLE_RULES, type ThrottleState } from './throttle.ts';

const rule = THROTTLE_RULES.account;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, 0) + minutes * 60_000);

function fail(times: number[], start: ThrottleState | null = null) {
  return times.reduce<ThrottleState | null>((state, minute) => afterFailure(state, at(minute), rule), start)!;
}

describe('sign-in throttling', () => {
  it('locks on the fifth failure within fifteen minutes', () => {
    const four = fail([0, 1, 2, 3]);
    expect(isLocked(four, at(3))).toBe(false);
    const five = afterFailure(four, at(14), rule);
    expect(five.failures).toBe(5);
    expect(isLocked(five, at(14))).toBe(true);
  });

  it('keeps the lock for fifteen minutes after the locking failure, then lifts it', () => {
    const locked = fail([0, 1, 2, 3, 4]);
    expect(isLocked(locked, at(18))).toBe(true);
    expect(isLocked(locked, at(19))).toBe(false);
  });

  it('starts a new window once fifteen minutes have passed since the first failure', () => {
    const spread = fail([0, 5, 10, 15, 20]);
    // The window that began at 0 ended at 15: the failures at 15 and 20 start a new count.
    expect(spread.failures).toBe(2);
    expect(isLocked(spread, at(20))).toBe(false);
  });

  it('does not shorten an existing lock when failures continue in a new window', () => {
    const locked = fail([0, 1, 2, 3, 4]);
    const later = afterFailure(locked, at(16), rule);
    expect(later.failures).toBe(1);
    expect(later.lockedUntil).toEqual(locked.lockedUntil);
  });
});
