// Types for the cache handler, which is plain JavaScript because Next.js loads it without compiling.
export declare const RACE_WINDOW_MS: number;
export declare function expireTags(tags: string | readonly string[], now?: number): void;

export default class MemoryCacheHandler {
  constructor(options?: { isolated?: boolean; maxBytes?: number; now?: () => number });
  get(key: string): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[] }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
