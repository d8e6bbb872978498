import 'server-only';
import { revalidateTag } from 'next/cache';

/**
 * Expires public cache entries immediately (not stale-while-revalidate), so the next request after a
 * write sees it. Call from server actions and route handlers after the transaction commits.
 */
export function invalidateTags(tags: readonly string[]) {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}
