// Next.js cache handler (next.config.js `cacheHandler`), behind `unstable_cache` (lib/data/public-cache.ts):
// each instance keeps its entries in its own memory (lib/cache/cache-store.mjs: bounded in bytes, every
// entry living a minute at most), and every instance drops the entries a write invalidated within
// milliseconds, wherever the write happened (lib/cache/invalidation-listener.mjs). Nothing is written to
// .next/cache: after a restart, or a database restored while the app was stopped, a disk copy would be
// served stale.
import { CacheStore, DEFAULT_MAX_BYTES, DEFAULT_TTL_MS } from './cache-store.mjs';
import { listenForInvalidations } from './invalidation-listener.mjs';

/**
 * Next.js loads this file in a module graph of its own, while the app (lib/revalidate.ts, the health
 * check) reaches the same store through the functions below: the one store of the process lives on
 * globalThis.
 */
const SHARED = Symbol.for('ittifaq.cache');

function maxBytesFromEnv() {
  const value = Number(process.env.ITTIFAQ_CACHE_MAX_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_MAX_BYTES;
}

/**
 * Makes `store` follow every instance's invalidations through the database at `url`: it is trusted
 * only while it listens, and starts over empty whenever it (re)connects. `ready` resolves once it
 * first listens.
 */
export function connectStore(store, url) {
  let listening;
  const ready = new Promise((resolve) => (listening = resolve));
  let lostAt = null;
  const listener = listenForInvalidations({
    url,
    onInvalidate: (tags) => (tags ? store.expire(tags) : store.clear()),
    onUp: () => {
      // Whatever was invalidated while nobody listened is unknown.
      store.clear();
      store.trusted = true;
      if (lostAt !== null) console.log(`ittifaq: receiving cache invalidations again after ${Date.now() - lostAt} ms`);
      lostAt = null;
      listening();
    },
    onDown: (error) => {
      store.trusted = false;
      store.clear();
      if (lostAt === null)
        console.error(`ittifaq: not receiving cache invalidations (${error.message}); serving uncached until reconnected`);
      lostAt ??= Date.now();
    },
  });
  return { ready, close: () => listener.close() };
}

/**
 * The process's store, made on first use. With a database to listen to, it serves entries only while
 * it receives every invalidation; without one (the build), never.
 */
function shared() {
  if (!globalThis[SHARED]) {
    const store = new CacheStore({ maxBytes: maxBytesFromEnv(), ttlMs: DEFAULT_TTL_MS, trusted: false });
    const url = process.env.DATABASE_URL;
    globalThis[SHARED] = { store, connection: url ? connectStore(store, url) : null };
  }
  return globalThis[SHARED];
}

/** Connects the process's store to the other instances' invalidations; resolves once it listens. */
export async function startCacheInvalidation() {
  await shared().connection?.ready;
}

/** Stops listening and forgets the store (tests, shutdown). */
export async function stopCacheInvalidation() {
  const current = globalThis[SHARED];
  globalThis[SHARED] = undefined;
  await current?.connection?.close();
}

/** Drops this process's entries carrying one of `tags` at once (lib/revalidate.ts also tells the others). */
export function expireTags(tags) {
  shared().store.expire(typeof tags === 'string' ? [tags] : tags);
}

/** What the process's cache holds, for the health check; nothing is started to answer. */
export function cacheStats() {
  const current = globalThis[SHARED];
  return current ? current.store.stats : { entries: 0, bytes: 0, maxBytes: maxBytesFromEnv(), trusted: false };
}

/** Tags of a value: given with it (`unstable_cache`), or in the headers of a cached page or route response. */
function tagsOf(value, ctx) {
  const header = value?.headers?.['x-next-cache-tags'];
  return [...(ctx?.tags ?? []), ...(typeof header === 'string' ? header.split(',') : [])];
}

export default class MemoryCacheHandler {
  #store;

  /** Next.js passes its own context; tests pass `{ store }`. */
  constructor(options = {}) {
    this.#store = options.store ?? shared().store;
  }

  async get(key) {
    const entry = this.#store.get(key);
    return entry ? { value: entry.value, lastModified: entry.lastModified } : null;
  }

  async set(key, value, ctx) {
    this.#store.set(key, value, tagsOf(value, ctx));
  }

  /** Next.js's revalidateTag lands here; the app invalidates through lib/revalidate.ts, which also tells the other instances. */
  async revalidateTag(tags) {
    this.#store.expire(typeof tags === 'string' ? [tags] : tags);
  }

  resetRequestCache() {}
}
