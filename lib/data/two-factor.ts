import 'server-only';
import { appendAudit } from '../audit/write.ts';
import { authorizeUser } from '../auth/authorize.ts';
import type { Viewer } from '../auth/session.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from '../auth/totp.ts';
import { getDb } from '../db.ts';
import { writeTransaction } from './write-transaction.ts';

export class TwoFactorError extends Error {
  constructor(readonly reason: 'invalid-code' | 'not-enrolling' | 'required-for-admins') {
    super(reason);
  }
}

/** The user's own second-factor state, including a secret being enrolled (shown only to them). */
export async function twoFactorStatus(viewer: Viewer) {
  const user = await authorizeUser(viewer, 'account:two-factor');
  const [record, remaining] = await Promise.all([
    getDb().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { totpEnabledAt: true, totpSecret: true },
    }),
    getDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } }),
  ]);
  return {
    enabledAt: record.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: remaining,
    pendingSecret: record.totpEnabledAt === null ? record.totpSecret : null,
  };
}

/** Stores a new, not yet active secret; it becomes active once a code from it is confirmed. */
export async function beginEnrolment(viewer: Viewer) {
  const user = await authorizeUser(viewer, 'account:two-factor');
  const { count } = await getDb().user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpSecret: newTotpSecret(), totpLastStep: null },
  });
  if (count === 0) throw new TwoFactorError('not-enrolling');
}

async function checkCode(userId: string, code: string, requireEnabled: boolean) {
  const record = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!record.totpSecret || (requireEnabled ? !record.totpEnabledAt : record.totpEnabledAt)) throw new TwoFactorError('not-enrolling');
  const step = await verifyTotp(
    record.totpSecret,
    code.replace(/\s/g, ''),
    record.totpLastStep === null ? null : Number(record.totpLastStep),
  );
  if (step === null) throw new TwoFactorError('invalid-code');
  return step;
}

/** Activates the pending secret and returns fresh recovery codes (shown once, stored hashed). */
export async function confirmEnrolment(viewer: Viewer, code: string): Promise<string[]> {
  const user = await authorizeUser(viewer, 'account:two-factor');
  const step = await checkCode(user.id, code, false);
  const codes = newRecoveryCodes();
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    await appendAudit(tx, { actorId: user.id, action: 'auth.two-factor-enabled', entityType: 'user', entityId: user.id });
  });
  return codes;
}

export async function regenerateRecoveryCodes(viewer: Viewer, code: string): Promise<string[]> {
  const user = await authorizeUser(viewer, 'account:two-factor');
  const step = await checkCode(user.id, code, true);
  const codes = newRecoveryCodes();
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    await appendAudit(tx, { actorId: user.id, action: 'auth.recovery-codes-regenerated', entityType: 'user', entityId: user.id });
  });
  return codes;
}

/** Analysts may turn the second factor off (with a current code); admins may not. */
export async function disableTwoFactor(viewer: Viewer, code: string) {
  const user = await authorizeUser(viewer, 'account:two-factor');
  if (user.role === 'ADMIN') throw new TwoFactorError('required-for-admins');
  await checkCode(user.id, code, true);
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await appendAudit(tx, { actorId: user.id, action: 'auth.two-factor-disabled', entityType: 'user', entityId: user.id });
  });
}
