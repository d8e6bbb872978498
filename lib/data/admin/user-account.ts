import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { NotFoundError, RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import type { Tx } from '../../db-client.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { UserStateInput } from '../../validation/user.ts';
import { issuePasswordToken } from '../password-tokens.ts';
import { updateVersioned } from '../versioned.ts';
import { assertAdminRemains, userFormView } from './users.ts';

/**
 * One change to an account that ends its sessions (the session version moves in the same
 * transaction, so the user's next request is signed out), audited with before and after.
 */
async function changeAccount<T>(
  viewer: Viewer,
  input: UserStateInput,
  action: string,
  change: (
    tx: Tx,
    adminId: string,
    stored: { role: string; active: boolean },
  ) => Promise<{ data: Record<string, unknown>; before: unknown; after: unknown; result: T }>,
): Promise<T> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'user:manage', {}, tx);
    const stored = await tx.user.findUnique({ where: { id: input.id }, select: { role: true, active: true } });
    if (!stored) throw new NotFoundError('user');
    const { data, before, after, result } = await change(tx, admin.id, stored);
    await updateVersioned({
      updateMany: (args) => tx.user.updateMany(args),
      load: () => userFormView(tx, input.id),
      id: input.id,
      version: input.version,
      data: { ...data, sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, { actorId: admin.id, action, entityType: 'user', entityId: input.id, before, after });
    return result;
  });
}

export function deactivateUser(viewer: Viewer, input: UserStateInput) {
  return changeAccount(viewer, input, 'user.deactivate', async (tx, _admin, stored) => {
    if (!stored.active) throw new RuleViolation('alreadyInactive');
    await assertAdminRemains(tx, input.id, false);
    return { data: { active: false }, before: { active: true }, after: { active: false }, result: undefined };
  });
}

export function reactivateUser(viewer: Viewer, input: UserStateInput) {
  return changeAccount(viewer, input, 'user.reactivate', async (_tx, _admin, stored) => {
    if (stored.active) throw new RuleViolation('alreadyActive');
    return { data: { active: true }, before: { active: false }, after: { active: true }, result: undefined };
  });
}

/** Clears the password at once (it stops working now) and issues a new one-time link. */
export function resetPassword(viewer: Viewer, input: UserStateInput) {
  return changeAccount(viewer, input, 'user.password-reset', async (tx, adminId) => {
    const link = await issuePasswordToken(tx, input.id, adminId);
    return { data: { passwordHash: null }, before: null, after: { passwordCleared: true, linkExpiresAt: link.expiresAt }, result: link };
  });
}

/** The user sets up two-factor authentication again (admins must, at their next sign-in). */
export function resetTwoFactor(viewer: Viewer, input: UserStateInput) {
  return changeAccount(viewer, input, 'user.two-factor-reset', async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { totpEnabledAt: true } });
    await tx.recoveryCode.deleteMany({ where: { userId: input.id } });
    return {
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
      before: { twoFactorEnabledAt: user.totpEnabledAt },
      after: { twoFactorEnabledAt: null },
      result: undefined,
    };
  });
}
