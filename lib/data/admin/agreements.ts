import 'server-only';
import { appendAudit } from '../../audit/write.ts';
import { authorizeUser } from '../../auth/authorize.ts';
import { NotFoundError, RuleViolation } from '../../auth/errors.ts';
import type { Viewer } from '../../auth/session.ts';
import type { Tx } from '../../db-client.ts';
import { getDb } from '../../db.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { AgreementInput, AgreementUpdateInput } from '../../validation/agreement.ts';
import { lockAgreement, recomputeScores } from '../scores.ts';
import { updateVersioned } from '../versioned.ts';
import { assertLiveParties, assertLiveSectors, isoDay, withUniqueRule } from './shared.ts';

/** The agreement as its edit form shows it; also what a conflict reports as stored now. */
export async function agreementFormView(tx: Tx, id: string) {
  const row = await tx.agreement.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      signedOn: true,
      effectiveOn: true,
      expiresOn: true,
      summary: true,
      parties: { select: { partyId: true, role: true }, orderBy: [{ role: 'asc' }, { partyId: 'asc' }] },
      sectors: { select: { sectorId: true }, orderBy: { sectorId: 'asc' } },
      sourceDocuments: { select: { title: true, url: true, kind: true, publishedOn: true }, orderBy: { position: 'asc' } },
    },
  });
  if (!row) return null;
  const { sectors, sourceDocuments, ...fields } = row;
  return {
    ...fields,
    signedOn: isoDay(row.signedOn),
    effectiveOn: isoDay(row.effectiveOn),
    expiresOn: isoDay(row.expiresOn),
    sectors: sectors.map((link) => link.sectorId),
    documents: sourceDocuments.map((doc) => ({ ...doc, publishedOn: isoDay(doc.publishedOn) })),
  };
}
export type AgreementFormView = NonNullable<Awaited<ReturnType<typeof agreementFormView>>>;

const snapshotSelect = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  status: true,
  signedOn: true,
  effectiveOn: true,
  expiresOn: true,
  summary: true,
  publication: true,
  publishedAt: true,
  archivedAt: true,
  parties: { select: { role: true, party: { select: { slug: true } } } },
  sectors: { select: { sector: { select: { slug: true } } } },
  sourceDocuments: { select: { title: true, url: true, kind: true, publishedOn: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.AgreementSelect;

function toSnapshot({ id: _id, ...row }: Prisma.AgreementGetPayload<{ select: typeof snapshotSelect }>) {
  return {
    ...row,
    signedOn: isoDay(row.signedOn) || null,
    effectiveOn: isoDay(row.effectiveOn) || null,
    expiresOn: isoDay(row.expiresOn) || null,
    parties: row.parties.map((link) => `${link.party.slug} (${link.role})`).sort(),
    sectors: row.sectors.map((link) => link.sector.slug).sort(),
    sourceDocuments: row.sourceDocuments.map((doc) => ({ ...doc, publishedOn: isoDay(doc.publishedOn) || null })),
  };
}
export type AgreementSnapshot = ReturnType<typeof toSnapshot>;

/** What the audit trail records of an agreement: readable (slugs, not ids) and complete. */
export async function agreementSnapshot(tx: Tx, id: string): Promise<AgreementSnapshot | null> {
  const row = await tx.agreement.findUnique({ where: { id }, select: snapshotSelect });
  return row ? toSnapshot(row) : null;
}

/** `agreementSnapshot` of many agreements in one query, by id (bulk imports). */
export async function agreementSnapshots(tx: Tx, ids: readonly string[]): Promise<Map<string, AgreementSnapshot>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.agreement.findMany({ where: { id: { in: [...ids] } }, select: snapshotSelect });
  return new Map(rows.map((row) => [row.id, toSnapshot(row)]));
}

/** Whether another live agreement uses `slug` (archived ones have given theirs up). */
export async function slugTaken(tx: Tx, slug: string, exceptId?: string): Promise<boolean> {
  const other = await tx.agreement.findFirst({
    where: { slug, archivedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return other !== null;
}

async function assertSlugFree(tx: Tx, slug: string, exceptId?: string) {
  if (await slugTaken(tx, slug, exceptId)) throw new RuleViolation('slugTaken', 'slug');
}

function scalarFields(input: AgreementInput) {
  return {
    slug: input.slug,
    title: input.title,
    kind: input.kind,
    status: input.status,
    signedOn: input.signedOn,
    effectiveOn: input.effectiveOn,
    expiresOn: input.expiresOn,
    summary: input.summary,
  };
}

/** A party listed twice with the same role is linked once. */
export function uniqueParties(input: AgreementInput) {
  return [...new Map(input.parties.map((row) => [`${row.partyId}:${row.role}`, row])).values()];
}

async function checkLinks(tx: Tx, input: AgreementInput) {
  await assertLiveParties(
    tx,
    input.parties.map((row) => row.partyId),
    'parties',
  );
  await assertLiveSectors(tx, input.sectors, 'sectors');
}

/** Replaces the agreement's parties, sectors and sources with the submitted ones. */
async function writeLinks(tx: Tx, agreementId: string, input: AgreementInput) {
  await tx.agreementParty.deleteMany({ where: { agreementId } });
  await tx.agreementSector.deleteMany({ where: { agreementId } });
  await tx.sourceDocument.deleteMany({ where: { agreementId } });
  await tx.agreementParty.createMany({ data: uniqueParties(input).map((row) => ({ agreementId, ...row })) });
  await tx.agreementSector.createMany({ data: input.sectors.map((sectorId) => ({ agreementId, sectorId })) });
  await tx.sourceDocument.createMany({ data: input.documents.map((doc, position) => ({ agreementId, ...doc, position })) });
}

export async function createAgreement(viewer: Viewer, input: AgreementInput): Promise<{ id: string }> {
  return writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'agreement:manage', {}, tx);
    await assertSlugFree(tx, input.slug);
    await checkLinks(tx, input);
    const { id } = await withUniqueRule('slugTaken', 'slug', () =>
      tx.agreement.create({ data: scalarFields(input), select: { id: true } }),
    );
    await writeLinks(tx, id, input);
    await lockAgreement(tx, id);
    await recomputeScores(tx, [id]);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'agreement.create',
      entityType: 'agreement',
      entityId: id,
      after: await agreementSnapshot(tx, id),
    });
    return { id };
  });
}

