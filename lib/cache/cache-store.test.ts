import { describe, expect, it } from 'vitest';
import { CacheStore } from './cache-store.mjs';
import MemoryCacheHandler from './memory-cache-handler.mjs';

const body = (text: string) => ({ kind: 'FETCH', data: { headers: {}, body: text, status: 200, url: '' }, revalidate: 31536000 });

function storeAt(options: { maxBytes?: number; ttlMs?: number; trusted?: boolean } = {}) {
  const clock = { now: 1_000_000 };
  return { clock, store: new CacheStore({ maxBytes: 10_000, ttlMs: 60_000, ...options, now: () => clock.now }) };
}

/** What a cached read does: look up, and on a miss compute and store. */
function fill(store: CacheStore, key: string, value: unknown, tags: string[]) {
  if (store.get(key)) return;
  store.set(key, value, tags);
}

describe('the cache store', () => {
  it('returns what was stored until a tag of the entry is invalidated, and keeps the others', () => {
    const { store } = storeAt();
    fill(store, 'list', body('[1]'), ['public:agreements']);
    fill(store, 'detail', body('{"a":1}'), ['public:agreement:a']);
    expect(store.get('list')?.value).toEqual(body('[1]'));
    store.expire(['public:agreements']);
    expect(store.get('list')).toBeNull();
    expect(store.get('detail')?.value).toEqual(body('{"a":1}'));
  });

  it('does not store a value computed across an invalidation of its tags, which may predate the write', () => {
    const { store } = storeAt();
    expect(store.get('list')).toBeNull();
    expect(store.get('other')).toBeNull();
    store.expire(['public:agreements']);
    store.set('list', body('[read before the write]'), ['public:agreements']);
    store.set('other', body('[unaffected]'), ['public:taxonomy']);
    expect(store.get('list')).toBeNull();
    expect(store.get('other')?.value).toEqual(body('[unaffected]'));
    store.set('list', body('[read after the write]'), ['public:agreements']);
    expect(store.get('list')?.value).toEqual(body('[read after the write]'));
  });

  it('keeps the value of the first of two requests that missed together', () => {
    const { store } = storeAt();
    expect(store.get('list')).toBeNull();
    expect(store.get('list')).toBeNull();
    store.set('list', body('[first]'), ['public:agreements']);
    store.set('list', body('[second]'), ['public:agreements']);
    expect(store.get('list')?.value).toEqual(body('[first]'));
  });

  it('stores nothing that was not asked for first, and nothing across a clear', () => {
    const { store } = storeAt();
    store.set('unasked', body('x'), []);
    expect(store.stats.entries).toBe(0);
    expect(store.get('asked')).toBeNull();
    store.clear();
    store.set('asked', body('x'), []);
    expect(store.stats.entries).toBe(0);
  });

  it('lets every entry live a bounded time', () => {
    const { clock, store } = storeAt({ ttlMs: 60_000 });
    fill(store, 'list', body('[1]'), []);
    clock.now += 59_000;
    expect(store.get('list')).not.toBeNull();
    clock.now += 2_000;
    expect(store.get('list')).toBeNull();
  });

  it('stays within its byte bound however many distinct keys come, evicting the least recently used', () => {
    const { store } = storeAt({ maxBytes: 10_000 });
    fill(store, 'a', body('x'.repeat(3_000)), []);
    fill(store, 'b', body('y'.repeat(3_000)), []);
    store.get('a');
    fill(store, 'c', body('z'.repeat(3_000)), []);
    fill(store, 'd', body('w'.repeat(3_000)), []);
    expect(store.get('a')).not.toBeNull();
    expect(store.get('b')).toBeNull();
    for (let index = 0; index < 2_000; index += 1) fill(store, `/agreements?q=${index}`, body(`result ${index} `.repeat(20)), []);
    expect(store.stats.bytes).toBeLessThanOrEqual(10_000);
    expect(store.stats.entries).toBeGreaterThan(10);
  });

  it('serves and stores nothing while it is not trusted (it may have missed invalidations)', () => {
    const { store } = storeAt({ trusted: false });
    fill(store, 'list', body('[1]'), []);
    expect(store.stats.entries).toBe(0);
    store.trusted = true;
    fill(store, 'list', body('[1]'), []);
    expect(store.get('list')).not.toBeNull();
  });
});

describe('the Next.js cache handler', () => {
  it('tags an entry with the tags given with it and those in a cached response’s headers', async () => {
    const { store } = storeAt();
    const handler = new MemoryCacheHandler({ store });
    const page = { kind: 'APP_PAGE', html: '<p>hi</p>', headers: { 'x-next-cache-tags': 'public:agreement:a,_N_T_/agreements/a' } };
    expect(await handler.get('data')).toBeNull();
    expect(await handler.get('page')).toBeNull();
    await handler.set('data', body('{}'), { tags: ['public:taxonomy'] });
    await handler.set('page', page, {});
    expect((await handler.get('page'))?.value).toEqual(page);
    await handler.revalidateTag('public:agreement:a');
    expect(await handler.get('page')).toBeNull();
    expect(await handler.get('data')).not.toBeNull();
    await handler.revalidateTag(['public:taxonomy']);
    expect(await handler.get('data')).toBeNull();
  });
});
