import { describe, expect, it } from 'vitest';
import { publicAgreementTag } from '../../lib/cache-tags.ts';
import { refreshStaleScores } from '../../lib/data/maintenance.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { testDb } from '../support/auth.ts';
import { withClient } from '../support/db.ts';
import { invalidatedTags } from '../support/next-request.ts';

describe('the daily score refresh', () => {
  it('lowers a recurring obligation as periods pass without deliveries, and extends the monthly history', async () => {
    await seedDemo(process.env.DATABASE_URL!);
    const db = testDb();
    const id = seedId('agreement', 'lng-supply-socar');
    const before = await db.agreement.findUniqueOrThrow({ where: { id }, select: { score: true } });
    // Scored today by the seed: nothing to refresh today.
    expect(await refreshStaleScores()).toBe(0);

    // Two months from now, with no cargo recorded in between, the supply period is over and the
    // last deliveries are missed.
    const later = new Date();
    later.setUTCMonth(later.getUTCMonth() + 2);
    const today = later.toISOString().slice(0, 10);
    expect(await refreshStaleScores(today)).toBeGreaterThan(0);
    const after = await db.agreement.findUniqueOrThrow({ where: { id }, select: { score: true } });
    expect(after.score).toBeLessThan(before.score);
    const lastMonth = await db.agreementScoreMonth.findFirstOrThrow({ where: { agreementId: id }, orderBy: { month: 'desc' } });
    expect(lastMonth.month.toISOString().slice(0, 7)).toBe(today.slice(0, 7));
    expect(lastMonth.score).toBeCloseTo(after.score, 9);
    // Cached public pages of the refreshed agreement are expired.
    expect(invalidatedTags).toContain(publicAgreementTag(id));
    await db.$disconnect();
  });

  it('runs on one instance at a time: of two refreshes started together, one does the work and the other stands aside', async () => {
    await seedDemo(process.env.DATABASE_URL!);
    const stale = await withClient(async (client) => {
      const { rowCount } = await client.query(`update agreement set scored_at = now() - interval '2 days' where archived_at is null`);
      return rowCount;
    });
    expect(stale).toBeGreaterThan(0);
    const outcomes = await Promise.all([refreshStaleScores(), refreshStaleScores()]);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome !== null)).toBe(stale);
    // Once done, nothing is stale for the other instance's next attempt.
    expect(await refreshStaleScores()).toBe(0);
  });
});
