// The one score recomputation (recomputeScores), for one agreement or many at once: it stores what a
// computation from scratch with the pure scoring functions gives, whatever was stored before.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db.ts';
import { loadScoringInputs, recomputeScores } from '../../lib/data/scores.ts';
import { todayIso, toIsoDate, toIsoDateOrNull } from '../../lib/dates.ts';
import { searchTextOf, storedScores } from '../../lib/scoring/stored.ts';
import { seedDemo } from '../../prisma/seed/index.ts';
import { withClient } from '../support/db.ts';

/** Everything a recomputation stores, in a fixed order. */
async function stored() {
  const db = getDb();
  const [agreements, milestones, months] = await Promise.all([
    db.agreement.findMany({ select: { id: true, score: true, searchText: true }, orderBy: { id: 'asc' } }),
    db.milestone.findMany({
      where: { archivedAt: null },
      select: { id: true, score: true, status: true, lastObservedOn: true },
      orderBy: { id: 'asc' },
    }),
    db.agreementScoreMonth.findMany({ orderBy: [{ agreementId: 'asc' }, { month: 'asc' }] }),
  ]);
  return { agreements, milestones, months };
}

/** What every agreement should store, computed here from its inputs with the pure functions alone. */
async function computedFromScratch(today: string) {
  const db = getDb();
  const agreements = await db.agreement.findMany({
    select: { id: true, signedOn: true, title: true, summary: true },
    orderBy: { id: 'asc' },
  });
  const expected = [];
  for (const agreement of agreements) {
    const { milestones, updates } = await loadScoringInputs(db, agreement.id);
    const { result, history } = storedScores({ signedOn: toIsoDateOrNull(agreement.signedOn), milestones, updates }, { today });
    const texts = await db.milestone.findMany({
      where: { agreementId: agreement.id, archivedAt: null },
      select: { title: true, description: true, clauseRef: true, clauseExcerpt: true },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    const narratives = await db.progressUpdate.findMany({
      where: { agreementId: agreement.id, reviewState: 'VERIFIED', milestone: { archivedAt: null } },
      select: { narrative: true },
      orderBy: [{ observedOn: 'asc' }, { id: 'asc' }],
    });
    expected.push({
      id: agreement.id,
      score: result.score,
      milestones: result.milestones.map((m) => ({
        id: m.milestoneId,
        score: m.score,
        status: m.status,
        lastObservedOn: m.latest?.observedOn ?? null,
      })),
      months: history ? history.months.map((month, index) => [month, history.scores[index]]) : [],
      searchText: searchTextOf(
        agreement,
        texts,
        narratives.map((row) => row.narrative),
      ),
    });
  }
  return expected;
}

async function corruptStoredScores() {
  await withClient(async (client) => {
    await client.query(`update milestone set score = 42, status = 'STALLED', last_observed_on = null where archived_at is null`);
    await client.query(`update agreement set score = 42, search_text = 'stale'`);
    await client.query(`delete from agreement_score_month where month > '2024-06-01'`);
    await client.query(`insert into agreement_score_month (agreement_id, month, score) select id, '1999-01-01', 1 from agreement`);
  });
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

describe('recomputing stored scores', () => {
  it('stores what a computation from scratch gives, whatever was stored before', async () => {
    const today = todayIso();
    const ids = (await getDb().agreement.findMany({ select: { id: true } })).map((row) => row.id);
    await corruptStoredScores();
    await getDb().$transaction((tx) => recomputeScores(tx, ids, { today }));
    const expected = await computedFromScratch(today);
    const { agreements, milestones, months } = await stored();
    expect(months.length).toBeGreaterThan(0);
    for (const want of expected) {
      const agreement = agreements.find((row) => row.id === want.id)!;
      expect(agreement.score).toBeCloseTo(want.score, 9);
      expect(agreement.searchText).toBe(want.searchText);
      for (const milestone of want.milestones) {
        const row = milestones.find((candidate) => candidate.id === milestone.id)!;
        expect({ ...row, score: Math.round(row.score * 1e9), lastObservedOn: toIsoDateOrNull(row.lastObservedOn) }).toEqual({
          ...milestone,
          score: Math.round(milestone.score * 1e9),
        });
      }
      const own = months.filter((row) => row.agreementId === want.id).map((row) => [toIsoDate(row.month), row.score]);
      expect(own.map(([month]) => month)).toEqual(want.months.map(([month]) => month));
      own.forEach(([, score], index) => expect(score).toBeCloseTo(want.months[index]![1] as number, 9));
    }
  });

  it('stores for many agreements at once exactly what it stores for each one', async () => {
    const ids = (await getDb().agreement.findMany({ select: { id: true } })).map((row) => row.id);
    await getDb().$transaction(async (tx) => {
      for (const id of ids) await recomputeScores(tx, [id]);
    });
    const oneByOne = await stored();
    await corruptStoredScores();
    await getDb().$transaction((tx) => recomputeScores(tx, ids));
    expect(await stored()).toEqual(oneByOne);
  });
});
