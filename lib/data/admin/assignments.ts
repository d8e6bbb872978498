import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import { getDb } from '../../db.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { AssignmentInput } from '../../validation/user.ts';

// Assignments are a set: adding one twice or removing a missing one changes nothing, so they need
// no version check. They are audited on the agreement, whose history then shows who reports on it.

export async function assignAnalyst(viewer: Viewer, input: AssignmentInput): Promise<void> {
  await writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'assignment:manage', { agreementId: input.agreementId }, tx);
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, active: true, email: true } });
    const agreement = await tx.agreement.findUnique({ where: { id: input.agreementId }, select: { archivedAt: true } });
    if (!user || user.role !== 'ANALYST' || !user.active) throw new RuleViolation('invalidChoice', 'userId');
    if (!agreement || agreement.archivedAt) throw new RuleViolation('invalidChoice', 'agreementId');
    const { count } = await tx.assignment.createMany({ data: [{ ...input, createdById: admin.id }], skipDuplicates: true });
    if (count === 0) return;
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'assignment.add',
      entityType: 'agreement',
      entityId: input.agreementId,
      after: { analyst: user.email, userId: input.userId },
    });
  });
}

export async function unassignAnalyst(viewer: Viewer, input: AssignmentInput): Promise<void> {
  await writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'assignment:manage', { agreementId: input.agreementId }, tx);
    const { count } = await tx.assignment.deleteMany({ where: input });
    if (count === 0) return;
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'assignment.remove',
      entityType: 'agreement',
      entityId: input.agreementId,
      before: { analyst: user?.email ?? null, userId: input.userId },
    });
  });
}

/** Active analysts, for choosing whom to assign. */
export async function analystOptions(viewer: Viewer) {
  await authorizeUser(viewer, 'assignment:manage');
  const rows = await getDb().user.findMany({
    where: { role: 'ANALYST', active: true },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({ value: row.id, label: `${row.name} (${row.email})` }));
}

/** Live agreements, for choosing what to assign an analyst to. */
export async function agreementOptions(viewer: Viewer) {
  await authorizeUser(viewer, 'assignment:manage');
  const rows = await getDb().agreement.findMany({
    where: { archivedAt: null },
    select: { id: true, title: true },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({ value: row.id, label: row.title }));
}