export async function updateAgreement(viewer: Viewer, input: AgreementUpdateInput): Promise<void> {
  await writeTransaction(async (tx) => {
    const admin = await authorizeUser(viewer, 'agreement:manage', {}, tx);
    await lockAgreement(tx, input.id);
    const before = await agreementSnapshot(tx, input.id);
    if (!before) throw new NotFoundError('agreement');
    if (before.archivedAt) throw new RuleViolation('archived');
    await assertSlugFree(tx, input.slug, input.id);
    await checkLinks(tx, input);
    await withUniqueRule('slugTaken', 'slug', () =>
      updateVersioned({
        updateMany: (args) => tx.agreement.updateMany(args),
        load: () => agreementFormView(tx, input.id),
        id: input.id,
        version: input.version,
        data: scalarFields(input),
      }),
    );
    await writeLinks(tx, input.id, input);
    await recomputeScores(tx, [input.id]);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'agreement.update',
      entityType: 'agreement',
      entityId: input.id,
      before,
      after: await agreementSnapshot(tx, input.id),
    });
  });
}

export async function listAgreementsForAdmin(viewer: Viewer, archived: boolean) {
  await authorizeUser(viewer, 'agreement:manage');
  return getDb().agreement.findMany({
    where: { archivedAt: archived ? { not: null } : null },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publication: true,
      score: true,
      _count: { select: { milestones: { where: { archivedAt: null } } } },
    },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
  });
}

/** Everything the agreement's admin page shows besides its form. */
export async function getAgreementForAdmin(viewer: Viewer, id: string) {
  await authorizeUser(viewer, 'agreement:manage');
  const db = getDb();
  const [form, agreement] = await Promise.all([
    agreementFormView(db, id),
    db.agreement.findUnique({
      where: { id },
      select: {
        id: true,
        slug: true,
        title: true,
        version: true,
        publication: true,
        publishedAt: true,
        archivedAt: true,
        score: true,
        milestones: {
          select: { id: true, title: true, kind: true, weight: true, version: true, archivedAt: true, score: true },
          orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
        },
        assignments: { select: { user: { select: { id: true, name: true, email: true, active: true } } }, orderBy: { createdAt: 'asc' } },
      },
    }),
  ]);
  if (!form || !agreement) return null;
  return { form, agreement };
}
