import { readFile } from 'node:fs/promises';
import { inject, afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/postgres.ts';
import { applyMigrations, diffSchemas, listMigrations, SCHEMA_PATH, SNAPSHOT_PATH } from '../../scripts/lib/schema-engine.ts';
import { MIGRATION_LOCK } from '../../lib/db-locks.ts';
import { withClient } from '../support/db.ts';

// Everything schema.prisma can express, read from the catalogs in a comparable form.
const CATALOG_QUERIES = {
  columns: `select table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
            from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'
            order by table_name, column_name`,
  constraints: `select c.conrelid::regclass::text as table_name, c.conname, c.contype, pg_get_constraintdef(c.oid) as definition
                from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where n.nspname = 'public' and c.conrelid::regclass::text <> '_prisma_migrations'
                order by 1, 2`,
  indexes: `select tablename, indexname, indexdef from pg_indexes
            where schemaname = 'public' and tablename <> '_prisma_migrations' order by tablename, indexname`,
  enums: `select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
          from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by t.typname`,
  extensions: `select extname from pg_extension order by extname`,
};

/** Constraints migrations add by hand, beyond what the schema says; tests/integration/database-rules.test.ts checks them. */
const HAND_WRITTEN_CONSTRAINTS = new Set(['audit_chain_head_singleton']);

async function describeCatalog(url: string) {
  return withClient(async (client) => {
    const entries = await Promise.all(
      Object.entries(CATALOG_QUERIES).map(async ([key, sql]) => [key, (await client.query(sql)).rows] as const),
    );
    return Object.fromEntries(entries) as Record<keyof typeof CATALOG_QUERIES, unknown[]>;
  }, url);
}

describe('migrations and schema.prisma', () => {
  const adminUrl = inject('testAdminUrl');
  const fromSchemaDb = `ittifaq_from_schema_${process.pid}`;
  afterAll(() => dropDatabase(adminUrl, fromSchemaDb));

  it('build the same tables, columns, types, defaults, constraints and indexes', async () => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    await ensureDatabase(adminUrl, fromSchemaDb);
    const fromSchemaUrl = withDatabase(adminUrl, fromSchemaDb);
    const sql = await diffSchemas(fromSchemaUrl, null, schema);
    await withClient((client) => client.query(sql), fromSchemaUrl);

    const migrated = await describeCatalog(process.env.DATABASE_URL!);
    migrated.constraints = migrated.constraints.filter((row) => !HAND_WRITTEN_CONSTRAINTS.has((row as { conname: string }).conname));
    const fromSchema = await describeCatalog(fromSchemaUrl);
    expect(migrated.columns.length).toBeGreaterThan(50);
    expect(migrated).toEqual(fromSchema);
  });

  it('keep the snapshot of the last migration equal to the current schema', async () => {
    // A schema change without `npm run db:migrate -- --name …` fails here.
    expect(await readFile(SNAPSHOT_PATH, 'utf8')).toBe(await readFile(SCHEMA_PATH, 'utf8'));
  });
});

describe('instances starting together on an empty database', () => {
  const adminUrl = inject('testAdminUrl');
  const name = `ittifaq_concurrent_start_${process.pid}`;
  afterAll(() => dropDatabase(adminUrl, name));

  it('apply every migration once, one instance after the other', async () => {
    await ensureDatabase(adminUrl, name);
    const url = withDatabase(adminUrl, name);
    const all = await listMigrations();
    // Another instance holds the migration lock: nobody migrates until it lets go.
    const outcome = await withClient(async (holder) => {
      await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      let finished = 0;
      const starts = [1, 2, 3].map(() => applyMigrations(url).finally(() => (finished += 1)));
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const finishedWhileHeld = finished;
      await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      return { finishedWhileHeld, applied: await Promise.all(starts) };
    }, url);
    expect(outcome.finishedWhileHeld).toBe(0);
    expect(outcome.applied.flat().sort()).toEqual(all);
    expect(outcome.applied.filter((names) => names.length > 0)).toHaveLength(1);
    const recorded = await withClient(
      async (client) => (await client.query('select migration_name from _prisma_migrations where finished_at is not null order by 1')).rows,
      url,
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(all);
  }, 120_000);
});
