// Types for the cache store (plain JavaScript, loaded by Next.js without compiling).
export declare const DEFAULT_MAX_BYTES: number;
export declare const DEFAULT_TTL_MS: number;
export declare function sizeOf(key: string, value: unknown): number;

export interface CacheStats {
  entries: number;
  bytes: number;
  maxBytes: number;
  trusted: boolean;
}

export interface CacheEntry {
  value: unknown;
  tags: readonly string[];
  size: number;
  lastModified: number;
}

export declare class CacheStore {
  constructor(options?: { maxBytes?: number; ttlMs?: number; trusted?: boolean; now?: () => number });
  trusted: boolean;
  get(key: string): CacheEntry | null;
  set(key: string, value: unknown, tags: readonly string[]): void;
  expire(tags: readonly string[]): void;
  clear(): void;
  readonly stats: CacheStats;
}
