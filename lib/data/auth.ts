import 'server-only';
import { appendAudit, type AuditInput } from '../audit/write.ts';
import { afterFailure, THROTTLE_RULES, waitSeconds, type ThrottleRuleName, type ThrottleState } from '../auth/throttle.ts';
import { getDb } from '../db.ts';
import { writeTransaction } from './write-transaction.ts';

/** Trimmed, NFC-normalised, lower-cased: the form every email is stored and looked up in. */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

export async function findSignInUser(email: string) {
  return getDb().user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, role: true, active: true, sessionVersion: true, passwordHash: true, totpEnabledAt: true },
  });
}

export async function findSecondFactorUser(id: string) {
  return getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, active: true, sessionVersion: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
}

/** A user as a viewer needs them, by id (lib/auth/session.ts `viewerForUser`). */
export async function findUserForLanding(id: string) {
  return getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, partyId: true, active: true, sessionVersion: true, totpEnabledAt: true },
  });
}

/** The password hash of a signed-in user, for re-authentication before a change of factors. */
export async function findPasswordHash(id: string): Promise<string | null> {
  const user = await getDb().user.findUnique({ where: { id }, select: { passwordHash: true } });
  return user?.passwordHash ?? null;
}

export interface ThrottleKey {
  key: string;
  rule: ThrottleRuleName;
}

/** Seconds until every key is heard again (0: now). */
export async function throttleWait(keys: readonly ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await getDb().authThrottle.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  return Math.max(0, ...rows.map((row) => waitSeconds(row, now)));
}

/**
 * Counts one failure against each key, atomically (each row is locked for its update), and returns
 * the keys this failure made wait.
 */
export async function recordFailures(keys: readonly ThrottleKey[], now = new Date()): Promise<ThrottleKey[]> {
  // Keys every rule has forgotten are dead weight.
  const forgotten = Math.max(...Object.values(THROTTLE_RULES).map((rule) => rule.forgetAfterSeconds));
  await getDb().authThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - forgotten * 1000) } } });
  const waiting: ThrottleKey[] = [];
  for (const entry of keys) {
    const started = await writeTransaction(async (tx) => {
      const [current] = await tx.$queryRaw<ThrottleState[]>`
        select failures, last_failure_at as "lastFailureAt", retry_after as "retryAfter" from auth_throttle where key = ${entry.key} for update`;
      const next = afterFailure(current ?? null, now, THROTTLE_RULES[entry.rule]);
      await tx.authThrottle.upsert({ where: { key: entry.key }, create: { key: entry.key, ...next }, update: next });
      return next.retryAfter !== null;
    });
    if (started) waiting.push(entry);
  }
  return waiting;
}

export async function clearFailures(keys: readonly string[]) {
  await getDb().authThrottle.deleteMany({ where: { key: { in: [...keys] } } });
}

export async function recordAuthEvent(input: AuditInput) {
  await writeTransaction((tx) => appendAudit(tx, input));
}

export async function completeSignIn(userId: string, address: string | null, newPasswordHash?: string) {
  await writeTransaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { lastSignInAt: new Date(), ...(newPasswordHash ? { passwordHash: newPasswordHash } : {}) },
    });
    await appendAudit(tx, {
      actorId: userId,
      action: 'auth.sign-in',
      entityType: 'user',
      entityId: userId,
      after: newPasswordHash ? { passwordRehashed: true } : null,
      ip: address,
    });
  });
}

/** Accepts a TOTP step only if it is newer than the last one accepted (a code works once). */
export async function acceptTotpStep(userId: string, step: number): Promise<boolean> {
  const updated = await getDb().$executeRaw`
    update app_user set totp_last_step = ${step}
    where id = ${userId}::uuid and (totp_last_step is null or totp_last_step < ${step})`;
  return updated === 1;
}

/** Marks a recovery code used; false when no unused code has this hash. */
export async function consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
  const { count } = await getDb().recoveryCode.updateMany({
    where: { userId, codeHash, usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
