import 'server-only';
import {
  acceptTotpStep,
  clearFailures,
  completeSignIn,
  consumeRecoveryCode,
  findSecondFactorUser,
  findSignInUser,
  isAnyKeyLocked,
  normaliseEmail,
  recordAuthEvent,
  recordFailure,
} from '../data/auth.ts';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.ts';
import { THROTTLE_RULES } from './throttle.ts';
import { hashRecoveryCode, verifyTotp } from './totp.ts';

export type PasswordStepResult =
  | { outcome: 'signed-in'; userId: string; sessionVersion: number }
  | { outcome: 'second-factor'; userId: string; sessionVersion: number }
  | { outcome: 'invalid' }
  | { outcome: 'locked' };

let dummyHash: Promise<string> | undefined;

/** Unknown accounts still cost one Argon2 verification, so timing does not reveal which exist. */
function unknownAccountHash() {
  dummyHash ??= hashPassword('ittifaq-no-such-account-placeholder');
  return dummyHash;
}

const accountKey = (email: string) => `account:${normaliseEmail(email)}`;
const addressKey = (address: string | null) => `address:${address ?? 'unknown'}`;

async function fail(
  keys: { account: string; address: string },
  email: string,
  userId: string | null,
  address: string | null,
  reason: string,
) {
  const [accountLocked] = await Promise.all([
    recordFailure(keys.account, THROTTLE_RULES.account),
    recordFailure(keys.address, THROTTLE_RULES.address),
  ]);
  await recordAuthEvent({
    actorId: null,
    action: 'auth.sign-in-failed',
    entityType: 'user',
    entityId: userId ?? 'unknown',
    after: { email: normaliseEmail(email), reason },
    ip: address,
  });
  if (accountLocked) {
    await recordAuthEvent({
      actorId: null,
      action: 'auth.lockout',
      entityType: 'user',
      entityId: userId ?? 'unknown',
      after: { email: normaliseEmail(email) },
      ip: address,
    });
  }
}

/**
 * The password step. Unknown accounts, wrong passwords and deactivated accounts all answer
 * `invalid`, after the same work; a locked account or address answers `locked` even to the right
 * password.
 */
export async function verifyPasswordStep(email: string, password: string, address: string | null): Promise<PasswordStepResult> {
  const keys = { account: accountKey(email), address: addressKey(address) };
  const user = await findSignInUser(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await unknownAccountHash()), password);
  if (await isAnyKeyLocked([keys.account, keys.address])) {
    await recordAuthEvent({
      actorId: null,
      action: 'auth.sign-in-locked',
      entityType: 'user',
      entityId: user?.id ?? 'unknown',
      after: { email: normaliseEmail(email) },
      ip: address,
    });
    return { outcome: 'locked' };
  }
  if (!user || !user.passwordHash || !passwordOk || !user.active) {
    await fail(keys, email, user?.id ?? null, address, !user ? 'unknown-account' : !user.active ? 'deactivated' : 'wrong-password');
    return { outcome: 'invalid' };
  }
  await clearFailures(keys.account);
  if (user.totpEnabledAt) return { outcome: 'second-factor', userId: user.id, sessionVersion: user.sessionVersion };
  await completeSignIn(user.id, address, needsRehash(user.passwordHash) ? await hashPassword(password) : undefined);
  return { outcome: 'signed-in', userId: user.id, sessionVersion: user.sessionVersion };
}

export type SecondFactorResult =
  | { outcome: 'signed-in'; userId: string; sessionVersion: number }
  | { outcome: 'invalid' }
  | { outcome: 'locked' }
  | { outcome: 'expired' };

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
  const key = `second-factor:${user.id}`;
  if (await isAnyKeyLocked([key])) return { outcome: 'locked' };
  const trimmed = code.replace(/\s/g, '');
  let accepted = false;
  if (/^\d{6}$/.test(trimmed)) {
    const step = await verifyTotp(user.totpSecret, trimmed, user.totpLastStep === null ? null : Number(user.totpLastStep));
    accepted = step !== null && (await acceptTotpStep(user.id, step));
  } else {
    accepted = await consumeRecoveryCode(user.id, hashRecoveryCode(trimmed));
  }
  if (!accepted) {
    const lockedNow = await recordFailure(key, THROTTLE_RULES.secondFactor);
    await recordAuthEvent({ actorId: null, action: 'auth.second-factor-failed', entityType: 'user', entityId: user.id, ip: address });
    if (lockedNow)
      await recordAuthEvent({
        actorId: null,
        action: 'auth.lockout',
        entityType: 'user',
        entityId: user.id,
        after: { factor: 'second' },
        ip: address,
      });
    return { outcome: 'invalid' };
  }
  await clearFailures(key);
  await completeSignIn(user.id, address);
  return { outcome: 'signed-in', userId: user.id, sessionVersion: user.sessionVersion };
}
