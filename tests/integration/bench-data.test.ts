// The benchmark data set stores the same derived columns the app would compute from its rows: the
// generator scores in memory and bulk-inserts, so this checks it against lib/scoring and against the
// app's own recomputation (lib/data/scores.ts), agreement by agreement.
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db-client.ts';
import { loadScoringInputs, recomputeScores } from '../../lib/data/scores.ts';
import { toIsoDate } from '../../lib/dates.ts';
import { scoreAgreement } from '../../lib/scoring/index.ts';
import { generateBenchData, readBenchMeta } from '../../scripts/bench/generate.ts';
import { withClient } from '../support/db.ts';

const AS_OF = '2026-10-20';

class Rollback extends Error {}

describe('the benchmark data generator', () => {
  it('loads 20 agreements with their milestones, updates, evidence and analysts, and marks the set complete', async () => {
    const url = process.env.DATABASE_URL!;
    const meta = await generateBenchData(url, { agreements: 20, seed: 'integration', asOf: AS_OF });
    expect(meta.counts.agreements).toBe(20);
    expect(await readBenchMeta(url)).toEqual(meta);
    await withClient(async (client) => {
      const count = async (table: string) => Number((await client.query(`select count(*) from ${table}`)).rows[0].count);
      expect(await count('agreement')).toBe(20);
      expect(await count('milestone')).toBe(meta.counts.milestones);
      expect(await count('progress_update')).toBe(meta.counts.updates);
      expect(await count('evidence')).toBe(meta.counts.evidence);
      expect(await count(`app_user where role = 'ADMIN'`)).toBe(1);
      const vectors = await client.query(`select count(*) from agreement where search_vector is null`);
      expect(Number(vectors.rows[0].count)).toBe(0);
    });
  });

  it('stores agreement and milestone scores equal to scoreAgreement over the stored rows', async () => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    try {
      const agreements = await db.agreement.findMany({ select: { id: true, slug: true, score: true } });
      for (const agreement of agreements) {
        const { milestones, updates } = await loadScoringInputs(db, agreement.id);
        const expected = scoreAgreement(milestones, updates, AS_OF);
        expect(agreement.score, agreement.slug).toBeCloseTo(expected.score, 9);
        const stored = await db.milestone.findMany({
          where: { agreementId: agreement.id },
          select: { id: true, score: true, status: true, lastObservedOn: true },
        });
        for (const result of expected.milestones) {
          const row = stored.find((m) => m.id === result.milestoneId)!;
          expect(row.score, result.milestoneId).toBeCloseTo(result.score, 9);
          expect(row.status).toBe(result.status);
          expect(row.lastObservedOn ? toIsoDate(row.lastObservedOn) : null).toBe(result.latest?.observedOn ?? null);
        }
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("stores the monthly history and search text that the app's own recomputation produces", async () => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    const snapshot = async (tx: Pick<typeof db, 'agreement' | 'agreementScoreMonth'>, id: string) => {
      const [agreement, months] = await Promise.all([
        tx.agreement.findUniqueOrThrow({ where: { id }, select: { score: true, searchText: true } }),
        tx.agreementScoreMonth.findMany({ where: { agreementId: id }, orderBy: { month: 'asc' }, select: { month: true, score: true } }),
      ]);
      return {
        score: agreement.score,
        // Narratives observed on the same day may come back in either order.
        searchLines: agreement.searchText.split('\n').sort(),
        months: months.map((m) => [toIsoDate(m.month), m.score] as const),
      };
    };
    try {
      const ids = (await db.agreement.findMany({ select: { id: true } })).map((a) => a.id);
      let withHistory = 0;
      for (const id of ids) {
        const stored = await snapshot(db, id);
        if (stored.months.length) withHistory += 1;
        await expect(
          db.$transaction(
            async (tx) => {
              await recomputeScores(tx, [id], { today: AS_OF });
              const recomputed = await snapshot(tx, id);
              expect(recomputed.searchLines).toEqual(stored.searchLines);
              expect(recomputed.months.map(([month]) => month)).toEqual(stored.months.map(([month]) => month));
              recomputed.months.forEach(([, score], index) => expect(score).toBeCloseTo(stored.months[index]![1], 9));
              throw new Rollback();
            },
            { timeout: 30_000 },
          ),
        ).rejects.toBeInstanceOf(Rollback);
      }
      expect(withHistory).toBeGreaterThan(10);
    } finally {
      await db.$disconnect();
    }
  });
});
