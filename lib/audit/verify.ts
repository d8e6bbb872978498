import type { Tx } from '../db-client.ts';
import type { AuditEvent, Prisma } from '../generated/prisma/client.ts';
import { verifyChain, type ChainVerdict } from './chain.ts';

/**
 * Verifies the stored chain from the first event to the last, reading it in batches of
 * `batchSize` so memory stays flat however long the trail grows.
 */
export async function verifyStoredChain(db: Tx, batchSize = 2_000): Promise<ChainVerdict> {
  let lastHash: string | null = null;
  let checked = 0;
  let afterId: bigint | null = null;
  for (;;) {
    const where: Prisma.AuditEventWhereInput = afterId === null ? {} : { id: { gt: afterId } };
    const batch: AuditEvent[] = await db.auditEvent.findMany({
      where,
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (batch.length === 0) return { ok: true, checked };
    const verdict = verifyChain(batch, lastHash, checked);
    if (!verdict.ok) return { ok: false, checked: verdict.checked, brokenAtId: verdict.brokenAtId, reason: verdict.reason };
    ({ lastHash, checked } = verdict);
    afterId = batch.at(-1)!.id;
  }
}

/** One line for people: what `npm run audit:verify` prints and the admin page shows. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok) return `OK: ${verdict.checked} events`;
  const why =
    verdict.reason === 'content'
      ? 'its content does not match its hash (altered outside the app)'
      : 'it does not link to the event before it (an event was removed or inserted outside the app)';
  return `BROKEN at event ${verdict.brokenAtId}: ${why}; ${verdict.checked} events before it verified`;
}
