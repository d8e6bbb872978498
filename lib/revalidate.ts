import 'server-only';
import { CHANNEL, invalidationPayloads } from './cache/invalidation-listener.mjs';
import { expireTags } from './cache/memory-cache-handler.mjs';
import { getDb } from './db.ts';

/**
 * Expires public cache entries on every instance, so the next request anywhere sees the write: this
 * instance's at once, the others' when PostgreSQL delivers the notification (milliseconds). Call from
 * server actions and route handlers after the transaction commits; the entries also expire by
 * themselves within a minute, which bounds the damage should the notification be lost (this process
 * dying between the commit and the NOTIFY).
 *
 * The NOTIFY is sent after the commit, not inside the write's transaction (where PostgreSQL would
 * deliver it only on commit, and never for a rollback): inside, every notifying commit in the database
 * takes one global lock on the notification queue while it commits, which would serialise the writes'
 * commits; after the commit it costs one more short statement and leaves the transactions as they are.
 *
 * This deliberately bypasses Next.js `revalidateTag`: in a server action that also re-renders the
 * current page into the response, which the review form does not need and which cost more than the
 * review itself. Actions whose page must show the change call `refresh()` or `redirect()`.
 */
export async function invalidateTags(tags: readonly string[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  expireTags(unique);
  try {
    await getDb().$executeRaw`select pg_notify(${CHANNEL}, payload) from unnest(${invalidationPayloads(unique)}::text[]) as payload`;
  } catch (error) {
    // The write is committed: report it as done. The other instances' copies expire within a minute.
    console.error('ittifaq: could not tell the other instances to drop their cached copies', error);
  }
}
