// Recording progress and the four-eyes review, against the real database: every refusal writes
// nothing, and every verification leaves stored scores equal to a fresh computation.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyStoredChain } from '../../lib/audit/verify.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/auth/errors.ts';
import type { Viewer } from '../../lib/auth/session.ts';
import { loadScoringInputs, recomputeScores } from '../../lib/data/scores.ts';
import { editMilestoneDetails } from '../../lib/data/milestone-details.ts';
import { recordProgressUpdate, reviewProgressUpdate } from '../../lib/data/progress.ts';
import { todayIso } from '../../lib/dates.ts';
import { InputError } from '../../lib/forms/input-error.ts';
import { scoreAgreement } from '../../lib/scoring/index.ts';
import { MilestoneDetailsSchema, ProgressUpdateSchema, ReviewSchema } from '../../lib/validation/progress.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { createUser, testDb, viewerOf } from '../support/auth.ts';
import { withClient } from '../support/db.ts';

const LNG = seedId('agreement', 'lng-supply-socar');
const CARGOES = seedId('milestone', 'lng-supply-socar:lng-cargoes');
const TERMS = seedId('milestone', 'lng-supply-socar:lng-terms');

let pk: Viewer;
let az: Viewer;
let outsider: Viewer;
let admin: Viewer;

async function rowCounts() {
  return withClient(async (client) => {
    const { rows } = await client.query(`select
      (select count(*) from progress_update)::int as updates, (select count(*) from evidence)::int as evidence,
      (select count(*) from audit_event)::int as audit, (select sum(version) from milestone)::int as versions,
      (select string_agg(review_state::text, ',' order by id) from progress_update) as states`);
    return rows[0];
  });
}

async function expectNothingWritten(run: () => Promise<unknown>, error: unknown) {
  const before = await rowCounts();
  await expect(run()).rejects.toBeInstanceOf(error);
  expect(await rowCounts()).toEqual(before);
}

async function storedAndFresh(agreementId: string) {
  const db = testDb();
  try {
    const stored = await db.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { score: true } });
    const { milestones, updates } = await loadScoringInputs(db, agreementId);
    return { stored: stored.score, fresh: scoreAgreement(milestones, updates, todayIso()).score };
  } finally {
    await db.$disconnect();
  }
}

const delivery = (overrides: Record<string, unknown> = {}) =>
  ProgressUpdateSchema.parse({
    milestoneId: CARGOES,
    observedOn: todayIso(),
    status: 'IN_PROGRESS',
    quantity: '1',
    narrative: 'Cargo discharged at Port Qasim.',
    evidence: [{ url: 'https://example.org/notice', title: 'Arrival notice', kind: 'DATASET' }],
    ...overrides,
  });

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  const db = testDb();
  const accounts = await db.user.findMany({
    where: { email: { in: ['analyst.pk@ittifaq.demo', 'analyst.az@ittifaq.demo'] } },
    select: { id: true, email: true, sessionVersion: true },
  });
  await db.$disconnect();
  pk = await viewerOf(accounts.find((a) => a.email.startsWith('analyst.pk'))!);
  az = await viewerOf(accounts.find((a) => a.email.startsWith('analyst.az'))!);
  outsider = await viewerOf(await createUser({ role: 'ANALYST', partyId: seedId('party', 'pakistan') }));
  admin = await viewerOf(await createUser({ role: 'ADMIN', twoFactor: true }));
});

