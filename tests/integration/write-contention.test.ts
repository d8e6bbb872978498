// 32 analysts recording and verifying at once on the same few agreements: no action fails, the stored
// scores are what a full recomputation gives, and the audit chain verifies.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyStoredChain } from '../../lib/audit/verify.ts';
import type { Viewer } from '../../lib/auth/session.ts';
import { recordProgressUpdate, reviewProgressUpdate } from '../../lib/data/progress.ts';
import { loadScoringInputs } from '../../lib/data/scores.ts';
import { todayIso, toIsoDate, toIsoDateOrNull } from '../../lib/dates.ts';
import { scoreAgreement } from '../../lib/scoring/index.ts';
import { historyOf } from '../../lib/scoring/stored.ts';
import { ProgressUpdateSchema, ReviewSchema } from '../../lib/validation/progress.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { testDb, viewerOf } from '../support/auth.ts';

type Milestone = {
  id: string;
  agreementId: string;
  kind: 'ONE_OFF' | 'RECURRING' | 'TARGET';
  baseline: number | null;
  target: number | null;
};

let pk: Viewer;
let az: Viewer;
let milestones: Milestone[];
let agreementIds: string[];

function progressFor(milestone: Milestone, index: number) {
  const value = {
    ONE_OFF: { progress: String(10 + (index % 80)) },
    RECURRING: { quantity: String(1 + (index % 3)) },
    TARGET: { actualValue: String((milestone.baseline ?? 0) + ((milestone.target ?? 10) - (milestone.baseline ?? 0)) / 2) },
  }[milestone.kind];
  return ProgressUpdateSchema.parse({
    milestoneId: milestone.id,
    observedOn: todayIso(),
    status: 'IN_PROGRESS',
    ...value,
    narrative: `Contention test update ${index}.`,
    evidence: [{ url: `https://example.org/evidence/${index}`, title: `Evidence ${index}`, kind: 'DATASET' }],
  });
}

/** Stored milestone and agreement scores and the month-by-month history, against a computation from scratch. */
async function expectScoresRecomputed(agreementId: string) {
  const db = testDb();
  try {
    const today = todayIso();
    const { milestones: scored, updates } = await loadScoringInputs(db, agreementId);
    const fresh = scoreAgreement(scored, updates, today);
    const agreement = await db.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { score: true, signedOn: true } });
    expect(agreement.score).toBeCloseTo(fresh.score, 9);
    const stored = await db.milestone.findMany({
      where: { agreementId, archivedAt: null },
      select: { id: true, score: true, status: true },
    });
    for (const milestone of fresh.milestones) {
      const row = stored.find((candidate) => candidate.id === milestone.milestoneId)!;
      expect(row.score).toBeCloseTo(milestone.score, 9);
      expect(row.status).toBe(milestone.status);
    }
    const history = historyOf({ milestones: scored, updates, signedOn: toIsoDateOrNull(agreement.signedOn) }, { today })!;
    const months = await db.agreementScoreMonth.findMany({ where: { agreementId }, orderBy: { month: 'asc' } });
    expect(months.map((month) => toIsoDate(month.month))).toEqual(history.months);
    months.forEach((month, index) => expect(month.score).toBeCloseTo(history.scores[index]!, 9));
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  const db = testDb();
  try {
    const both = await db.agreement.findMany({
      where: {
        archivedAt: null,
        AND: [{ assignments: { some: { userId: seedId('user', 'pk') } } }, { assignments: { some: { userId: seedId('user', 'az') } } }],
      },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: 3,
    });
    agreementIds = both.map((agreement) => agreement.id);
    milestones = await db.milestone.findMany({
      where: { agreementId: { in: agreementIds }, archivedAt: null },
      select: { id: true, agreementId: true, kind: true, baseline: true, target: true },
      orderBy: { id: 'asc' },
    });
    const accounts = await db.user.findMany({
      where: { id: { in: [seedId('user', 'pk'), seedId('user', 'az')] } },
      select: { id: true, sessionVersion: true },
    });
    pk = await viewerOf(accounts.find((account) => account.id === seedId('user', 'pk'))!);
    az = await viewerOf(accounts.find((account) => account.id === seedId('user', 'az'))!);
  } finally {
    await db.$disconnect();
  }
});

describe('32 concurrent record and verify actions on the same three agreements', () => {
  it('all succeed, leave the stored scores equal to a full recomputation and the audit chain intact', async () => {
    expect(agreementIds).toHaveLength(3);
    const pending: { id: string }[] = [];
    for (let index = 0; index < 16; index += 1) {
      pending.push(await recordProgressUpdate(pk, progressFor(milestones[index % milestones.length]!, index)));
    }

    const actions = Array.from({ length: 32 }, (_, index) => {
      const half = index >> 1;
      return index % 2 === 0
        ? () => reviewProgressUpdate(az, ReviewSchema.parse({ updateId: pending[half]!.id, decision: 'verify' }))
        : () => recordProgressUpdate(half % 2 ? az : pk, progressFor(milestones[(half * 5) % milestones.length]!, 100 + half));
    });
    const outcomes = await Promise.allSettled(actions.map((action) => action()));
    const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
    expect(failures).toEqual([]);

    const db = testDb();
    const verified = await db.progressUpdate.count({ where: { id: { in: pending.map((update) => update.id) }, reviewState: 'VERIFIED' } });
    const recorded = await db.progressUpdate.count({
      where: { narrative: { startsWith: 'Contention test update 1' }, reviewState: 'PENDING' },
    });
    await db.$disconnect();
    expect(verified).toBe(16);
    expect(recorded).toBe(16);
    for (const agreementId of agreementIds) await expectScoresRecomputed(agreementId);
    const db2 = testDb();
    expect(await verifyStoredChain(db2)).toMatchObject({ ok: true });
    await db2.$disconnect();
  });
});
