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

function sizeOf(value) {
  const body = value?.data?.body;
  return typeof body === 'string' ? body.length : JSON.stringify(value ?? null).length;
}

export default class MemoryCacheHandler {
  /** key → { value, lastModified, tags, size }; Map order is least recently used first. */
  #entries = new Map();
  /** tag → time of its latest invalidation. */
  #invalidated = new Map();
  #bytes = 0;
  #maxBytes;
  #now;

  constructor(options = {}) {
    this.#maxBytes = Number(process.env.ITTIFAQ_CACHE_MAX_BYTES) || options.maxBytes || DEFAULT_MAX_BYTES;
    this.#now = options.now ?? Date.now;
  }

  async get(key) {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    const suspect = entry.tags.some((tag) => {
      const at = this.#invalidated.get(tag);
      return at !== undefined && entry.lastModified - at < RACE_WINDOW_MS;
    });
    if (suspect) {
      this.#delete(key);
      return null;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  async set(key, value, ctx = {}) {
    this.#delete(key);
    if (!value) return;
    const size = sizeOf(value);
    if (size > this.#maxBytes) return;
    this.#entries.set(key, { value, lastModified: this.#now(), tags: ctx.tags ?? [], size });
    this.#bytes += size;
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest);
    }
  }

  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    const now = this.#now();
    for (const tag of list) this.#invalidated.set(tag, now);
    for (const [key, entry] of this.#entries) {
      if (entry.tags.some((tag) => list.includes(tag))) this.#delete(key);
    }
  }

  resetRequestCache() {}

  #delete(key) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#bytes -= entry.size;
    this.#entries.delete(key);
  }
}
