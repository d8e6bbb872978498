// Restores a backup (lib/backup/format.ts) into an empty, migrated database in one transaction.
import type pg from 'pg';
import { BACKUP_TABLES, BackupError, parentsFirst, parseBackup } from './format.ts';

const CHUNK = 1_000;

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

/**
 * Inserts every table's rows in foreign-key order. Audit events go in exactly as exported, so the
 * hash chain verifies afterwards. Returns the number of rows per table.
 */
export async function restoreBackup(client: pg.Client, document: unknown): Promise<Record<string, number>> {
  const backup = parseBackup(document);
  await assertEmpty(client);
  const counts: Record<string, number> = {};
  await client.query('begin');
  try {
    for (const table of BACKUP_TABLES) {
      const rows = backup.tables[table.name]!;
      const ordered = table.selfReference ? parentsFirst(rows, table.selfReference) : rows;
      for (let start = 0; start < ordered.length; start += CHUNK) {
        await client.query(`insert into "${table.name}" select * from json_populate_recordset(null::"${table.name}", $1::json)`, [
          JSON.stringify(ordered.slice(start, start + CHUNK)),
        ]);
      }
      counts[table.name] = rows.length;
    }
    await resetSequences(client);
    // The chain continues from the last restored event.
    await client.query(`
      update audit_chain_head set prev_hash = last.prev_hash, hash = last.hash
      from (select prev_hash, hash from audit_event order by id desc limit 1) as last`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return counts;
}
