import 'server-only';
import { startOfMonth, todayIso, toIsoDate, fromIsoDate } from '../dates.ts';
import { tagsForAgreementChange } from '../cache-tags.ts';
import { getDb } from '../db.ts';
import { invalidateTags } from '../revalidate.ts';
import { lockAgreement, recomputeAgreement } from './scores.ts';

/**
 * Scores depend on the date as well as on updates: a recurring obligation's compliance falls when a
 * period passes without a delivery. Stored scores are therefore refreshed once a day, bringing the
 * monthly history up to the current month, and the public cache of each refreshed agreement is
 * expired. Returns how many agreements were refreshed.
 */
export async function refreshStaleScores(today = todayIso()): Promise<number> {
  const stale = await getDb().agreement.findMany({
    where: { archivedAt: null, OR: [{ scoredAt: null }, { scoredAt: { lt: fromIsoDate(today) } }] },
    select: { id: true, scoredAt: true },
  });
  for (const agreement of stale) {
    await getDb().$transaction(async (tx) => {
      await lockAgreement(tx, agreement.id);
      const fromMonth = agreement.scoredAt ? startOfMonth(toIsoDate(agreement.scoredAt)) : undefined;
      await recomputeAgreement(tx, agreement.id, { today, fromMonth });
    });
    invalidateTags(tagsForAgreementChange(agreement.id));
  }
  return stale.length;
}
