import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db.ts';
import { recomputeAgreements } from '../../lib/data/scores-bulk.ts';
import { recomputeAgreement } from '../../lib/data/scores.ts';
import { seedDemo } from '../../prisma/seed/index.ts';
import { withClient } from '../support/db.ts';

/** Everything a recomputation stores, in a fixed order. */
async function storedScores() {
  const db = getDb();
  const [agreements, milestones, months] = await Promise.all([
    db.agreement.findMany({ select: { id: true, score: true, searchText: true }, orderBy: { id: 'asc' } }),
    db.milestone.findMany({ select: { id: true, score: true, status: true, lastObservedOn: true }, orderBy: { id: 'asc' } }),
    db.agreementScoreMonth.findMany({ orderBy: [{ agreementId: 'asc' }, { month: 'asc' }] }),
  ]);
  return { agreements, milestones, months };
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

describe('recomputing many agreements at once', () => {
  it('stores exactly what recomputing each one does', async () => {
    const ids = (await getDb().agreement.findMany({ select: { id: true } })).map((row) => row.id);
    await getDb().$transaction(async (tx) => {
      for (const id of ids) await recomputeAgreement(tx, id);
    });
    const expected = await storedScores();
    expect(expected.months.length).toBeGreaterThan(0);
    expect(expected.milestones.some((row) => row.score > 0 && row.lastObservedOn !== null)).toBe(true);

    await withClient(async (client) => {
      await client.query(`update milestone set score = 42, status = 'STALLED', last_observed_on = null where archived_at is null`);
      await client.query(`update agreement set score = 42, search_text = 'stale'`);
      await client.query(`delete from agreement_score_month where month > '2024-06-01'`);
      await client.query(`insert into agreement_score_month (agreement_id, month, score) select id, '1999-01-01', 1 from agreement`);
    });
    await getDb().$transaction((tx) => recomputeAgreements(tx, ids));
    expect(await storedScores()).toEqual(expected);
  });
});
