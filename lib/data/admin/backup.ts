import 'server-only';
import { authorizeUser } from '../../auth/authorize.ts';
import type { Viewer } from '../../auth/session.ts';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, orderBySql, rowJsonSql } from '../../backup/format.ts';
import type { Tx } from '../../db-client.ts';
import { getDb } from '../../db.ts';

const BATCH = 500;

/**
 * A byte stream written by `run` inside one read-only, repeatable-read transaction, so every table
 * comes from the same snapshot. The writer waits while the client is behind (backpressure), and a
 * client that goes away ends the transaction.
 */
function streamFromTransaction(run: (tx: Tx, write: (text: string) => Promise<void>) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let resume: (() => void) | null = null;
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const write = async (text: string) => {
          if (cancelled) throw new Error('backup download cancelled');
          controller.enqueue(encoder.encode(text));
          if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (resume = resolve));
        };
        getDb()
          .$transaction(
            async (tx) => {
              await tx.$executeRawUnsafe('set transaction read only');
              await run(tx, write);
            },
            { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: 30 * 60_000 },
          )
          .then(
            () => controller.close(),
            (error: unknown) => {
              if (!cancelled) controller.error(error);
            },
          );
      },
      pull() {
        resume?.();
        resume = null;
      },
      cancel() {
        cancelled = true;
        resume?.();
      },
    },
    { highWaterMark: 16 },
  );
}

/** The whole database as one JSON document (see lib/backup/format.ts for what is left out). */
export async function openBackupStream(viewer: Viewer): Promise<ReadableStream<Uint8Array>> {
  await authorizeUser(viewer, 'data:export');
  return streamFromTransaction(async (tx, write) => {
    await write(
      `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())},"tables":{`,
    );
    for (const [index, table] of BACKUP_TABLES.entries()) {
      await write(`${index ? ',' : ''}${JSON.stringify(table.name)}:[`);
      // Table names and columns come from the fixed list above, never from input.
      await tx.$executeRawUnsafe(
        `declare backup_rows no scroll cursor for select ${rowJsonSql(table)} as row from "${table.name}" t order by ${orderBySql(table)}`,
      );
      let first = true;
      for (;;) {
        const rows = await tx.$queryRawUnsafe<{ row: string }[]>(`fetch ${BATCH} from backup_rows`);
        if (rows.length === 0) break;
        await write(`${first ? '' : ','}${rows.map((item) => item.row).join(',')}`);
        first = false;
      }
      await tx.$executeRawUnsafe('close backup_rows');
      await write(']');
    }
    await write('}}');
  });
}
