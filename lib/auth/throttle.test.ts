import { describe, expect, it } from 'vitest';
import { afterFailure, THROTTLE_RULES, waitSeconds, type ThrottleRule, type ThrottleState } from './throttle.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12) + seconds * 1000);

function fail(rule: ThrottleRule, times: number[], start: ThrottleState | null = null) {
  return times.reduce<ThrottleState | null>((state, second) => afterFailure(state, at(second), rule), start)!;
}

describe('sign-in throttling', () => {
  const rule = THROTTLE_RULES.accountAddress;

  it('hears the free failures at once, then makes each further attempt wait twice as long, up to the cap', () => {
    const four = fail(rule, [0, 1, 2, 3]);
    expect(waitSeconds(four, at(3))).toBe(0);
    const waits = [];
    let state = four;
    let now = 3;
    for (let failure = 5; failure <= 12; failure++) {
      now += waitSeconds(state, at(now));
      state = afterFailure(state, at(now), rule);
      waits.push(waitSeconds(state, at(now)));
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('lifts the wait once it has passed', () => {
    const five = fail(rule, [0, 1, 2, 3, 4]);
    expect(waitSeconds(five, at(33))).toBe(1);
    expect(waitSeconds(five, at(34))).toBe(0);
  });

  it('forgets a key after a quiet spell, but not while failures keep coming', () => {
    const spread = fail(rule, [0, 1800, 3600, 5400, 7200]);
    expect(spread.failures).toBe(5);
    const later = afterFailure(spread, at(7200 + 3600), rule);
    expect(later.failures).toBe(1);
    expect(waitSeconds(later, at(7200 + 3600))).toBe(0);
  });

  it("keeps what a spread-out attack makes the account's owner wait to a minute at most", () => {
    const account = THROTTLE_RULES.account;
    const state = fail(
      account,
      Array.from({ length: 60 }, (_, index) => index),
    );
    expect(waitSeconds(state, at(59))).toBe(60);
  });

  it('holds one address to 49 failures every quarter hour', () => {
    const address = THROTTLE_RULES.address;
    expect(
      waitSeconds(
        fail(
          address,
          Array.from({ length: 49 }, (_, i) => i),
        ),
        at(48),
      ),
    ).toBe(0);
    expect(
      waitSeconds(
        fail(
          address,
          Array.from({ length: 50 }, (_, i) => i),
        ),
        at(49),
      ),
    ).toBe(900);
  });
});
