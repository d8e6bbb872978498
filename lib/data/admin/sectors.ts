import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { NotFoundError, RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import type { Tx } from '../../db-client.ts';
import { getDb } from '../../db.ts';
import { lockAgreements } from '../scores.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { MergeInput, SectorInput, SectorUpdateInput } from '../../validation/taxonomy.ts';
import { updateVersioned } from '../versioned.ts';
import { withUniqueRule } from './shared.ts';

const sectorFields = { id: true, version: true, slug: true, name: true, description: true, archivedAt: true, mergedIntoId: true } as const;

export async function sectorFormView(tx: Tx, id: string) {
  const row = await tx.sector.findUnique({ where: { id }, select: sectorFields });
  return row && { ...row, archivedAt: row.archivedAt?.toISOString() ?? null };
}

async function snapshot(tx: Tx, id: string) {
  return tx.sector.findUnique({ where: { id }, select: { ...sectorFields, id: false, version: false } });
}

async function assertSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const other = await tx.sector.findFirst({
    where: { slug, archivedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other) throw new RuleViolation('slugTaken', 'slug');
}

async function agreementsIn(tx: Tx, sectorId: string): Promise<string[]> {
  const rows = await tx.agreementSector.findMany({ where: { sectorId }, select: { agreementId: true } });
  return rows.map((row) => row.agreementId);
}

export async function listSectors(viewer: Viewer) {
  await authorizeUser(viewer, 'sector:manage');
  return getDb().sector.findMany({
    where: { archivedAt: null },
    select: { id: true, slug: true, name: true, _count: { select: { agreements: true } } },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
}

export async function sectorOptions(viewer: Viewer) {
  await authorizeUser(viewer, 'admin:view');
  const rows = await getDb().sector.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
  return rows.map((row) => ({ value: row.id, label: row.name }));
}

export async function getSector(viewer: Viewer, id: string) {
  await authorizeUser(viewer, 'sector:manage');
  return sectorFormView(getDb(), id);
}

export async function createSector(viewer: Viewer, input: SectorInput): Promise<{ id: string }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'sector:manage', {}, tx);
    await assertSlugFree(tx, input.slug);
    const last = await tx.sector.aggregate({ _max: { position: true } });
    const { id } = await withUniqueRule('slugTaken', 'slug', () =>
      tx.sector.create({ data: { ...input, position: (last._max.position ?? -1) + 1 }, select: { id: true } }),
    );
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'sector.create',
      entityType: 'sector',
      entityId: id,
      after: await snapshot(tx, id),
    });
    return { id };
  });
}

export async function updateSector(viewer: Viewer, input: SectorUpdateInput): Promise<{ agreementIds: string[] }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'sector:manage', {}, tx);
    const { id, version, ...fields } = input;
    const before = await snapshot(tx, id);
    if (!before) throw new NotFoundError('sector');
    if (before.archivedAt) throw new RuleViolation('archived');
    await assertSlugFree(tx, fields.slug, id);
    await withUniqueRule('slugTaken', 'slug', () =>
      updateVersioned({ updateMany: (args) => tx.sector.updateMany(args), load: () => sectorFormView(tx, id), id, version, data: fields }),
    );
    const agreementIds = await agreementsIn(tx, id);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'sector.update',
      entityType: 'sector',
      entityId: id,
      before,
      after: await snapshot(tx, id),
    });
    return { agreementIds };
  });
}

/** Moves the duplicate's agreements to the survivor (skipping ones already there) and archives it. */
export async function mergeSector(viewer: Viewer, input: MergeInput): Promise<{ agreementIds: string[] }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'sector:manage', {}, tx);
    const merged = await snapshot(tx, input.id);
    const survivor = await snapshot(tx, input.survivorId);
    if (!merged) throw new NotFoundError('sector');
    if (merged.archivedAt) throw new RuleViolation('archived');
    if (!survivor || survivor.archivedAt) throw new RuleViolation('invalidChoice', 'survivorId');
    const agreementIds = await agreementsIn(tx, input.id);
    // Their links change: agreements are locked before anything else (lib/data/write-transaction.ts).
    await lockAgreements(tx, agreementIds);
    await updateVersioned({
      updateMany: (args) => tx.sector.updateMany(args),
      load: () => sectorFormView(tx, input.id),
      id: input.id,
      version: input.version,
      data: { archivedAt: new Date(), mergedIntoId: input.survivorId },
    });
    await tx.$executeRaw`
      insert into agreement_sector (agreement_id, sector_id)
      select agreement_id, ${input.survivorId}::uuid from agreement_sector where sector_id = ${input.id}::uuid
      on conflict do nothing`;
    const links = await tx.$executeRaw`delete from agreement_sector where sector_id = ${input.id}::uuid`;
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'sector.merge',
      entityType: 'sector',
      entityId: input.id,
      before: merged,
      after: { ...(await snapshot(tx, input.id)), survivor: survivor.slug, moved: { agreementLinks: links } },
    });
    return { agreementIds };
  });
}
