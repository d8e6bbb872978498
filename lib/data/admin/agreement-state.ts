import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { NotFoundError, RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import type { Tx } from '../../db-client.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { AgreementStateInput } from '../../validation/agreement.ts';
import { lockAgreement } from '../scores.ts';
import { updateVersioned } from '../versioned.ts';
import { agreementSnapshot, slugTaken } from './agreements.ts';
import { withUniqueRule } from './shared.ts';

type StateChange = 'publish' | 'unpublish' | 'archive' | 'restore';

async function stateView(tx: Tx, id: string) {
  return tx.agreement.findUnique({ where: { id }, select: { id: true, version: true, slug: true, publication: true, archivedAt: true } });
}

function dataFor(change: StateChange, now: Date) {
  switch (change) {
    case 'publish':
      return { publication: 'PUBLISHED' as const, publishedAt: now };
    case 'unpublish':
      return { publication: 'DRAFT' as const, publishedAt: null };
    case 'archive':
      return { archivedAt: now };
    case 'restore':
      return { archivedAt: null };
  }
}

/**
 * Publishing and archiving change only what the public sees: scores stay as they are. Archived
 * agreements keep their history and give up their slug; restoring one needs the slug back.
 */
export async function changeAgreementState(viewer: Viewer, input: AgreementStateInput, change: StateChange): Promise<void> {
  await writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'agreement:manage', {}, tx);
    await lockAgreement(tx, input.id);
    const current = await stateView(tx, input.id);
    if (!current) throw new NotFoundError('agreement');
    if (current.archivedAt && (change === 'publish' || change === 'unpublish')) throw new RuleViolation('archived');
    if (change === 'restore' && (await slugTaken(tx, current.slug, input.id))) throw new RuleViolation('slugInUse');
    const before = await agreementSnapshot(tx, input.id);
    await withUniqueRule('slugInUse', undefined, () =>
      updateVersioned({
        updateMany: (args) => tx.agreement.updateMany(args),
        load: () => stateView(tx, input.id),
        id: input.id,
        version: input.version,
        data: dataFor(change, new Date()),
      }),
    );
    await appendAudit(tx, {
      actorId: admin.id,
      action: `agreement.${change}`,
      entityType: 'agreement',
      entityId: input.id,
      before,
      after: await agreementSnapshot(tx, input.id),
    });
  });
}
