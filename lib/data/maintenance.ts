import 'server-only';
import { startOfMonth, todayIso, toIsoDate, fromIsoDate, type IsoDate } from '../dates.ts';
import { tagsForAgreementChange } from '../cache-tags.ts';
import { SCORE_REFRESH_LOCK } from '../db-locks.ts';
import { getDb } from '../db.ts';
import { invalidateTags } from '../revalidate.ts';
import { lockAgreements, recomputeScores } from './scores.ts';
import { writeTransaction } from './write-transaction.ts';

/** Agreements per transaction: short enough not to hold up reviews of them for long. */
const BATCH = 100;

/**
 * Runs `job` unless another instance is running it: the lock is a transaction-level advisory lock,
 * held by a transaction that stays open (idle) while the job works on other connections, and
 * released when it ends, also when the instance dies mid-job. Returns null when skipped.
 */
async function onceInCluster<T>(lockKey: number, job: () => Promise<T>): Promise<T | null> {
  return getDb().$transaction(
    async (lock) => {
      const [row] = await lock.$queryRaw<{ locked: boolean }[]>`select pg_try_advisory_xact_lock(${lockKey}::bigint) as locked`;
      return row?.locked ? job() : null;
    },
    { maxWait: 15_000, timeout: 50 * 60_000 },
  );
}

/**
 * Scores depend on the date as well as on updates: a recurring obligation's compliance falls when a
 * period passes without a delivery. Stored scores are therefore refreshed once a day, bringing the
 * monthly history up to the current month, and the public caches of the refreshed agreements are
 * expired on every instance. Every instance asks hourly; one at a time runs it, and what another
 * already refreshed today is not stale any more. Returns how many agreements were refreshed, or null
 * when another instance was running the refresh.
 */
export async function refreshStaleScores(today: IsoDate = todayIso()): Promise<number | null> {
  return onceInCluster(SCORE_REFRESH_LOCK, async () => {
    const stale = await getDb().agreement.findMany({
      where: { archivedAt: null, OR: [{ scoredAt: null }, { scoredAt: { lt: fromIsoDate(today) } }] },
      select: { id: true, scoredAt: true },
      orderBy: { id: 'asc' },
    });
    for (let start = 0; start < stale.length; start += BATCH) {
      const batch = stale.slice(start, start + BATCH);
      const ids = batch.map((agreement) => agreement.id);
      // The month each was last scored in, and everything after it, may have changed since.
      const fromMonth = new Map(batch.flatMap((a) => (a.scoredAt ? [[a.id, startOfMonth(toIsoDate(a.scoredAt))] as const] : [])));
      await writeTransaction(async (tx) => {
        await lockAgreements(tx, ids);
        await recomputeScores(tx, ids, { today, fromMonth, searchText: 'keep' });
      });
      await invalidateTags(ids.flatMap(tagsForAgreementChange));
    }
    return stale.length;
  });
}
