// The public CSV downloads, imported into a fresh register that has only the parties and sectors,
// download again as they were (the computed columns aside: the new register has no progress updates).
import Papa from 'papaparse';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GET as getAgreementsCsv } from '../../app/api/v1/agreements.csv/route.ts';
import { GET as getMilestonesCsv } from '../../app/api/v1/milestones.csv/route.ts';
import { AGREEMENT_CSV_COLUMNS } from '../../lib/csv/agreements.ts';
import { MILESTONE_CSV_COLUMNS } from '../../lib/csv/milestones.ts';
import { createPrismaClient } from '../../lib/db-client.ts';
import { disconnectDb } from '../../lib/db.ts';
import { seedDemo } from '../../prisma/seed/index.ts';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/postgres.ts';
import { actAs, createUser } from '../support/auth.ts';
import { checkFiles, importChecked, previewOf, problemsOf } from '../support/csv-import.ts';

const adminUrl = inject('testAdminUrl');
const sourceUrl = process.env.DATABASE_URL!;
const freshName = `ittifaq_test_${randomBytes(6).toString('hex')}`;
const freshUrl = withDatabase(adminUrl, freshName);

async function download(): Promise<{ agreements: string; milestones: string }> {
  const [agreements, milestones] = await Promise.all([
    getAgreementsCsv(new Request('http://localhost/api/v1/agreements.csv')),
    getMilestonesCsv(new Request('http://localhost/api/v1/milestones.csv')),
  ]);
  return { agreements: await agreements.text(), milestones: await milestones.text() };
}

/** The rows without the computed columns, in a fixed order (the download sorts by score). */
function comparable(csv: string, columns: readonly { name: string; computed?: true }[]): string[] {
  const kept = columns.filter((column) => !column.computed).map((column) => column.name);
  const { data } = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  return data.map((row) => JSON.stringify(kept.map((name) => row[name]))).sort();
}

/** Only the parties and sectors: an import references them, it does not create them. */
async function copyTaxonomy() {
  const [source, fresh] = [createPrismaClient(sourceUrl), createPrismaClient(freshUrl)];
  try {
    const live = { where: { archivedAt: null } };
    await fresh.party.createMany({ data: (await source.party.findMany(live)).map(({ mergedIntoId: _merged, ...party }) => party) });
    await fresh.sector.createMany({ data: (await source.sector.findMany(live)).map(({ mergedIntoId: _merged, ...sector }) => sector) });
  } finally {
    await Promise.all([source.$disconnect(), fresh.$disconnect()]);
  }
}

beforeAll(async () => {
  await seedDemo(sourceUrl);
  await ensureDatabase(adminUrl, freshName, 'ittifaq_test_template');
  await copyTaxonomy();
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sourceUrl;
  await dropDatabase(adminUrl, freshName);
});

describe('a round trip through the CSV downloads', () => {
  it('reproduces every published agreement and milestone in an empty register', async () => {
    const exported = await download();
    await disconnectDb();
    process.env.DATABASE_URL = freshUrl;
    await actAs(await createUser({ role: 'ADMIN', twoFactor: true }));

    const preview = previewOf(await checkFiles(exported));
    expect(problemsOf(preview)).toEqual({ agreements: [], milestones: [] });
    const result = await importChecked(preview);
    expect(result.status, JSON.stringify(result)).toBe('success');

    const reimported = await download();
    const agreements = comparable(exported.agreements, AGREEMENT_CSV_COLUMNS);
    const milestones = comparable(exported.milestones, MILESTONE_CSV_COLUMNS);
    expect(agreements.length).toBeGreaterThan(3);
    expect(milestones.length).toBeGreaterThan(10);
    expect(comparable(reimported.agreements, AGREEMENT_CSV_COLUMNS)).toEqual(agreements);
    expect(comparable(reimported.milestones, MILESTONE_CSV_COLUMNS)).toEqual(milestones);
  });
});
