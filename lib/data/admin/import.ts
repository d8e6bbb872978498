import 'server-only';
import { authorizeUser } from '../../auth/authorize.ts';
import type { Viewer } from '../../auth/session.ts';
import { AGREEMENT_CSV_COLUMNS } from '../../csv/agreements.ts';
import { MILESTONE_CSV_COLUMNS } from '../../csv/milestones.ts';
import { readCsv, type CsvFormat, type CsvReading } from '../../csv/read.ts';
import type { Tx } from '../../db-client.ts';
import { getDb } from '../../db.ts';
import { checkAgreementRows, type AgreementRecord } from '../../import/agreement-rows.ts';
import { checkMilestoneRows, type MilestoneRecord } from '../../import/milestone-rows.ts';
import { filePreview, importDigest } from '../../import/preview.ts';
import type { ExistingMilestone, Lookups, Match } from '../../import/rows.ts';
import type { FilePreview, ImportFileKind, ImportPreview, ImportSummary } from '../../import/types.ts';
import { lockAgreements } from '../scores.ts';
import { writeImport } from './import-write.ts';
import { writeTransaction } from '../write-transaction.ts';

const AGREEMENTS_FORMAT: CsvFormat = {
  columns: AGREEMENT_CSV_COLUMNS,
  other: MILESTONE_CSV_COLUMNS,
  wrongKindKey: 'milestonesInAgreementsSlot',
};
const MILESTONES_FORMAT: CsvFormat = {
  columns: MILESTONE_CSV_COLUMNS,
  other: AGREEMENT_CSV_COLUMNS,
  wrongKindKey: 'agreementsInMilestonesSlot',
};

/** Long enough for the largest files the import is made for (10,000 rows take a few seconds). */
const IMPORT_TIMEOUT_MS = 120_000;

export type ImportTexts = Record<ImportFileKind, string>;

export interface ImportPlan {
  preview: ImportPreview;
  agreements: AgreementRecord[];
  milestones: MilestoneRecord[];
}

async function findAgreements(tx: Tx, slugs: string[]): Promise<Map<string, Match>> {
  const rows = await tx.agreement.findMany({
    where: { slug: { in: slugs }, archivedAt: null },
    select: {
      id: true,
      slug: true,
      version: true,
      title: true,
      kind: true,
      status: true,
      signedOn: true,
      effectiveOn: true,
      expiresOn: true,
      summary: true,
      parties: { select: { partyId: true, role: true } },
      sectors: { select: { sectorId: true } },
    },
  });
  return new Map(
    rows.map(({ id, slug, version, sectors, ...stored }) => [
      slug,
      { id, version, stored: { ...stored, sectors: sectors.map((link) => link.sectorId) } },
    ]),
  );
}

const milestoneStoredFields = {
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
} as const;

/**
 * Everything the rows are checked against, in a handful of queries. With `lock`, the agreements the
 * files name are locked first (as every write to an agreement's milestones does) and read after.
 */
async function loadLookups(tx: Tx, slugs: string[], lock: boolean): Promise<Lookups> {
  if (lock) {
    const found = await tx.agreement.findMany({ where: { slug: { in: slugs }, archivedAt: null }, select: { id: true } });
    await lockAgreements(
      tx,
      found.map((row) => row.id),
    );
  }
  // One after the other: a transaction's queries share one connection anyway.
  const agreements = await findAgreements(tx, slugs);
  const parties = await tx.party.findMany({ where: { archivedAt: null }, select: { id: true, slug: true } });
  const sectors = await tx.sector.findMany({ where: { archivedAt: null }, select: { id: true, slug: true } });
  const milestoneRows = await tx.milestone.findMany({
    where: { agreementId: { in: [...agreements.values()].map((match) => match.id) }, archivedAt: null },
    select: { id: true, agreementId: true, title: true, version: true, ...milestoneStoredFields },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  const milestones = new Map<string, ExistingMilestone[]>();
  for (const { agreementId, id, version, ...stored } of milestoneRows) {
    const list = milestones.get(agreementId) ?? [];
    list.push({ id, version, title: stored.title, stored });
    milestones.set(agreementId, list);
  }
  return {
    agreements,
    parties: new Map(parties.map((row) => [row.slug, row.id])),
    sectors: new Map(sectors.map((row) => [row.slug, row.id])),
    milestones,
  };
}

function read(text: string, format: CsvFormat): CsvReading | null {
  if (!text.trim()) return null;
  const reading = readCsv(text, format);
  if (reading.issues.length === 0 && reading.total === 0) reading.issues.push({ row: null, column: null, key: 'noRows' });
  return reading;
}

/** Reads and checks both files against the register as it is now; writes nothing. */
async function planImport(tx: Tx, texts: ImportTexts, options: { lock: boolean }): Promise<ImportPlan> {
  const agreementsFile = read(texts.agreements, AGREEMENTS_FORMAT);
  const milestonesFile = read(texts.milestones, MILESTONES_FORMAT);
  const slugOf = (cell: string | undefined) => (cell ?? '').trim();
  const fileSlugs = new Set((agreementsFile?.records ?? []).map((record) => slugOf(record.cells.slug)).filter(Boolean));
  const referenced = new Set([...fileSlugs, ...(milestonesFile?.records ?? []).map((record) => slugOf(record.cells.agreement_slug))]);
  const lookups = await loadLookups(tx, [...referenced].filter(Boolean), options.lock);

  const agreementRows = agreementsFile ? checkAgreementRows(agreementsFile.records, lookups) : [];
  const milestoneRows = milestonesFile ? checkMilestoneRows(milestonesFile.records, lookups, fileSlugs) : [];
  const files: FilePreview[] = [];
  if (agreementsFile) files.push(filePreview('agreements', agreementsFile, agreementRows));
  if (milestonesFile) files.push(filePreview('milestones', milestonesFile, milestoneRows));
  return {
    preview: {
      valid: files.length > 0 && files.every((file) => file.problems === 0),
      digest: importDigest(texts, [agreementRows, milestoneRows]),
      files,
    },
    agreements: agreementRows.flatMap((row) => (row.record ? [row.record] : [])),
    milestones: milestoneRows.flatMap((row) => (row.record ? [row.record] : [])),
  };
}

/** Step 1: what importing the files would do, row by row, or why it cannot. */
export async function checkImport(viewer: Viewer, texts: ImportTexts): Promise<ImportPreview> {
  return getDb().$transaction(
    async (tx) => {
      await authorizeUser(viewer, 'data:import', {}, tx);
      return (await planImport(tx, texts, { lock: false })).preview;
    },
    { isolationLevel: 'RepeatableRead', timeout: IMPORT_TIMEOUT_MS },
  );
}

export type ImportOutcome =
  | { status: 'imported'; summary: ImportSummary; agreementIds: string[] }
  /** The files no longer check out as they did, or now match other records: nothing was written. */
  | { status: 'changed'; preview: ImportPreview };

/**
 * Step 2: checks the files again under lock and, if they still check out exactly as the preview the
 * admin saw (`digest`), writes every row in this one transaction.
 */
export async function runImport(viewer: Viewer, texts: ImportTexts, digest: string): Promise<ImportOutcome> {
  return writeTransaction(
    async (tx) => {
      const admin = await authorizeUser(viewer, 'data:import', {}, tx);
      const plan = await planImport(tx, texts, { lock: true });
      if (!plan.preview.valid || plan.preview.digest !== digest) return { status: 'changed', preview: plan.preview };
      return { status: 'imported', ...(await writeImport(tx, admin.id, plan)) };
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
}
