import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { NotFoundError, RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import type { Tx } from '../../db-client.ts';
import { getDb } from '../../db.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { UserCreateInput, UserUpdateInput } from '../../validation/user.ts';
import { normaliseEmail } from '../auth.ts';
import { issuePasswordToken } from '../password-tokens.ts';
import { updateVersioned } from '../versioned.ts';
import { assertLiveParties, withUniqueRule } from './shared.ts';

const userFields = { id: true, version: true, name: true, email: true, role: true, partyId: true, active: true } as const;

/** The user as the edit form shows it; never any secret. Also what a conflict reports. */
export async function userFormView(tx: Tx, id: string) {
  const row = await tx.user.findUnique({ where: { id }, select: userFields });
  return row && { ...row, partyId: row.partyId ?? '' };
}

async function snapshot(tx: Tx, id: string) {
  return tx.user
    .findUnique({ where: { id }, select: { email: true, name: true, role: true, active: true, party: { select: { slug: true } } } })
    .then((row) => row && { email: row.email, name: row.name, role: row.role, active: row.active, side: row.party?.slug ?? null });
}

/**
 * The last-admin rule: locks the active admins (so two admins cannot demote each other at once)
 * and refuses a change that would leave none. Pass whether the change keeps `userId` an active admin.
 */
export async function assertAdminRemains(tx: Tx, userId: string, staysActiveAdmin: boolean) {
  const admins = await tx.$queryRaw<{ id: string }[]>`select id::text as id from app_user where role = 'ADMIN' and active for update`;
  if (!staysActiveAdmin && admins.some((admin) => admin.id === userId) && admins.length <= 1) throw new RuleViolation('lastAdmin');
}

async function assertEmailFree(tx: Tx, email: string, exceptId?: string) {
  const other = await tx.user.findFirst({ where: { email, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (other) throw new RuleViolation('emailTaken', 'email');
}

export async function listUsers(viewer: Viewer) {
  await authorizeUser(viewer, 'user:manage');
  return getDb().user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      totpEnabledAt: true,
      lastSignInAt: true,
      party: { select: { name: true, shortName: true } },
    },
    orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
  });
}

export async function getUserForAdmin(viewer: Viewer, id: string) {
  await authorizeUser(viewer, 'user:manage');
  const db = getDb();
  const [form, details] = await Promise.all([
    userFormView(db, id),
    db.user.findUnique({
      where: { id },
      select: {
        totpEnabledAt: true,
        lastSignInAt: true,
        passwordChangedAt: true,
        createdAt: true,
        // Only whether a password is set; the hash never leaves this function.
        passwordHash: true,
        passwordTokens: {
          where: { usedAt: null, expiresAt: { gt: new Date() } },
          select: { expiresAt: true },
          orderBy: { expiresAt: 'desc' },
          take: 1,
        },
        assignments: {
          select: { agreement: { select: { id: true, title: true, slug: true, archivedAt: true } } },
          orderBy: { createdAt: 'asc' },
        },
      },
    }),
  ]);
  if (!form || !details) return null;
  const { passwordHash, passwordTokens, ...rest } = details;
  return { form, details: { ...rest, hasPassword: passwordHash !== null, openLinkExpiresAt: passwordTokens[0]?.expiresAt ?? null } };
}

/** Creates the account without a password and returns its one-time set-password link's token. */
export async function createUser(viewer: Viewer, input: UserCreateInput): Promise<{ id: string; token: string; expiresAt: Date }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'user:manage', {}, tx);
    const email = normaliseEmail(input.email);
    await assertEmailFree(tx, email);
    await assertLiveParties(tx, [input.partyId], 'partyId');
    const { id } = await withUniqueRule('emailTaken', 'email', () =>
      tx.user.create({ data: { name: input.name, email, role: input.role, partyId: input.partyId }, select: { id: true } }),
    );
    const link = await issuePasswordToken(tx, id, admin.id);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { ...(await snapshot(tx, id)), linkExpiresAt: link.expiresAt },
    });
    return { id, ...link };
  });
}

/**
 * Edits name, email, role and side. A role or side change ends the user's sessions (their next
 * request is signed out) and is audited as such, as well as any change of name or email.
 */
export async function updateUser(viewer: Viewer, input: UserUpdateInput): Promise<void> {
  await writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'user:manage', {}, tx);
    const stored = await tx.user.findUnique({ where: { id: input.id }, select: { role: true, partyId: true, active: true } });
    if (!stored) throw new NotFoundError('user');
    await assertAdminRemains(tx, input.id, input.role === 'ADMIN' || !stored.active);
    const email = normaliseEmail(input.email);
    await assertEmailFree(tx, email, input.id);
    await assertLiveParties(tx, [input.partyId], 'partyId');
    const before = await snapshot(tx, input.id);
    const roleChanged = stored.role !== input.role;
    const sideChanged = stored.partyId !== input.partyId;
    await withUniqueRule('emailTaken', 'email', () =>
      updateVersioned({
        updateMany: (args) => tx.user.updateMany(args),
        load: () => userFormView(tx, input.id),
        id: input.id,
        version: input.version,
        data: {
          name: input.name,
          email,
          role: input.role,
          partyId: input.partyId,
          ...(roleChanged || sideChanged ? { sessionVersion: { increment: 1 } } : {}),
        },
      }),
    );
    const after = await snapshot(tx, input.id);
    const event = { actorId: admin.id, entityType: 'user', entityId: input.id };
    if (before!.name !== after!.name || before!.email !== after!.email) {
      await appendAudit(tx, {
        ...event,
        action: 'user.update',
        before: { name: before!.name, email: before!.email },
        after: { name: after!.name, email: after!.email },
      });
    }
    if (roleChanged)
      await appendAudit(tx, { ...event, action: 'user.role-change', before: { role: before!.role }, after: { role: after!.role } });
    if (sideChanged)
      await appendAudit(tx, { ...event, action: 'user.side-change', before: { side: before!.side }, after: { side: after!.side } });
  });
}
