// Brute-force throttling arithmetic, kept pure so it can be tested with a fake clock. The counters
// themselves live in PostgreSQL (lib/data/auth-throttle.ts), so no extra service is needed.

export interface ThrottleRule {
  /** Failures within the window that lock the key. */
  maxFailures: number;
  windowSeconds: number;
  lockSeconds: number;
}

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

const FIFTEEN_MINUTES = 15 * 60;

export const THROTTLE_RULES = {
  /** Per account (normalised email, whether or not the account exists). */
  account: { maxFailures: 5, windowSeconds: FIFTEEN_MINUTES, lockSeconds: FIFTEEN_MINUTES },
  /** Per client address: generous, since offices share addresses; stops spraying many accounts. */
  address: { maxFailures: 50, windowSeconds: FIFTEEN_MINUTES, lockSeconds: FIFTEEN_MINUTES },
  /** Per user, for TOTP and recovery codes after the password step. */
  secondFactor: { maxFailures: 5, windowSeconds: FIFTEEN_MINUTES, lockSeconds: FIFTEEN_MINUTES },
} satisfies Record<string, ThrottleRule>;

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return state?.lockedUntil != null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failure at `now`: a new window once the old one has passed. */
export function afterFailure(state: ThrottleState | null, now: Date, rule: ThrottleRule): ThrottleState {
  const windowOver = !state || now.getTime() - state.windowStart.getTime() >= rule.windowSeconds * 1000;
  const failures = windowOver ? 1 : state.failures + 1;
  const windowStart = windowOver ? now : state.windowStart;
  const stillLocked = isLocked(state, now) ? state!.lockedUntil : null;
  const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockSeconds * 1000) : stillLocked;
  return { failures, windowStart, lockedUntil };
}
