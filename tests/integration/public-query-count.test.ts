// The public reads issue a fixed number of SQL statements however many agreements, milestones and
// updates there are: no query per row (N+1). Counted at the pg driver, under Prisma.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db-client.ts';
import { loadAgreementDetail } from '../../lib/data/public-agreement-detail.ts';
import { listAgreements, loadPublicSlugs, loadSignedYears } from '../../lib/data/public-agreements.ts';
import { loadMilestoneExport } from '../../lib/data/public-export.ts';
import { loadScoresAsOf } from '../../lib/data/public-scores.ts';
import { loadGroupScores, loadLatestUpdates, loadSummary } from '../../lib/data/public-summary.ts';
import { loadPublicParties, loadPublicSectors } from '../../lib/data/public-taxonomy.ts';
import { insertSyntheticAgreements } from '../support/synthetic-data.ts';

const today = '2026-01-15';
const db = createPrismaClient(process.env.DATABASE_URL!);
const originalQuery = pg.Client.prototype.query;
let statements = 0;

beforeAll(() => {
  pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
});

afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  await db.$disconnect();
});

async function countStatements(read: () => Promise<unknown>): Promise<number> {
  await read();
  statements = 0;
  await read();
  return statements;
}

const READS: Record<string, () => Promise<unknown>> = {
  'dashboard summary': () => loadSummary({ kind: 'all' }, null, today),
  'dashboard summary as of a day': () => loadSummary({ kind: 'all' }, '2022-06-30', today),
  'sector and party scores': () => loadGroupScores(null, today),
  'sector and party scores as of a day': () => loadGroupScores('2022-06-30', today),
  'latest updates (feed)': () => loadLatestUpdates({ kind: 'all' }, null, 50),
  'agreement list page': () => listAgreements({}, { page: 1 }),
  'agreement list search': () => listAgreements({ q: 'cooperation' }, { page: 1 }),
  'agreement list as of a day, by band': () => listAgreements({ asOf: '2022-06-30', band: 'MINIMAL' }, { page: 1 }),
  'agreement CSV (every page)': () => listAgreements({}, { all: true }),
  'milestone CSV': () => loadMilestoneExport({}, undefined),
  'scores as of a day': () => loadScoresAsOf('2022-06-30'),
  'filter choices': () => Promise.all([loadSignedYears(), loadPublicSectors(), loadPublicParties(), loadPublicSlugs()]),
};

describe('public reads issue the same number of SQL statements at 5 and at 50 agreements', () => {
  const small: Record<string, number> = {};
  let smallDetail = 0;

  beforeAll(async () => {
    const [first] = await insertSyntheticAgreements(db, {
      agreements: 5,
      milestonesPerAgreement: 3,
      updatesPerMilestone: 2,
      batch: 'small',
    });
    for (const [name, read] of Object.entries(READS)) small[name] = await countStatements(read);
    smallDetail = await countStatements(() => loadAgreementDetail(first!, null, today));
    await insertSyntheticAgreements(db, { agreements: 45, milestonesPerAgreement: 3, updatesPerMilestone: 2, batch: 'large' });
  });

  for (const name of Object.keys(READS)) {
    it(`for the ${name}`, async () => {
      expect(small[name]).toBeGreaterThan(0);
      expect(await countStatements(READS[name]!)).toBe(small[name]);
    });
  }

  it('for an agreement page, whether it has 3 milestones with 6 updates or 30 with 300', async () => {
    const [big] = await insertSyntheticAgreements(db, { agreements: 1, milestonesPerAgreement: 30, updatesPerMilestone: 10, batch: 'big' });
    expect(await countStatements(() => loadAgreementDetail(big!, null, today))).toBe(smallDetail);
    expect(await countStatements(() => loadAgreementDetail(big!, '2022-06-30', today))).toBe(smallDetail);
  });
});
