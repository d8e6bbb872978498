import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { ConflictError, NotFoundError, RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import type { Tx } from '../../db-client.ts';
import { getDb } from '../../db.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { MilestoneInput, MilestoneMoveInput, MilestoneStateInput, MilestoneUpdateInput } from '../../validation/milestone.ts';
import { lockAgreement, recomputeScores } from '../scores.ts';
import { updateVersioned } from '../versioned.ts';
import { assertLiveParties, isoDay } from './shared.ts';

const milestoneFields = {
  id: true,
  agreementId: true,
  version: true,
  title: true,
  description: true,
  clauseRef: true,
  clauseExcerpt: true,
  responsiblePartyId: true,
  dueOn: true,
  weight: true,
  position: true,
  kind: true,
  frequency: true,
  quantityPerPeriod: true,
  unit: true,
  startsOn: true,
  endsOn: true,
  baseline: true,
  target: true,
  archivedAt: true,
} as const;

/** The milestone as its edit form shows it (strings for inputs); also what a conflict reports. */
export async function milestoneFormView(tx: Tx, id: string) {
  const row = await tx.milestone.findUnique({ where: { id }, select: milestoneFields });
  if (!row) return null;
  const number = (value: number | null) => (value === null ? '' : String(value));
  return {
    ...row,
    clauseRef: row.clauseRef ?? '',
    clauseExcerpt: row.clauseExcerpt ?? '',
    responsiblePartyId: row.responsiblePartyId ?? '',
    dueOn: isoDay(row.dueOn),
    weight: String(row.weight),
    frequency: row.frequency ?? '',
    quantityPerPeriod: number(row.quantityPerPeriod),
    unit: row.unit ?? '',
    startsOn: isoDay(row.startsOn),
    endsOn: isoDay(row.endsOn),
    baseline: number(row.baseline),
    target: number(row.target),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}
export type MilestoneFormView = NonNullable<Awaited<ReturnType<typeof milestoneFormView>>>;

const snapshotSelect = {
  ...milestoneFields,
  version: false,
  responsibleParty: { select: { slug: true } },
} as const satisfies Prisma.MilestoneSelect;

function toSnapshot({
  id: _,
  responsibleParty,
  responsiblePartyId: _id,
  ...fields
}: Prisma.MilestoneGetPayload<{ select: typeof snapshotSelect }>) {
  return {
    ...fields,
    responsibleParty: responsibleParty?.slug ?? null,
    dueOn: isoDay(fields.dueOn) || null,
    startsOn: isoDay(fields.startsOn) || null,
    endsOn: isoDay(fields.endsOn) || null,
  };
}
export type MilestoneSnapshot = ReturnType<typeof toSnapshot>;

async function milestoneSnapshot(tx: Tx, id: string): Promise<MilestoneSnapshot | null> {
  const row = await tx.milestone.findUnique({ where: { id }, select: snapshotSelect });
  return row ? toSnapshot(row) : null;
}

/** `milestoneSnapshot` of many milestones in one query, by id (bulk imports). */
export async function milestoneSnapshots(tx: Tx, ids: readonly string[]): Promise<Map<string, MilestoneSnapshot>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.milestone.findMany({ where: { id: { in: [...ids] } }, select: snapshotSelect });
  return new Map(rows.map((row) => [row.id, toSnapshot(row)]));
}

/** Locks the milestone's agreement first (scores are recomputed below), then reads the milestone. */
async function lockMilestone(tx: Tx, id: string) {
  const found = await tx.milestone.findUnique({ where: { id }, select: { agreementId: true } });
  if (!found) throw new NotFoundError('milestone');
  await lockAgreement(tx, found.agreementId);
  return found.agreementId;
}

type Fields = Omit<MilestoneInput, 'agreementId'>;

export async function createMilestone(viewer: Viewer, input: MilestoneInput): Promise<{ id: string; agreementId: string }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'milestone:manage', { agreementId: input.agreementId }, tx);
    await lockAgreement(tx, input.agreementId);
    const agreement = await tx.agreement.findUnique({ where: { id: input.agreementId }, select: { archivedAt: true } });
    if (!agreement) throw new NotFoundError('agreement');
    if (agreement.archivedAt) throw new RuleViolation('archived');
    await assertLiveParties(tx, [input.responsiblePartyId], 'responsiblePartyId');
    const last = await tx.milestone.aggregate({ where: { agreementId: input.agreementId }, _max: { position: true } });
    const { id } = await tx.milestone.create({ data: { ...input, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
    await recomputeScores(tx, [input.agreementId]);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'milestone.create',
      entityType: 'milestone',
      entityId: id,
      after: { agreementId: input.agreementId, ...(await milestoneSnapshot(tx, id)) },
    });
    return { id, agreementId: input.agreementId };
  });
}

