// Restores a checked backup (lib/backup/validate.ts) into an empty database in one transaction that
// also applies the migrations: a refused restore leaves the database exactly as it was.
import type pg from 'pg';
import { verifyChain } from '../audit/chain.ts';
import { BACKUP_TABLES, BackupError, parentsFirst, type BackupRow } from './format.ts';
import type { BackupRows, BackupTableName } from './tables.ts';

const CHUNK = 1_000;
/** The key Prisma's schema engine locks while it migrates, so no instance migrates meanwhile. */

async function assertEmpty(client: pg.Client) {
  const { rows } = await client.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' and tablename not in ('_prisma_migrations', 'audit_chain_head') order by 1`,
  );
  for (const { tablename } of rows) {
    const { rowCount } = await client.query(`select 1 from "${tablename}" limit 1`);
    if (rowCount) throw new BackupError(`the database is not empty (table ${tablename} has rows); restore only into an empty database`);
  }
}

/** Moves identity and serial sequences past the restored ids, so new rows do not collide. */
async function resetSequences(client: pg.Client) {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`);
  for (const { table_name: table, column_name: column } of rows) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${column}") from "${table}"), 1), (select count(*) > 0 from "${table}"))`,
      [`public."${table}"`, column],
    );
  }
}

/** The restored chain, read back as the app will read it: jsonb may store what the file held differently. */
async function verifyRestoredChain(client: pg.Client) {
  let lastHash: string | null = null;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const { rows } = await client.query(
      `select id, occurred_at, actor_id, action, entity_type, entity_id, before, after, ip, prev_hash, hash
       from audit_event where id > $1 order by id limit 2000`,
      [afterId],
    );
    if (rows.length === 0) return;
    const verdict = verifyChain(
      rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        ip: row.ip,
        prevHash: row.prev_hash,
        hash: row.hash,
      })),
      lastHash,
      checked,
    );
    if (!verdict.ok) throw new BackupError(`audit_event id ${verdict.brokenAtId}: the audit chain does not verify once stored`);
    ({ lastHash, checked } = verdict);
    afterId = Number(rows.at(-1)!.id);
  }
}

/** A database error as one line that names the table, never a stack trace. */
function describeDatabaseError(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  const failure = error as { message?: string; table?: string; detail?: string };
  const where = failure.table ? `table ${failure.table}: ` : '';
  const detail = failure.detail ? ` (${failure.detail})` : '';
  const message = (failure.message ?? String(error)).split('\n')[0];
  return new BackupError(`the database refused the restore, nothing was written: ${where}${message}${detail}`);
}

export interface RestoreOptions {
  /** Applies the pending migrations on `client`, inside the transaction this function opened. */
  migrate(client: pg.Client): Promise<void>;
}

/**
 * Migrates the database and inserts every table's rows in foreign-key order, in one transaction.
 * Audit events go in exactly as exported, so the hash chain verifies afterwards; the chain head is
 * set from the last event. Returns the number of rows per table.
 */
export async function restoreBackup(client: pg.Client, rows: BackupRows, options: RestoreOptions): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await client.query('begin');
  try {
    await options.migrate(client);
    await assertEmpty(client);
    for (const table of BACKUP_TABLES) {
      const tableRows = rows[table.name as BackupTableName] as BackupRow[];
      const ordered = table.selfReference ? parentsFirst(tableRows, table.selfReference) : tableRows;
      for (let start = 0; start < ordered.length; start += CHUNK) {
        await client.query(`insert into "${table.name}" select * from json_populate_recordset(null::"${table.name}", $1::json)`, [
          JSON.stringify(ordered.slice(start, start + CHUNK)),
        ]);
      }
      counts[table.name] = tableRows.length;
    }
    await resetSequences(client);
    await client.query(`
      update audit_chain_head set prev_hash = last.prev_hash, hash = last.hash
      from (select prev_hash, hash from audit_event order by id desc limit 1) as last`);
    await verifyRestoredChain(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw describeDatabaseError(error);
  }
  return counts;
}
