// Brute-force throttling arithmetic, kept pure so it can be tested with a fake clock. The counters
// live in PostgreSQL (lib/data/auth.ts), so every instance of the app sees the same ones.
//
// Nothing locks an account. After a rule's free failures, each further failure makes the key wait
// before the next attempt is heard, twice as long as the time before, up to a cap; an attempt during
// the wait is refused unheard and does not count. A key is forgotten after a quiet spell. What an
// attacker meets is the wait on the keys they hammer; the keys are chosen so that the person whose
// account is attacked mostly meets none (see THROTTLE_RULES).

export interface ThrottleRule {
  /** Failures heard without any wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A key with no failure for this long starts again from nothing. */
  forgetAfterSeconds: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  retryAfter: Date | null;
}

const MINUTE = 60;

export const THROTTLE_RULES = {
  /**
   * Password guesses at one account from one client address: what a single attacker meets. The
   * account's owner, signing in from elsewhere, never shares this key with them.
   */
  accountAddress: { freeFailures: 4, firstDelaySeconds: 30, maxDelaySeconds: 15 * MINUTE, forgetAfterSeconds: 60 * MINUTE },
  /**
   * Password guesses at one account from anywhere (an attacker spread over many addresses). Generous
   * and short, since the owner meets this one too: at most a minute between attempts.
   */
  account: { freeFailures: 20, firstDelaySeconds: 5, maxDelaySeconds: MINUTE, forgetAfterSeconds: 15 * MINUTE },
  /** The per-address ceiling: one address guessing at many accounts (password spraying). */
  address: { freeFailures: 49, firstDelaySeconds: 15 * MINUTE, maxDelaySeconds: 15 * MINUTE, forgetAfterSeconds: 15 * MINUTE },
  /**
   * Codes and passwords a signed-in or half-signed-in user gives to prove a factor: the sign-in code,
   * recovery codes, and re-authentication before changing factors. Only the account's holder (or whoever
   * has their password or session) can make these attempts, so the wait may grow long.
   */
  factor: { freeFailures: 4, firstDelaySeconds: 30, maxDelaySeconds: 15 * MINUTE, forgetAfterSeconds: 60 * MINUTE },
} satisfies Record<string, ThrottleRule>;

export type ThrottleRuleName = keyof typeof THROTTLE_RULES;

/** Whole seconds until the key is heard again, or 0 when it is heard now. */
export function waitSeconds(state: ThrottleState | null, now: Date): number {
  if (!state?.retryAfter) return 0;
  return Math.max(0, Math.ceil((state.retryAfter.getTime() - now.getTime()) / 1000));
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null, now: Date, rule: ThrottleRule): ThrottleState {
  const forgotten = !state || now.getTime() - state.lastFailureAt.getTime() >= rule.forgetAfterSeconds * 1000;
  const failures = forgotten ? 1 : state.failures + 1;
  const past = failures - rule.freeFailures;
  const delay = past > 0 ? Math.min(rule.firstDelaySeconds * 2 ** Math.min(past - 1, 30), rule.maxDelaySeconds) : 0;
  return { failures, lastFailureAt: now, retryAfter: delay > 0 ? new Date(now.getTime() + delay * 1000) : null };
}
