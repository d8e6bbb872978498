// Proves the cache tag contract: after a write invalidates tagsForAgreementChange(id) (or
// tagsForTaxonomyChange, tagsForInstanceChange), every public surface that shows the change reads it
// fresh, and surfaces of other agreements stay cached. unstable_cache is replaced by one that keys
// entries by key parts and arguments, keeps them in the app's real cache handler store (listening to
// invalidations on the test database, as an instance's does), and insists every cached value survives
// a JSON round trip, as the real cache stores it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getAgreementsCsv } from '../../app/api/v1/agreements.csv/route.ts';
import { GET as getScores } from '../../app/api/v1/scores/route.ts';
import { tagsForAgreementChange, tagsForInstanceChange, tagsForTaxonomyChange } from '../../lib/cache-tags.ts';
import MemoryCacheHandler, { cacheStats, startCacheInvalidation, stopCacheInvalidation } from '../../lib/cache/memory-cache-handler.mjs';
import { createPrismaClient } from '../../lib/db-client.ts';
import {
  getAgreementDetail,
  getAgreementList,
  getGroupScores,
  getIsDemoData,
  getLatestUpdates,
  getMilestoneExport,
  getScoresAsOf,
  getSectors,
  getSummary,
} from '../../lib/data/public-cache.ts';
import { lockAgreement, recomputeScores } from '../../lib/data/scores.ts';
import { todayIso } from '../../lib/dates.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';

vi.mock('next/cache', async () => {
  const { default: MemoryCacheHandler } = await import('../../lib/cache/memory-cache-handler.mjs');
  const handler = new MemoryCacheHandler();
  return {
    unstable_cache:
      (fn: (...args: unknown[]) => Promise<unknown>, keyParts: string[], options: { tags: string[] }) =>
      async (...args: unknown[]) => {
        const key = JSON.stringify([keyParts, args]);
        const hit = await handler.get(key);
        if (hit) return JSON.parse(hit.value as string);
        const value = await fn(...args);
        const json = JSON.stringify(value);
        expect(JSON.parse(json), `${keyParts[0]} must be JSON-safe`).toEqual(value);
        await handler.set(key, json, { tags: options.tags });
        return JSON.parse(json);
      },
  };
});

// The test setup records invalidations instead of performing them; this test needs the real thing.
const { invalidateTags } = await vi.importActual<typeof import('../../lib/revalidate.ts')>('../../lib/revalidate.ts');
const today = todayIso();
const lngId = seedId('agreement', 'lng-supply-socar');
const pendingCargo = seedId('update', 'lng-cargo-2026-10-14');
const energy = { kind: 'sector' as const, id: seedId('sector', 'energy-infrastructure') };
const socar = { kind: 'party' as const, id: seedId('party', 'socar') };
const db = createPrismaClient(process.env.DATABASE_URL!);

/** Every public surface, read through the cached functions the pages and route handlers use. */
async function readSurfaces() {
  const list = await getAgreementList({}, { page: 1 });
  const csv = await (await getAgreementsCsv(new Request('http://localhost/api/v1/agreements.csv'))).text();
  return {
    dashboard: await getSummary({ kind: 'all' }, null, today),
    groups: await getGroupScores(null, today),
    list,
    search: await getAgreementList({ q: 'Port Qasim' }, { page: 1 }),
    detail: (await getAgreementDetail('lng-supply-socar', null, today))!,
    sector: await getSummary(energy, null, today),
    party: await getSummary(socar, null, today),
    feed: await getLatestUpdates({ kind: 'all' }, null, 50),
    milestoneCsv: await getMilestoneExport({}, undefined),
    agreementCsv: csv,
    scoresApi: await (await getScores(new Request('http://localhost/api/v1/scores'))).json(),
    scoresToday: await getScoresAsOf(today),
  };
}

const lngScore = (items: { slug: string; score: number }[]) => items.find((item) => item.slug === 'lng-supply-socar')!.score;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  // The cache serves only once it receives invalidations.
  await startCacheInvalidation();
});

afterAll(async () => {
  await stopCacheInvalidation();
  await db.$disconnect();
});

