// The entries behind the Next.js cache handler: an LRU bounded in bytes, each entry living at most
// `ttlMs`, and invalidated by tag. Plain JavaScript, because Next.js loads the handler uncompiled.
//
// The store serves nothing while it is not `trusted`: it is trusted only while this instance receives
// every other instance's invalidations (lib/cache/invalidation-listener.mjs), since a store that may
// have missed one may hold data older than a write. A store without a listener (tests) is trusted from
// the start.
import { LRUCache } from 'lru-cache';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_TTL_MS = 60_000;
/** Recent invalidations kept for `set` to check; older misses are not stored (see `set`). */
const RECENT_INVALIDATIONS = 1_000;
/** Misses remembered until their value is stored; values computed from a forgotten miss are not stored. */
const PENDING_MISSES = 10_000;
const EVERYTHING = Symbol('everything');

/** Approximate bytes an entry holds: its strings (as UTF-8) and binary data, plus the key. */
export function sizeOf(key, value) {
  let bytes = Buffer.byteLength(key);
  const pending = [value];
  while (pending.length) {
    const item = pending.pop();
    if (typeof item === 'string') bytes += Buffer.byteLength(item);
    else if (ArrayBuffer.isView(item)) bytes += item.byteLength;
    else if (item instanceof Map) pending.push(...item.keys(), ...item.values());
    else if (item && typeof item === 'object') pending.push(...Object.keys(item), ...Object.values(item));
    else bytes += 8;
  }
  return bytes;
}

export class CacheStore {
  #entries;
  #maxBytes;
  /** key → the invalidation count when its miss was seen. */
  #misses = new LRUCache({ max: PENDING_MISSES });
  /** The last invalidations, oldest first: { seq, tags: Set | EVERYTHING }. */
  #recent = [];
  #seq = 0;
  #now;

  /** @param {{ maxBytes?: number, ttlMs?: number, trusted?: boolean, now?: () => number }} options */
  constructor({ maxBytes = DEFAULT_MAX_BYTES, ttlMs = DEFAULT_TTL_MS, trusted = true, now = Date.now } = {}) {
    this.#maxBytes = maxBytes;
    this.#now = now;
    this.trusted = trusted;
    this.#entries = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (entry) => entry.size,
      ttl: ttlMs,
      // The lifetime runs from when the value was stored, not from its last use.
      updateAgeOnGet: false,
      // Read the clock on every check (it is cheap) instead of a copy kept for a millisecond.
      ttlResolution: 0,
      perf: { now },
    });
  }

  /** The entry for `key`, or null; a miss is remembered, to check the value stored for it later. */
  get(key) {
    if (!this.trusted) return null;
    const entry = this.#entries.get(key);
    if (entry) return entry;
    if (!this.#misses.has(key)) this.#misses.set(key, this.#seq);
    return null;
  }

  /**
   * Stores a value computed after a miss, unless one of its tags was invalidated since that miss: the
   * value may have been read before the write committed, and storing it would undo the invalidation.
   */
  set(key, value, tags) {
    const missedAt = this.#misses.get(key);
    this.#misses.delete(key);
    // A value refused here leaves what another request stored meanwhile: invalidations remove entries themselves.
    if (!this.trusted || value == null || missedAt === undefined) return;
    const oldestKnown = this.#recent.length ? this.#recent[0].seq - 1 : this.#seq;
    if (missedAt < oldestKnown) return;
    const stale = this.#recent.some(
      (event) => event.seq > missedAt && (event.tags === EVERYTHING || tags.some((tag) => event.tags.has(tag))),
    );
    if (stale) return;
    const size = sizeOf(key, value);
    if (size <= this.#maxBytes) this.#entries.set(key, { value, tags, size, lastModified: this.#now() });
  }

  /** Drops every entry carrying one of `tags`, and keeps values computed before from being stored. */
  expire(tags) {
    const wanted = new Set(tags);
    this.#remember(wanted);
    const doomed = [...this.#entries.entries()].filter(([, entry]) => entry.tags.some((tag) => wanted.has(tag)));
    for (const [key] of doomed) this.#entries.delete(key);
  }

  /** Drops everything, and keeps values computed before from being stored. */
  clear() {
    this.#remember(EVERYTHING);
    this.#entries.clear();
  }

  get stats() {
    return { entries: this.#entries.size, bytes: this.#entries.calculatedSize, maxBytes: this.#maxBytes, trusted: this.trusted };
  }

  #remember(tags) {
    this.#seq += 1;
    this.#recent.push({ seq: this.#seq, tags });
    if (this.#recent.length > RECENT_INVALIDATIONS) this.#recent.shift();
  }
}