/** Runs a versioned change of one milestone, recomputes its agreement and audits before/after. */
async function changeMilestone(
  viewer: Viewer,
  input: { id: string; version: number },
  action: string,
  data: Partial<Fields> & { archivedAt?: Date | null },
) {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'milestone:manage', {}, tx);
    const agreementId = await lockMilestone(tx, input.id);
    if ('responsiblePartyId' in data) await assertLiveParties(tx, [data.responsiblePartyId ?? null], 'responsiblePartyId');
    const before = await milestoneSnapshot(tx, input.id);
    await updateVersioned({
      updateMany: (args) => tx.milestone.updateMany(args),
      load: () => milestoneFormView(tx, input.id),
      id: input.id,
      version: input.version,
      data,
    });
    await recomputeScores(tx, [agreementId]);
    await appendAudit(tx, {
      actorId: admin.id,
      action,
      entityType: 'milestone',
      entityId: input.id,
      before,
      after: await milestoneSnapshot(tx, input.id),
    });
    return { agreementId };
  });
}

export function updateMilestone(viewer: Viewer, input: MilestoneUpdateInput) {
  const { id, version, ...fields } = input;
  return changeMilestone(viewer, { id, version }, 'milestone.update', fields);
}

/** Archived milestones leave the agreement's score and public pages but keep their history. */
export function archiveMilestone(viewer: Viewer, input: MilestoneStateInput) {
  return changeMilestone(viewer, input, 'milestone.archive', { archivedAt: new Date() });
}

export function restoreMilestone(viewer: Viewer, input: MilestoneStateInput) {
  return changeMilestone(viewer, input, 'milestone.restore', { archivedAt: null });
}

/**
 * Swaps a live milestone with its live neighbour. Positions are renumbered 0…n-1 in the process
 * (so ties left by older data cannot make a move do nothing), and every milestone whose position
 * changed gets a new version, so a move made from a stale page is refused as a conflict.
 */
export async function moveMilestone(viewer: Viewer, input: MilestoneMoveInput): Promise<{ agreementId: string }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'milestone:manage', {}, tx);
    const agreementId = await lockMilestone(tx, input.id);
    const siblings = await tx.milestone.findMany({
      where: { agreementId, archivedAt: null },
      select: { id: true, position: true, version: true },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    const index = siblings.findIndex((row) => row.id === input.id);
    if (index === -1) throw new RuleViolation('archived');
    if (siblings[index]!.version !== input.version) throw new ConflictError(await milestoneFormView(tx, input.id));
    const other = input.direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= siblings.length) return { agreementId };
    const order = [...siblings];
    [order[index], order[other]] = [order[other]!, order[index]!];
    for (const [position, row] of order.entries()) {
      if (row.position !== position) await tx.milestone.update({ where: { id: row.id }, data: { position, version: { increment: 1 } } });
    }
    // The public search text lists milestones in order.
    await recomputeScores(tx, [agreementId]);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'milestone.move',
      entityType: 'milestone',
      entityId: input.id,
      before: { position: siblings[index]!.position },
      after: { position: other, direction: input.direction },
    });
    return { agreementId };
  });
}

export async function getMilestoneForAdmin(viewer: Viewer, id: string) {
  await authorizeUser(viewer, 'milestone:manage');
  return milestoneFormView(getDb(), id);
}