describe('after an agreement changes and its tags are invalidated', () => {
  it('every public surface shows the change, and other agreements stay cached', async () => {
    const before = await readSurfaces();
    await getAgreementDetail('defence-cooperation-mou-2020', null, today);
    const cachedEntries = cacheStats().entries;

    // The write path: verify the pending LNG cargo, recompute, invalidate.
    await db.$transaction(async (tx) => {
      await tx.progressUpdate.update({
        where: { id: pendingCargo },
        data: { reviewState: 'VERIFIED', reviewedAt: new Date(), reviewerId: seedId('user', 'az') },
      });
      await lockAgreement(tx, lngId);
      await recomputeScores(tx, [lngId]);
    });
    // Nothing is read fresh before the invalidation: the cache really is in use.
    expect((await readSurfaces()).detail.updates.map((update) => update.id)).not.toContain(pendingCargo);
    expect(cacheStats().entries).toBe(cachedEntries);

    await invalidateTags(tagsForAgreementChange(lngId));
    const after = await readSurfaces();

    expect(after.detail.updates.map((update) => update.id)).toContain(pendingCargo);
    expect(after.detail.score).toBeGreaterThan(before.detail.score);
    expect(after.dashboard.latestUpdates[0]!.id).toBe(pendingCargo);
    expect(after.dashboard.score).not.toBe(before.dashboard.score);
    expect(after.sector.latestUpdates[0]!.id).toBe(pendingCargo);
    expect(after.party.latestUpdates[0]!.id).toBe(pendingCargo);
    expect(after.feed[0]!.id).toBe(pendingCargo);
    expect(lngScore(after.list.items)).toBeGreaterThan(lngScore(before.list.items));
    expect(lngScore(after.search.items)).toBe(lngScore(after.list.items));
    const energyScore = (groups: typeof before.groups) => groups.sectors.find((sector) => sector.slug === 'energy-infrastructure')!.score;
    expect(energyScore(after.groups)).toBeGreaterThan(energyScore(before.groups)!);
    const cargoRow = (rows: typeof before.milestoneCsv) =>
      rows.find((row) => row.kind === 'RECURRING' && row.agreementSlug === 'lng-supply-socar')!;
    expect(cargoRow(after.milestoneCsv).score).toBeGreaterThan(cargoRow(before.milestoneCsv).score);
    expect(after.agreementCsv).not.toBe(before.agreementCsv);
    expect(after.scoresApi.data.overall.score).not.toBe(before.scoresApi.data.overall.score);
    expect(after.scoresToday.agreements[lngId]).toBeGreaterThan(before.scoresToday.agreements[lngId]!);

    // Exactly the affected tags: another agreement's page was not invalidated.
    const defenceKey = JSON.stringify([['public-agreement-detail', seedId('agreement', 'defence-cooperation-mou-2020'), '', today], []]);
    expect(await new MemoryCacheHandler().get(defenceKey)).not.toBeNull();
  });
});

describe('after a sector is renamed and the taxonomy tags are invalidated', () => {
  it('the lists, the agreement pages and the scores show the new name', async () => {
    await readSurfaces();
    const ids = (await db.agreementSector.findMany({ where: { sectorId: energy.id }, select: { agreementId: true } })).map(
      (row) => row.agreementId,
    );
    await db.sector.update({ where: { id: energy.id }, data: { name: 'Energy, Oil & Gas' } });
    await invalidateTags(tagsForTaxonomyChange(ids));
    const after = await readSurfaces();
    expect((await getSectors()).find((sector) => sector.id === energy.id)!.name).toBe('Energy, Oil & Gas');
    expect(after.detail.sectors[0]!.name).toBe('Energy, Oil & Gas');
    expect(after.list.items.find((item) => item.slug === 'lng-supply-socar')!.sectors[0]!.name).toBe('Energy, Oil & Gas');
    expect(after.groups.sectors.find((sector) => sector.slug === 'energy-infrastructure')!.name).toBe('Energy, Oil & Gas');
  });
});

describe('after an instance setting changes and its tag is invalidated', () => {
  it('the demonstration-data banner follows the setting', async () => {
    expect(await getIsDemoData()).toBe(true);
    await db.setting.update({ where: { key: 'demo_data' }, data: { value: false } });
    expect(await getIsDemoData()).toBe(true);
    await invalidateTags(tagsForInstanceChange());
    expect(await getIsDemoData()).toBe(false);
  });
});