describe('recording progress', () => {
  it('stores a pending update with its evidence, counted nowhere until verified', async () => {
    const before = await storedAndFresh(LNG);
    const update = await recordProgressUpdate(pk, delivery());
    const db = testDb();
    const stored = await db.progressUpdate.findUniqueOrThrow({ where: { id: update.id }, include: { evidence: true } });
    await db.$disconnect();
    expect(stored).toMatchObject({ reviewState: 'PENDING', quantity: 1, progress: null, authorSideId: seedId('party', 'pakistan') });
    expect(stored.evidence).toHaveLength(1);
    expect((await storedAndFresh(LNG)).stored).toBe(before.stored);
  });

  it('keeps every evidence field in the order given, and appends the audit event to the chain', async () => {
    const update = await recordProgressUpdate(
      pk,
      delivery({
        evidence: [
          {
            url: 'https://example.org/notice',
            title: 'Arrival notice',
            publisher: 'Port Qasim Authority',
            publishedOn: '2026-11-02',
            kind: 'DATASET',
          },
          { url: 'https://example.org/statement', title: 'SOCAR statement', kind: 'OFFICIAL_STATEMENT' },
        ],
      }),
    );
    const db = testDb();
    const evidence = await db.evidence.findMany({ where: { updateId: update.id }, orderBy: { position: 'asc' } });
    const [event] = await db.auditEvent.findMany({ where: { entityId: update.id }, select: { action: true, after: true } });
    const chain = await verifyStoredChain(db);
    await db.$disconnect();
    expect(
      evidence.map(({ title, publisher, publishedOn, kind, position }) => ({ title, publisher, publishedOn, kind, position })),
    ).toEqual([
      { title: 'Arrival notice', publisher: 'Port Qasim Authority', publishedOn: new Date('2026-11-02'), kind: 'DATASET', position: 0 },
      { title: 'SOCAR statement', publisher: null, publishedOn: null, kind: 'OFFICIAL_STATEMENT', position: 1 },
    ]);
    expect(event).toMatchObject({
      action: 'progress.record',
      after: { agreementId: LNG, quantity: 1, narrative: 'Cargo discharged at Port Qasim.' },
    });
    expect(chain).toMatchObject({ ok: true });
  });

  it('refuses progress claimed without evidence, naming the field, and writes nothing', async () => {
    await expectNothingWritten(() => recordProgressUpdate(pk, delivery({ evidence: [] })), InputError);
    await recordProgressUpdate(pk, delivery({ evidence: [] })).catch((error: InputError) =>
      expect(error.fieldErrors).toEqual({ evidence: ['evidenceRequired'] }),
    );
    // Reporting no delivery needs no evidence.
    await expect(recordProgressUpdate(pk, delivery({ quantity: '0', evidence: [] }))).resolves.toBeDefined();
  });

  it("requires the value the milestone's kind calls for", async () => {
    await recordProgressUpdate(pk, delivery({ quantity: undefined, progress: '50' })).catch((error: InputError) =>
      expect(error.fieldErrors).toEqual({ quantity: ['valueRequired'] }),
    );
    await expectNothingWritten(
      () => recordProgressUpdate(pk, delivery({ milestoneId: TERMS, quantity: undefined, progress: '80', status: 'ACHIEVED' })),
      InputError,
    );
  });

  it('refuses analysts not assigned to the agreement, and archived milestones, writing nothing', async () => {
    await expectNothingWritten(() => recordProgressUpdate(outsider, delivery()), ForbiddenError);
    await expectNothingWritten(() => recordProgressUpdate(admin, delivery()), ForbiddenError);
    const db = testDb();
    const archived = await db.milestone.create({ data: { agreementId: LNG, title: 'Archived', kind: 'ONE_OFF', archivedAt: new Date() } });
    await db.$disconnect();
    await expectNothingWritten(() => recordProgressUpdate(pk, delivery({ milestoneId: archived.id })), NotFoundError);
  });
});

