import 'server-only';
import { appendAudit } from '../audit/write.ts';
import { authorizeUser } from '../auth/authorize.ts';
import { NotFoundError } from '../auth/errors.ts';
import type { Viewer } from '../auth/session.ts';
import { writeTransaction } from './write-transaction.ts';
import { toIsoDate, toIsoDateOrNull } from '../dates.ts';
import { InputError } from '../forms/input-error.ts';
import type { MilestoneDetailsInput } from '../validation/progress.ts';
import { lockAgreement, recomputeScores } from './scores.ts';
import { updateVersioned } from './versioned.ts';

const detailFields = { id: true, agreementId: true, version: true, description: true, dueOn: true, responsiblePartyId: true } as const;

function comparable(row: { version: number; description: string; dueOn: Date | null; responsiblePartyId: string | null }) {
  return {
    version: row.version,
    description: row.description,
    dueOn: toIsoDateOrNull(row.dueOn),
    responsiblePartyId: row.responsiblePartyId,
  };
}

/**
 * What an analyst may change on an assigned agreement's milestone: its description, due date and
 * responsible party. Saved only if nobody saved the milestone since the form was loaded.
 */
export async function editMilestoneDetails(viewer: Viewer, input: MilestoneDetailsInput) {
  return writeTransaction(async (tx) => {
    const before = await tx.milestone.findFirst({
      where: { id: input.milestoneId, archivedAt: null, agreement: { archivedAt: null } },
      select: detailFields,
    });
    if (!before) throw new NotFoundError('milestone');
    const editor = await authorizeUser(viewer, 'milestone:edit-details', { agreementId: before.agreementId }, tx);
    if (input.responsiblePartyId) {
      const party = await tx.party.findFirst({ where: { id: input.responsiblePartyId, archivedAt: null }, select: { id: true } });
      if (!party) throw new InputError({ responsiblePartyId: ['invalidChoice'] });
    }
    await lockAgreement(tx, before.agreementId);
    const data = { description: input.description, dueOn: input.dueOn, responsiblePartyId: input.responsiblePartyId };
    await updateVersioned({
      updateMany: (args) => tx.milestone.updateMany(args),
      load: async () => {
        const current = await tx.milestone.findUnique({ where: { id: before.id }, select: detailFields });
        return current && comparable(current);
      },
      id: before.id,
      version: input.version,
      data,
    });
    // The description is part of the agreement's public search text.
    await recomputeScores(tx, [before.agreementId], { fromMonth: toIsoDate(new Date()) });
    await appendAudit(tx, {
      actorId: editor.id,
      action: 'milestone.edit-details',
      entityType: 'milestone',
      entityId: before.id,
      before: comparable(before),
      after: { ...comparable({ ...before, ...data }), version: before.version + 1 },
    });
    return { agreementId: before.agreementId };
  });
}
