// The rules restore checks a backup against (lib/backup/tables.ts) describe the migrated database:
// every table, column, nullability, enum value, foreign key and unique key. A migration that changes
// any of them fails here until the rules follow.
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, SECRET_TABLES } from '../../lib/backup/format.ts';
import { TABLE_RULES, type BackupTableName, type UniqueKey } from '../../lib/backup/tables.ts';
import { withClient } from '../support/db.ts';

interface Column {
  table: string;
  column: string;
  nullable: boolean;
  enumLabels: string[] | null;
}

let columns: Column[] = [];
let foreignKeys: string[] = [];
let uniqueKeys: string[] = [];

const secretColumns = (table: string) => BACKUP_TABLES.find((entry) => entry.name === table)?.secretColumns ?? [];
const tables = Object.keys(TABLE_RULES) as BackupTableName[];

beforeAll(async () => {
  await withClient(async (client) => {
    ({ rows: columns } = await client.query<Column>(`
      select c.table_name as table, c.column_name as column, c.is_nullable = 'YES' as nullable,
        (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_type t join pg_enum e on e.enumtypid = t.oid
         where t.typname = c.udt_name) as "enumLabels"
      from information_schema.columns c where c.table_schema = 'public' order by c.table_name, c.ordinal_position`));
    const fks = await client.query<{ key: string }>(`
      select format('%s.%s -> %s', src.relname, a.attname, dst.relname) as key
      from pg_constraint k
        join pg_class src on src.oid = k.conrelid join pg_class dst on dst.oid = k.confrelid
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      where k.contype = 'f' and src.relnamespace = 'public'::regnamespace order by 1`);
    foreignKeys = fks.rows.map((row) => row.key);
    const uniques = await client.query<{ key: string }>(`
      select format('%s(%s)%s', t.relname,
          (select string_agg(a.attname, ',' order by k.ord) from unnest(i.indkey) with ordinality as k(attnum, ord)
           join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum),
          case when i.indpred is null then '' else ' where ' || pg_get_expr(i.indpred, t.oid) end) as key
      from pg_index i join pg_class t on t.oid = i.indrelid
      where i.indisunique and t.relnamespace = 'public'::regnamespace order by 1`);
    uniqueKeys = uniques.rows.map((row) => row.key);
  });
});

describe('the rules a backup is checked against', () => {
  it('cover every table of the database but the migration history, the chain head and the secret tables', () => {
    const inDatabase = [...new Set(columns.map((column) => column.table))].filter(
      (table) => !['_prisma_migrations', 'audit_chain_head', ...SECRET_TABLES].includes(table),
    );
    expect([...tables].sort()).toEqual(inDatabase.sort());
    expect([...tables].sort()).toEqual(BACKUP_TABLES.map((table) => table.name).sort());
  });

  it('name exactly the columns of each table, secrets left out, with their nullability and enum values', () => {
    for (const table of tables) {
      const shape = TABLE_RULES[table].row.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
      const own = columns.filter((column) => column.table === table && !secretColumns(table).includes(column.column));
      expect(Object.keys(shape).sort(), table).toEqual(own.map((column) => column.column).sort());
      for (const column of own) {
        const schema = shape[column.column]!;
        expect(schema.safeParse(null).success, `${table}.${column.column} accepts null`).toBe(column.nullable);
        if (!column.enumLabels) continue;
        for (const label of column.enumLabels) expect(schema.safeParse(label).success, `${table}.${column.column}: ${label}`).toBe(true);
        expect(schema.safeParse('NOT_A_LABEL').success, `${table}.${column.column}`).toBe(false);
      }
    }
  });

  it('list every foreign key of the backup tables as a reference', () => {
    const listed = tables.flatMap((table) => TABLE_RULES[table].references.map((ref) => `${table}.${ref.column} -> ${ref.table}`));
    const expected = foreignKeys.filter((key) => !SECRET_TABLES.some((secret) => key.startsWith(`${secret}.`)));
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('list every unique key of the backup tables: the primary key and the unique indexes', () => {
    const listed = BACKUP_TABLES.flatMap(({ name, key }) => [
      `${name}(${key.join(',')})`,
      ...(TABLE_RULES[name as BackupTableName].unique as UniqueKey[]).map(
        (unique) => `${name}(${unique.columns.join(',')})${unique.where === 'live' ? ' where (archived_at IS NULL)' : ''}`,
      ),
    ]);
    const expected = uniqueKeys.filter((key) => tables.some((table) => key.startsWith(`${table}(`)));
    expect(listed.sort()).toEqual(expected.sort());
  });
});