describe('reviewing', () => {
  it('never lets authors review their own update, and settles an update only once', async () => {
    const update = await recordProgressUpdate(pk, delivery());
    await expectNothingWritten(
      () => reviewProgressUpdate(pk, ReviewSchema.parse({ updateId: update.id, decision: 'verify' })),
      ForbiddenError,
    );
    await expectNothingWritten(
      () => reviewProgressUpdate(outsider, ReviewSchema.parse({ updateId: update.id, decision: 'verify' })),
      ForbiddenError,
    );
    await reviewProgressUpdate(az, ReviewSchema.parse({ updateId: update.id, decision: 'reject', note: 'Cite the arrival notice.' }));
    await expectNothingWritten(
      () => reviewProgressUpdate(admin, ReviewSchema.parse({ updateId: update.id, decision: 'verify' })),
      ConflictError,
    );
  });

  it('recomputes the stored scores in the same transaction as the verification, with its audit event', async () => {
    const narrative = 'Cargo of 20 October discharged at Port Qasim.';
    const db = testDb();
    const searchable = async () => (await db.agreement.findUniqueOrThrow({ where: { id: LNG }, select: { searchText: true } })).searchText;
    const update = await recordProgressUpdate(az, delivery({ observedOn: '2026-10-20', narrative }));
    expect(await searchable()).not.toContain(narrative);
    const result = await reviewProgressUpdate(pk, ReviewSchema.parse({ updateId: update.id, decision: 'verify' }));
    const { stored, fresh } = await storedAndFresh(LNG);
    expect(stored).toBeCloseTo(fresh, 9);
    expect(result.agreementScore).toBeCloseTo(fresh, 9);
    // The verified narrative is now searchable, as a full rebuild of the search text and of its vector
    // (same words, same weights) would have it.
    const vector = async () =>
      (
        await db.$queryRaw<{ words: string; titleWords: string }[]>`
      select strip(search_vector)::text as words, strip(ts_filter(search_vector, '{a}'))::text as "titleWords" from agreement where id = ${LNG}::uuid`
      )[0];
    const appended = await searchable();
    const appendedVector = await vector();
    expect(appended).toContain(narrative);
    expect(appendedVector?.words).toContain("'qasim'");
    await db.$transaction((tx) => recomputeScores(tx, [LNG]));
    expect(appended.split('\n').sort()).toEqual((await searchable()).split('\n').sort());
    expect(appendedVector).toEqual(await vector());
    const events = await db.auditEvent.findMany({
      where: { entityId: update.id },
      orderBy: { id: 'asc' },
      select: { action: true, actorId: true },
    });
    await db.$disconnect();
    expect(events.map((e) => e.action)).toEqual(['progress.record', 'progress.verify']);
  });

  it('lets a verified correction replace the update it supersedes, keeping both in history', async () => {
    const original = await recordProgressUpdate(
      pk,
      delivery({ milestoneId: TERMS, quantity: undefined, progress: '100', status: 'ACHIEVED' }),
    );
    await reviewProgressUpdate(az, ReviewSchema.parse({ updateId: original.id, decision: 'verify' }));
    const correction = await recordProgressUpdate(
      pk,
      delivery({
        milestoneId: TERMS,
        quantity: undefined,
        progress: '60',
        status: 'IN_PROGRESS',
        supersedesId: original.id,
        correctionReason: 'The pricing annex is still being negotiated.',
      }),
    );
    await reviewProgressUpdate(az, ReviewSchema.parse({ updateId: correction.id, decision: 'verify' }));
    const db = testDb();
    const terms = await db.milestone.findUniqueOrThrow({ where: { id: TERMS }, select: { score: true } });
    const both = await db.progressUpdate.count({ where: { id: { in: [original.id, correction.id] }, reviewState: 'VERIFIED' } });
    await db.$disconnect();
    expect(terms.score).toBe(60);
    expect(both).toBe(2);
    // An update that already has a verified correction cannot be corrected again.
    await expectNothingWritten(
      () =>
        recordProgressUpdate(
          pk,
          delivery({
            milestoneId: TERMS,
            quantity: undefined,
            progress: '70',
            supersedesId: original.id,
            correctionReason: 'Again',
          }),
        ),
      InputError,
    );
  });

  it("refuses a correction of someone else's update, even a verified one from the other side, and lets the author correct it", async () => {
    const original = await recordProgressUpdate(pk, delivery({ quantity: '2' }));
    await reviewProgressUpdate(az, ReviewSchema.parse({ updateId: original.id, decision: 'verify' }));
    const correction = (reason: string) =>
      delivery({ quantity: '0', status: 'STALLED', supersedesId: original.id, correctionReason: reason });
    // The other side's analyst, assigned to the agreement, may record updates but not supersede this one.
    await expectNothingWritten(() => recordProgressUpdate(az, correction('Superseding the other side.')), ForbiddenError);
    const own = await recordProgressUpdate(pk, correction('The second cargo was not discharged after all.'));
    const db = testDb();
    const stored = await db.progressUpdate.findUniqueOrThrow({ where: { id: own.id }, select: { supersedesId: true, authorId: true } });
    await db.$disconnect();
    expect(stored.supersedesId).toBe(original.id);
  });

  it('keeps the stored agreement score right under 50 concurrent reviews of sibling milestones', async () => {
    const db = testDb();
    const agreement = await db.agreement.create({
      data: {
        slug: 'concurrency-test',
        title: 'Concurrency test',
        kind: 'MOU',
        status: 'IN_FORCE',
        signedOn: new Date('2024-01-01'),
        publication: 'PUBLISHED',
      },
    });
    await db.assignment.createMany({
      data: [pk, az].map((viewer) => ({ userId: (viewer as { id: string }).id, agreementId: agreement.id })),
    });
    const milestones = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        db.milestone.create({
          data: { agreementId: agreement.id, title: `Milestone ${index}`, kind: 'ONE_OFF', position: index, weight: 1 + (index % 3) },
        }),
      ),
    );
    await db.$disconnect();
    const updates = [];
    for (const [index, milestone] of milestones.entries()) {
      updates.push(
        await recordProgressUpdate(
          pk,
          ProgressUpdateSchema.parse({
            milestoneId: milestone.id,
            observedOn: todayIso(),
            status: 'IN_PROGRESS',
            progress: String((index * 7) % 101),
            narrative: 'Progress',
            evidence: [{ url: 'https://example.org/e', title: 'Evidence', kind: 'DOCUMENT' }],
          }),
        ),
      );
    }
    await Promise.all(updates.map((update) => reviewProgressUpdate(az, ReviewSchema.parse({ updateId: update.id, decision: 'verify' }))));
    const { stored, fresh } = await storedAndFresh(agreement.id);
    expect(fresh).toBeGreaterThan(0);
    expect(stored).toBeCloseTo(fresh, 9);
  }, 60_000);
});

describe('editing milestone details', () => {
  it('saves on the version it was loaded at, and refuses a stale save showing what is stored', async () => {
    const db = testDb();
    const { version } = await db.milestone.findUniqueOrThrow({ where: { id: CARGOES }, select: { version: true } });
    await db.$disconnect();
    await editMilestoneDetails(
      az,
      MilestoneDetailsSchema.parse({ milestoneId: CARGOES, version, description: 'Cargoes of about 140,000 m³.', dueOn: '2026-12-31' }),
    );
    const before = await rowCounts();
    const stale = await editMilestoneDetails(
      pk,
      MilestoneDetailsSchema.parse({ milestoneId: CARGOES, version, description: 'Overwritten?' }),
    ).catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).current).toMatchObject({
      version: version + 1,
      description: 'Cargoes of about 140,000 m³.',
      dueOn: '2026-12-31',
    });
    expect(await rowCounts()).toEqual(before);
    await expectNothingWritten(
      () => editMilestoneDetails(outsider, MilestoneDetailsSchema.parse({ milestoneId: CARGOES, version: version + 1, description: 'x' })),
      ForbiddenError,
    );
  });
});
