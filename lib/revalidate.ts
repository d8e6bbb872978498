import 'server-only';
import { revalidateTag } from 'next/cache';

/**
 * Expires public cache entries immediately (not stale-while-revalidate), so the next request after a
 * write sees it. Call from server actions and route handlers after the transaction commits.
 */
export function invalidateTags(tags: readonly string[]) {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  // The production server's whole-page cache (scripts/lib/page-cache.ts) reads this counter.
  const shared = globalThis as { [key: symbol]: number | undefined };
  const version = Symbol.for('ittifaq.public-version');
  shared[version] = (shared[version] ?? 0) + 1;
}
