import 'server-only';
import { appendAudit, type AuditInput } from '../audit/write.ts';
import { afterFailure, isLocked, type ThrottleRule } from '../auth/throttle.ts';
import { getDb } from '../db.ts';
import type { UserRole } from '../generated/prisma/client.ts';
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

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  partyId: string | null;
  active: boolean;
  sessionVersion: number;
  totpEnabledAt: Date | null;
}

/** The user behind a session, re-read on every signed-in request: one plain statement, the cheapest Prisma runs. */
export async function findSessionUser(id: string): Promise<SessionUser | null> {
  const [user] = await getDb().$queryRaw<SessionUser[]>`
    select id, email, name, role::text as role, party_id as "partyId", active, session_version as "sessionVersion", totp_enabled_at as "totpEnabledAt"
    from app_user where id = ${id}::uuid`;
  return user ?? null;
}

export async function isAnyKeyLocked(keys: string[], now = new Date()): Promise<boolean> {
  const rows = await getDb().authThrottle.findMany({ where: { key: { in: keys } } });
  return rows.some((row) => isLocked(row, now));
}

/**
 * Counts one failure against `key` atomically (the row is locked for the update) and returns whether
 * this failure locked it.
 */
export async function recordFailure(key: string, rule: ThrottleRule, now = new Date()): Promise<boolean> {
  return writeTransaction(async (tx) => {
    await tx.$executeRaw`insert into auth_throttle (key, failures, window_start) values (${key}, 0, ${now}) on conflict (key) do nothing`;
    const [current] = await tx.$queryRaw<{ failures: number; window_start: Date; locked_until: Date | null }[]>`
      select failures, window_start, locked_until from auth_throttle where key = ${key} for update`;
    const previous =
      current && current.failures > 0
        ? { failures: current.failures, windowStart: current.window_start, lockedUntil: current.locked_until }
        : null;
    const next = afterFailure(previous, now, rule);
    await tx.authThrottle.update({ where: { key }, data: next });
    return isLocked(next, now) && !isLocked(previous, now);
  });
}

export async function clearFailures(key: string) {
  await getDb().authThrottle.deleteMany({ where: { key } });
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
