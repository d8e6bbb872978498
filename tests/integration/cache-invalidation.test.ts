// Cache invalidation between instances through PostgreSQL LISTEN/NOTIFY: two stores, each connected as
// an instance's is, on the test database. What one instance's write invalidates leaves the other's store
// within a second; a store that lost its connection serves nothing until it listens again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publicAgreementTag, PUBLIC_AGREEMENTS_TAG, PUBLIC_TAXONOMY_TAG } from '../../lib/cache-tags.ts';
import { CacheStore } from '../../lib/cache/cache-store.mjs';
import { connectStore, stopCacheInvalidation } from '../../lib/cache/memory-cache-handler.mjs';
import { withClient } from '../support/db.ts';

// The test setup records invalidations instead of performing them; this test needs the real thing.
const { invalidateTags } = await vi.importActual<typeof import('../../lib/revalidate.ts')>('../../lib/revalidate.ts');

const instances = [0, 1].map(() => {
  const store = new CacheStore({ trusted: false });
  return { store, connection: connectStore(store, process.env.DATABASE_URL!) };
});
const other = instances[1]!.store;

/** What a cached read does: look up, and on a miss store what it computed. */
function fill(store: CacheStore, key: string, tags: string[]) {
  if (!store.get(key)) store.set(key, { body: `value of ${key}` }, tags);
  expect(store.get(key), `${key} is cached`).not.toBeNull();
}

/** Milliseconds until `condition` holds, or a failure after `limit`. */
async function within(limit: number, condition: () => boolean): Promise<number> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limit) throw new Error(`not within ${limit} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - start;
}

beforeAll(async () => {
  await Promise.all(instances.map(({ connection }) => connection.ready));
});

afterAll(async () => {
  await Promise.all(instances.map(({ connection }) => connection.close()));
  // invalidateTags expires this process's own store too, which listens as well.
  await stopCacheInvalidation();
});

describe('an invalidation on one instance', () => {
  it('empties the matching entries of every other instance within a second, and only those', async () => {
    fill(other, 'detail', [publicAgreementTag('a')]);
    fill(other, 'other detail', [publicAgreementTag('b')]);
    await invalidateTags([publicAgreementTag('a')]);
    expect(await within(1_000, () => other.get('detail') === null)).toBeLessThan(1_000);
    expect(other.get('other detail')).not.toBeNull();
  });

  it('reaches every tag of a large change, sent in notifications PostgreSQL accepts', async () => {
    const tags = [PUBLIC_AGREEMENTS_TAG, ...Array.from({ length: 1_000 }, (_, index) => publicAgreementTag(`agreement-${index}`))];
    fill(other, 'first', [tags[1]!]);
    fill(other, 'last', [tags.at(-1)!]);
    fill(other, 'taxonomy', [PUBLIC_TAXONOMY_TAG]);
    await invalidateTags(tags);
    await within(1_000, () => other.get('first') === null && other.get('last') === null);
    expect(other.get('taxonomy')).not.toBeNull();
  });
});

describe('an instance whose connection is lost', () => {
  it('drops everything and serves nothing until it listens again, then follows invalidations as before', async () => {
    fill(other, 'list', [PUBLIC_AGREEMENTS_TAG]);
    await withClient((client) =>
      client.query(`select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'ittifaq-cache-invalidation' and datname = current_database()`),
    );
    await within(2_000, () => !other.trusted);
    expect(other.stats.entries).toBe(0);
    expect(other.get('list')).toBeNull();
    await within(10_000, () => other.trusted);
    fill(other, 'list', [PUBLIC_AGREEMENTS_TAG]);
    await invalidateTags([PUBLIC_AGREEMENTS_TAG]);
    await within(1_000, () => other.get('list') === null);
  });
});
