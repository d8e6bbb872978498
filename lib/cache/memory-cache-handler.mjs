// Next.js cache handler (next.config.js `cacheHandler`) that keeps cached public reads in this
// process's memory only. The default handler also writes entries to .next/cache, but remembers tag
// invalidations only in memory: after a restart, or after the database was reseeded while the app was
// stopped, it would serve stale data indefinitely. Here a restart starts empty.
//
// Invalidating a tag removes every entry carrying it at once (the write paths always ask for
// immediate expiry). An entry stored shortly after one of its tags was invalidated may hold data read
// before that write committed, so it is trusted only once it has been recomputed later on.

/** Entries stored within this many milliseconds after an invalidation of one of their tags are recomputed. */
export const RACE_WINDOW_MS = 2000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function createStore(maxBytes) {
  /** entries: key → { value, lastModified, tags, size }, least recently used first; invalidated: tag → time. */
  return { entries: new Map(), invalidated: new Map(), bytes: 0, maxBytes };
}

/**
 * Next.js makes a handler per request; they all share this store. It lives on globalThis because
 * Next.js loads this file in its own module graph, while lib/revalidate.ts (bundled with the app)
 * reaches the same store through `expireTags`.
 */
const SHARED = Symbol.for('ittifaq.cache-store');

function sharedStore(maxBytes) {
  return (globalThis[SHARED] ??= createStore(maxBytes ?? (Number(process.env.ITTIFAQ_CACHE_MAX_BYTES) || DEFAULT_MAX_BYTES)));
}

/**
 * Drops every shared entry carrying one of `tags`, straight away. The app calls this instead of
 * Next.js `revalidateTag`, which in a server action also re-renders the current page for the response.
 */
export function expireTags(tags, now = Date.now()) {
  expire(sharedStore(), typeof tags === 'string' ? [tags] : tags, now);
}

function expire(store, tags, now) {
  for (const tag of tags) store.invalidated.set(tag, now);
  for (const [key, entry] of store.entries) {
    if (entry.tags.some((tag) => tags.includes(tag))) remove(store, key);
  }
}

function remove(store, key) {
  const entry = store.entries.get(key);
  if (!entry) return;
  store.bytes -= entry.size;
  store.entries.delete(key);
}

function sizeOf(value) {
  const body = value?.data?.body;
  return typeof body === 'string' ? body.length : JSON.stringify(value ?? null).length;
}

export default class MemoryCacheHandler {
  #store;
  #now;

  /** Tests pass `isolated: true` for a store of their own. */
  constructor(options = {}) {
    this.#now = options.now ?? Date.now;
    this.#store = options.isolated ? createStore(options.maxBytes ?? DEFAULT_MAX_BYTES) : sharedStore(options.maxBytes);
  }

  async get(key) {
    const { entries, invalidated } = this.#store;
    const entry = entries.get(key);
    if (!entry) return null;
    const suspect = entry.tags.some((tag) => {
      const at = invalidated.get(tag);
      return at !== undefined && entry.lastModified - at < RACE_WINDOW_MS;
    });
    if (suspect) {
      this.#delete(key);
      return null;
    }
    entries.delete(key);
    entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, value, ctx = {}) {
    const store = this.#store;
    this.#delete(key);
    if (!value) return;
    const size = sizeOf(value);
    if (size > store.maxBytes) return;
    store.entries.set(key, { value, lastModified: this.#now(), tags: ctx.tags ?? [], size });
    store.bytes += size;
    for (const [oldest] of store.entries) {
      if (store.bytes <= store.maxBytes) break;
      this.#delete(oldest);
    }
  }

  async revalidateTag(tags) {
    expire(this.#store, typeof tags === 'string' ? [tags] : tags, this.#now());
  }

  resetRequestCache() {}

  #delete(key) {
    remove(this.#store, key);
  }
}
