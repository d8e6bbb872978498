import 'server-only';
import { expireTags } from './cache/memory-cache-handler.mjs';

/**
 * Expires public cache entries immediately (not stale-while-revalidate), so the next request after a
 * write sees it. Call from server actions and route handlers after the transaction commits.
 *
 * This deliberately bypasses Next.js `revalidateTag`: in a server action that also re-renders the
 * current page into the response, which the review form does not need and which cost more than the
 * review itself. Actions whose page must show the change call `refresh()` or `redirect()`.
 */
export function invalidateTags(tags: readonly string[]) {
  expireTags([...new Set(tags)]);
  // The production server's whole-page cache (scripts/lib/page-cache.ts) reads this counter.
  const shared = globalThis as { [key: symbol]: number | undefined };
  const version = Symbol.for('ittifaq.public-version');
  shared[version] = (shared[version] ?? 0) + 1;
}
