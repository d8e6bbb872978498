import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../lib/db-client.ts';
import { loadScoringInputs } from '../../lib/data/scores.ts';
import { todayIso } from '../../lib/dates.ts';
import { scoreAgreement } from '../../lib/scoring/index.ts';
import { seedDemo } from '../../prisma/seed/index.ts';
import { AGREEMENTS } from '../../prisma/seed/demo-data.ts';
import { withClient } from '../support/db.ts';

const TABLES = [
  'party',
  'sector',
  'agreement',
  'milestone',
  'progress_update',
  'evidence',
  'app_user',
  'assignment',
  'audit_event',
  'agreement_score_month',
];

async function counts() {
  return withClient(async (client) =>
    Object.fromEntries(
      await Promise.all(TABLES.map(async (table) => [table, Number((await client.query(`select count(*) from ${table}`)).rows[0].count)])),
    ),
  );
}

describe('the demonstration data set', () => {
  it('loads every agreement of the article with updates in every review state', async () => {
    expect(await seedDemo(process.env.DATABASE_URL!)).toMatch(/loaded 11 agreements/);
    const loaded = await counts();
    expect(loaded.agreement).toBe(AGREEMENTS.length);
    expect(loaded.app_user).toBe(3);
    await withClient(async (client) => {
      const states = (await client.query('select distinct review_state::text as review_state from progress_update order by 1')).rows.map(
        (r) => r.review_state,
      );
      expect(states).toEqual(['PENDING', 'REJECTED', 'VERIFIED']);
      const kinds = (await client.query('select distinct kind::text as kind from milestone order by 1')).rows.map((r) => r.kind);
      expect(kinds).toEqual(['ONE_OFF', 'RECURRING', 'TARGET']);
    });
  });

  it('is idempotent: seeding again changes nothing', async () => {
    const before = await counts();
    expect(await seedDemo(process.env.DATABASE_URL!)).toMatch(/nothing changed/);
    expect(await counts()).toEqual(before);
  });

  it('stores scores equal to a fresh computation from the verified updates', async () => {
    const db = createPrismaClient(process.env.DATABASE_URL!);
    try {
      const agreements = await db.agreement.findMany({ select: { id: true, slug: true, score: true } });
      for (const agreement of agreements) {
        const { milestones, updates } = await loadScoringInputs(db, agreement.id);
        expect(agreement.score, agreement.slug).toBeCloseTo(scoreAgreement(milestones, updates, todayIso()).score, 9);
      }
      const lng = agreements.find((a) => a.slug === 'lng-supply-socar')!;
      expect(lng.score).toBeGreaterThan(50);
    } finally {
      await db.$disconnect();
    }
  });
});
