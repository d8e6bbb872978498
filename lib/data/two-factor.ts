import 'server-only';
import { appendAudit } from '../audit/write.ts';
import { isUsersPassword, throttledFactorCheck } from '../auth/authenticate.ts';
import { authorizeUser } from '../auth/authorize.ts';
import type { SignedInViewer, Viewer } from '../auth/session.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp } from '../auth/totp.ts';
import { getDb } from '../db.ts';
import { endOtherSessions } from './sessions.ts';
import { writeTransaction } from './write-transaction.ts';

export class TwoFactorError extends Error {
  constructor(
    readonly reason: 'invalid-proof' | 'throttled' | 'not-enrolling' | 'required-for-admins',
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
  }
}

/** What a change of factors asks for: the password again, and a code. */
export interface FactorProof {
  password: string;
  code: string;
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

/**
 * Checks the password and a code from the secret (the pending one while enrolling, else the active
 * one) through the factor throttle, and returns the code's time step. Both are checked together, so a
 * refusal does not say which was wrong.
 */
async function proveFactors(user: SignedInViewer, proof: FactorProof, enrolled: boolean, address: string | null): Promise<number> {
  const record = await getDb().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!record.totpSecret || (enrolled ? !record.totpEnabledAt : record.totpEnabledAt)) throw new TwoFactorError('not-enrolling');
  let step: number | null = null;
  const checked = await throttledFactorCheck(user.id, address, 'auth.factor-check-failed', async () => {
    const passwordOk = await isUsersPassword(user.id, proof.password);
    step = await verifyTotp(
      record.totpSecret!,
      proof.code.replace(/\s/g, ''),
      record.totpLastStep === null ? null : Number(record.totpLastStep),
    );
    return passwordOk && step !== null;
  });
  if (checked.outcome === 'throttled') throw new TwoFactorError('throttled', checked.retryAfterSeconds);
  if (checked.outcome === 'invalid' || step === null) throw new TwoFactorError('invalid-proof');
  return step;
}

/**
 * Activates the pending secret and returns fresh recovery codes (shown once, stored hashed). Every
 * other session of the user ends: whoever else was signed in did not prove the new factor.
 */
export async function confirmEnrolment(viewer: Viewer, proof: FactorProof, address: string | null): Promise<string[]> {
  const user = await authorizeUser(viewer, 'account:two-factor');
  const step = await proveFactors(user, proof, false, address);
  const codes = newRecoveryCodes();
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date(), totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    const ended = await endOtherSessions(tx, user);
    await appendAudit(tx, {
      actorId: user.id,
      action: 'auth.two-factor-enabled',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsEnded: ended },
      ip: address,
    });
  });
  return codes;
}

export async function regenerateRecoveryCodes(viewer: Viewer, proof: FactorProof, address: string | null): Promise<string[]> {
  const user = await authorizeUser(viewer, 'account:two-factor');
  const step = await proveFactors(user, proof, true, address);
  const codes = newRecoveryCodes();
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpLastStep: step } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    const ended = await endOtherSessions(tx, user);
    await appendAudit(tx, {
      actorId: user.id,
      action: 'auth.recovery-codes-regenerated',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsEnded: ended },
      ip: address,
    });
  });
  return codes;
}

/** Analysts may turn the second factor off (with their password and a current code); admins may not. */
export async function disableTwoFactor(viewer: Viewer, proof: FactorProof, address: string | null) {
  const user = await authorizeUser(viewer, 'account:two-factor');
  if (user.role === 'ADMIN') throw new TwoFactorError('required-for-admins');
  await proveFactors(user, proof, true, address);
  await writeTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    const ended = await endOtherSessions(tx, user);
    await appendAudit(tx, {
      actorId: user.id,
      action: 'auth.two-factor-disabled',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsEnded: ended },
      ip: address,
    });
  });
}
