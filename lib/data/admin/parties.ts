import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { NotFoundError, RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import type { Tx } from '../../db-client.ts';
import { getDb } from '../../db.ts';
import { lockAgreements } from '../scores.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { MergeInput, PartyInput, PartyUpdateInput } from '../../validation/taxonomy.ts';
import { updateVersioned } from '../versioned.ts';
import { withUniqueRule } from './shared.ts';

const partyFields = {
  id: true,
  version: true,
  slug: true,
  name: true,
  shortName: true,
  kind: true,
  countryCode: true,
  description: true,
  website: true,
  archivedAt: true,
  mergedIntoId: true,
} as const;

/** The party as its form shows it; also what a conflict reports as stored now. */
export async function partyFormView(tx: Tx, id: string) {
  const row = await tx.party.findUnique({ where: { id }, select: partyFields });
  return row && { ...row, shortName: row.shortName ?? '', website: row.website ?? '', archivedAt: row.archivedAt?.toISOString() ?? null };
}

async function snapshot(tx: Tx, id: string) {
  return tx.party.findUnique({ where: { id }, select: { ...partyFields, id: false, version: false } });
}

async function assertSlugFree(tx: Tx, slug: string, exceptId?: string) {
  const other = await tx.party.findFirst({
    where: { slug, archivedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (other) throw new RuleViolation('slugTaken', 'slug');
}

export async function listParties(viewer: Viewer) {
  await authorizeUser(viewer, 'party:manage');
  return getDb().party.findMany({
    where: { archivedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      kind: true,
      countryCode: true,
      _count: { select: { agreements: true, users: true } },
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

/** Live parties for choosing in other forms (agreement parties, responsible party, a user's side). */
export async function partyOptions(viewer: Viewer) {
  await authorizeUser(viewer, 'admin:view');
  const rows = await getDb().party.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, shortName: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => ({ value: row.id, label: row.shortName ? `${row.name} (${row.shortName})` : row.name }));
}

export async function getParty(viewer: Viewer, id: string) {
  await authorizeUser(viewer, 'party:manage');
  return partyFormView(getDb(), id);
}

export async function createParty(viewer: Viewer, input: PartyInput): Promise<{ id: string }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'party:manage', {}, tx);
    await assertSlugFree(tx, input.slug);
    const { id } = await withUniqueRule('slugTaken', 'slug', () => tx.party.create({ data: input, select: { id: true } }));
    await appendAudit(tx, { actorId: admin.id, action: 'party.create', entityType: 'party', entityId: id, after: await snapshot(tx, id) });
    return { id };
  });
}

/** Returns the agreements whose public pages show this party. */
export async function updateParty(viewer: Viewer, input: PartyUpdateInput): Promise<{ agreementIds: string[] }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'party:manage', {}, tx);
    const { id, version, ...fields } = input;
    const before = await snapshot(tx, id);
    if (!before) throw new NotFoundError('party');
    if (before.archivedAt) throw new RuleViolation('archived');
    await assertSlugFree(tx, fields.slug, id);
    await withUniqueRule('slugTaken', 'slug', () =>
      updateVersioned({ updateMany: (args) => tx.party.updateMany(args), load: () => partyFormView(tx, id), id, version, data: fields }),
    );
    const agreementIds = await agreementsShowing(tx, id);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'party.update',
      entityType: 'party',
      entityId: id,
      before,
      after: await snapshot(tx, id),
    });
    return { agreementIds };
  });
}

async function agreementsShowing(tx: Tx, partyId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select agreement_id::text as id from agreement_party where party_id = ${partyId}::uuid
    union select agreement_id::text from milestone where responsible_party_id = ${partyId}::uuid`;
  return rows.map((row) => row.id);
}

/**
 * Merges a duplicate party into the survivor in one transaction: agreement links move (a link the
 * survivor already has in the same role is dropped), as do responsible milestones, users' sides
 * (their sessions end, as after any side change) and the side progress updates were reported for.
 * The duplicate is archived and points at the survivor.
 */
export async function mergeParty(viewer: Viewer, input: MergeInput): Promise<{ agreementIds: string[] }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'party:manage', {}, tx);
    const merged = await snapshot(tx, input.id);
    const survivor = await snapshot(tx, input.survivorId);
    if (!merged) throw new NotFoundError('party');
    if (merged.archivedAt) throw new RuleViolation('archived');
    if (!survivor || survivor.archivedAt) throw new RuleViolation('invalidChoice', 'survivorId');
    const agreementIds = await agreementsShowing(tx, input.id);
    // The merge rewrites rows of these agreements (links, milestones, progress updates): their locks
    // come before anything else (lib/data/write-transaction.ts).
    const reportedOn = await tx.$queryRaw<{ id: string }[]>`
      select distinct agreement_id::text as id from progress_update where author_side_id = ${input.id}::uuid`;
    await lockAgreements(tx, [...new Set([...agreementIds, ...reportedOn.map((row) => row.id)])]);
    await updateVersioned({
      updateMany: (args) => tx.party.updateMany(args),
      load: () => partyFormView(tx, input.id),
      id: input.id,
      version: input.version,
      data: { archivedAt: new Date(), mergedIntoId: input.survivorId },
    });
    const from = input.id;
    const to = input.survivorId;
    await tx.$executeRaw`
      insert into agreement_party (agreement_id, party_id, role)
      select agreement_id, ${to}::uuid, role from agreement_party where party_id = ${from}::uuid
      on conflict do nothing`;
    const links = await tx.$executeRaw`delete from agreement_party where party_id = ${from}::uuid`;
    const milestones =
      await tx.$executeRaw`update milestone set responsible_party_id = ${to}::uuid where responsible_party_id = ${from}::uuid`;
    const users = await tx.$executeRaw`
      update app_user set party_id = ${to}::uuid, session_version = session_version + 1, version = version + 1
      where party_id = ${from}::uuid`;
    const updates = await tx.$executeRaw`update progress_update set author_side_id = ${to}::uuid where author_side_id = ${from}::uuid`;
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'party.merge',
      entityType: 'party',
      entityId: input.id,
      before: merged,
      after: { ...(await snapshot(tx, input.id)), survivor: survivor.slug, moved: { agreementLinks: links, milestones, users, updates } },
    });
    return { agreementIds };
  });
}
