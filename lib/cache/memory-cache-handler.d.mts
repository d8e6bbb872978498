// Types for the cache handler, which is plain JavaScript because Next.js loads it without compiling.
import type { CacheStore, CacheStats } from './cache-store.mjs';

export declare function connectStore(store: CacheStore, url: string): { ready: Promise<void>; close(): Promise<void> };
export declare function startCacheInvalidation(): Promise<void>;
export declare function stopCacheInvalidation(): Promise<void>;
export declare function expireTags(tags: string | readonly string[]): void;
export declare function cacheStats(): CacheStats;

export default class MemoryCacheHandler {
  constructor(options?: { store?: CacheStore });
  get(key: string): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
