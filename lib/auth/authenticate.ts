import 'server-only';
import {
  acceptTotpStep,
  clearFailures,
  completeSignIn,
  consumeRecoveryCode,
  findPasswordHash,
  findSecondFactorUser,
  findSignInUser,
  normaliseEmail,
  recordAuthEvent,
  recordFailures,
  throttleWait,
  type ThrottleKey,
} from '../data/auth.ts';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import { hashRecoveryCode, verifyTotp } from './totp.ts';

export type Throttled = { outcome: 'throttled'; retryAfterSeconds: number };

export type PasswordStepResult =
  | { outcome: 'signed-in'; userId: string; sessionVersion: number }
  | { outcome: 'second-factor'; userId: string; sessionVersion: number }
  | { outcome: 'invalid' }
  | Throttled;

let dummyHash: Promise<string> | undefined;

/** Unknown accounts still cost one Argon2 verification, so timing does not reveal which exist. */
function unknownAccountHash() {
  dummyHash ??= hashPassword('ittifaq-no-such-account-placeholder');
  return dummyHash;
}

const addressKey = (address: string | null): ThrottleKey => ({ key: `address:${address ?? 'unknown'}`, rule: 'address' });

/** The keys a password guess counts against (lib/auth/throttle.ts says who meets which). */
function passwordKeys(email: string, address: string | null): ThrottleKey[] {
  const account = normaliseEmail(email);
  return [
    { key: `account:${account}`, rule: 'account' },
    { key: `account-address:${address ?? 'unknown'}:${account}`, rule: 'accountAddress' },
    addressKey(address),
  ];
}

/** The keys a factor check by this user counts against: sign-in codes, recovery codes, re-authentication. */
function factorKeys(userId: string, address: string | null): ThrottleKey[] {
  return [{ key: `factor:${userId}`, rule: 'factor' }, addressKey(address)];
}

/** Records a failure on `keys` and audits it, with the waits it started. */
async function fail(
  keys: ThrottleKey[],
  event: { action: string; entityId: string; after?: Record<string, unknown> },
  address: string | null,
) {
  const waiting = await recordFailures(keys);
  await recordAuthEvent({
    actorId: null,
    action: event.action,
    entityType: 'user',
    entityId: event.entityId,
    after: { ...event.after, ...(waiting.length ? { throttled: waiting.map((key) => key.rule) } : {}) },
    ip: address,
  });
}

/**
 * The password step. Unknown accounts, wrong passwords and deactivated accounts all answer `invalid`,
 * after the same work. While any of its keys must wait, an attempt is refused unheard (`throttled`,
 * even with the right password) and costs no hashing.
 */
export async function verifyPasswordStep(email: string, password: string, address: string | null): Promise<PasswordStepResult> {
  const keys = passwordKeys(email, address);
  const wait = await throttleWait(keys);
  if (wait > 0) return { outcome: 'throttled', retryAfterSeconds: wait };
  const user = await findSignInUser(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await unknownAccountHash()), password);
  if (!user || !user.passwordHash || !passwordOk || !user.active) {
    const reason = !user ? 'unknown-account' : !user.active ? 'deactivated' : 'wrong-password';
    await fail(
      keys,
      { action: 'auth.sign-in-failed', entityId: user?.id ?? 'unknown', after: { email: normaliseEmail(email), reason } },
      address,
    );
    return { outcome: 'invalid' };
  }
  // The owner proved the password from here: their own typos are forgiven; the other keys keep counting.
  await clearFailures([keys[1]!.key]);
  if (user.totpEnabledAt) return { outcome: 'second-factor', userId: user.id, sessionVersion: user.sessionVersion };
  await completeSignIn(user.id, address, needsRehash(user.passwordHash) ? await hashPassword(password) : undefined);
  return { outcome: 'signed-in', userId: user.id, sessionVersion: user.sessionVersion };
}

export type SecondFactorResult =
  { outcome: 'signed-in'; userId: string; sessionVersion: number } | { outcome: 'invalid' } | { outcome: 'expired' } | Throttled;

/** Checks a 6-digit code (once per time step) or consumes a recovery code. */
async function acceptCode(user: { id: string; totpSecret: string | null; totpLastStep: bigint | null }, code: string): Promise<boolean> {
  const trimmed = code.replace(/\s/g, '');
  if (!user.totpSecret) return false;
  if (/^\d{6}$/.test(trimmed)) {
    const step = await verifyTotp(user.totpSecret, trimmed, user.totpLastStep === null ? null : Number(user.totpLastStep));
    return step !== null && (await acceptTotpStep(user.id, step));
  }
  return consumeRecoveryCode(user.id, hashRecoveryCode(trimmed));
}

/** The TOTP step (a 6-digit code, or one of the recovery codes), throttled per user. */
export async function verifySecondFactorStep(
  proof: { userId: string; sessionVersion: number },
  code: string,
  address: string | null,
): Promise<SecondFactorResult> {
  const user = await findSecondFactorUser(proof.userId);
  if (!user || !user.active || user.sessionVersion !== proof.sessionVersion || !user.totpSecret || !user.totpEnabledAt) {
    return { outcome: 'expired' };
  }
  const checked = await throttledFactorCheck(user.id, address, 'auth.second-factor-failed', () => acceptCode(user, code));
  if (checked.outcome !== 'ok') return checked;
  await completeSignIn(user.id, address);
  return { outcome: 'signed-in', userId: user.id, sessionVersion: user.sessionVersion };
}

/**
 * A check of something only the user should know (a code, their password), through the same throttle
 * as the sign-in code: after a few failures each further attempt waits, and a refused attempt is not
 * even checked.
 */
export async function throttledFactorCheck(
  userId: string,
  address: string | null,
  failedAction: string,
  check: () => Promise<boolean>,
): Promise<{ outcome: 'ok' } | { outcome: 'invalid' } | Throttled> {
  const keys = factorKeys(userId, address);
  const wait = await throttleWait(keys);
  if (wait > 0) return { outcome: 'throttled', retryAfterSeconds: wait };
  if (!(await check())) {
    await fail(keys, { action: failedAction, entityId: userId }, address);
    return { outcome: 'invalid' };
  }
  await clearFailures([keys[0]!.key]);
  return { outcome: 'ok' };
}

/** Whether `password` is the signed-in user's password (for re-authentication; no throttle here). */
export async function isUsersPassword(userId: string, password: string): Promise<boolean> {
  const hash = await findPasswordHash(userId);
  return verifyPassword(hash ?? (await unknownAccountHash()), password).then((ok) => ok && hash !== null);
}
