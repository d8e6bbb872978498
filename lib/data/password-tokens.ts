import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/write.ts';
import { authorize } from '../auth/authorize.ts';
import { RuleViolation } from '../auth/errors.ts';
import { hashPassword } from '../auth/password-hash.ts';
import type { Viewer } from '../auth/session.ts';
import type { Tx } from '../db-client.ts';
import { getDb } from '../db.ts';
import { writeTransaction } from './write-transaction.ts';

/** How long a set-password link works. */
export const PASSWORD_LINK_HOURS = 48;

/** Only this hash is stored; the token itself exists in the link the admin is shown once. */
export function hashPasswordToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues a one-time set-password link for `userId`, revoking the user's earlier unused links, and
 * returns the token. Call inside the transaction that creates the user or resets the password.
 */
export async function issuePasswordToken(
  tx: Tx,
  userId: string,
  issuerId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await tx.passwordToken.create({ data: { userId, tokenHash: hashPasswordToken(token), expiresAt, createdById: issuerId } });
  return { token, expiresAt };
}

async function usableToken(tx: Tx, token: string, now: Date) {
  const row = await tx.passwordToken.findUnique({
    where: { tokenHash: hashPasswordToken(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { email: true, active: true } } },
  });
  return row && !row.usedAt && row.expiresAt > now && row.user.active ? row : null;
}

/** For the set-password page: whose link this is, or null when it is unknown, used or expired. */
export async function findPasswordLink(viewer: Viewer, token: string, now = new Date()) {
  await authorize(viewer, 'account:set-password');
  const row = await usableToken(getDb(), token, now);
  return row && { email: row.user.email, expiresAt: row.expiresAt };
}

/**
 * Sets the password of the link's user and uses the link up. The token is the credential here, so
 * anyone holding a valid one may use it; every other unused link of the user stops working, and
 * any session the user still had ends.
 */
export async function setPasswordWithToken(viewer: Viewer, token: string, password: string, now = new Date()): Promise<{ email: string }> {
  await authorize(viewer, 'account:set-password');
  // Hashing is deliberately slow: spend it only on a link that works.
  if (!(await usableToken(getDb(), token, now))) throw new RuleViolation('invalidLink');
  const passwordHash = await hashPassword(password);
  return writeTransaction(async (tx) => {
    await authorize(viewer, 'account:set-password', {}, tx);
    // Locks the token row, so two submissions of the same link cannot both succeed.
    await tx.$queryRaw`select id from password_token where token_hash = ${hashPasswordToken(token)} for update`;
    const link = await usableToken(tx, token, now);
    if (!link) throw new RuleViolation('invalidLink');
    await tx.passwordToken.update({ where: { id: link.id }, data: { usedAt: now } });
    await tx.passwordToken.updateMany({ where: { userId: link.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actorId: link.userId,
      action: 'user.password-set',
      entityType: 'user',
      entityId: link.userId,
      after: { via: 'one-time link' },
    });
    return { email: link.user.email };
  });
}
