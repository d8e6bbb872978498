// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter. The native
// engine that `prisma migrate` downloads is not reachable from air-gapped machines; this one ships in
// a registry package. It cannot describe a live database, so new migrations are diffs between the
// schema snapshot taken at the last migration and the current schema, never against the database.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { MIGRATION_LOCK } from '../../lib/db-locks.ts';

export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
/** The schema as of the newest migration; `db:migrate` diffs from here to the current schema. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma');

type Engine = {
  diff(params: unknown): Promise<{ stdout: string | null }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void;
};

const noFilters = { externalTables: [], externalEnums: [] };
let wasmModule: Promise<{ SchemaEngine: { new: (...args: unknown[]) => Promise<Engine> } }> | undefined;

function loadWasm() {
  wasmModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = await import(pathToFileURL(bindingsPath).href);
    const pkgDir = path.dirname(bindingsPath);
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const imports: WebAssembly.ModuleImports = { ...bindings };
    // The engine arms 10-second timers that it never clears; unreferenced, they cannot keep a
    // finished command (or the test runner) alive.
    for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms).unref();
    }
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': imports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bindings;
  })();
  return wasmModule;
}

type ScriptAdapter = {
  executeScript(script: string): Promise<void>;
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

/**
 * A pool that is one connection the caller holds, in whatever transaction the caller opened: the
 * engine's statements and migration scripts then commit or roll back with the caller's own. The
 * engine never opens a transaction of its own while migrating; should a later version try, it
 * fails instead of committing the caller's.
 */
class CallerConnection extends pg.Pool {
  constructor(private readonly connection: pg.Client) {
    super({ max: 1 });
  }
  override query = ((...args: Parameters<pg.Client['query']>) => this.connection.query(...args)) as pg.Pool['query'];
  override connect = (async () => {
    throw new Error('the schema engine tried to open a transaction on a connection already in one');
  }) as pg.Pool['connect'];
}

/**
 * adapter-pg runs a script by splitting it on every ";", which breaks PL/pgSQL function bodies and
 * comments. Send each migration whole instead, as the native engine does: PostgreSQL runs a
 * multi-statement simple query as one implicit transaction, so a failing migration leaves nothing.
 */
function wholeScriptAdapter(target: string | pg.Client, opened: { dispose(): Promise<void> }[]) {
  const factory = new PrismaPg(typeof target === 'string' ? { connectionString: target } : new CallerConnection(target));
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    const scriptAdapter = adapter as unknown as ScriptAdapter;
    scriptAdapter.executeScript = async (script) => {
      try {
        await scriptAdapter.client.query(script);
      } catch (error) {
        scriptAdapter.onError(error); // converts to the engine's error type, which keeps the message
      }
    };
    return adapter;
  };
  return factory;
}

async function withEngine<T>(target: string | pg.Client, schema: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const opened: { dispose(): Promise<void> }[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(target, opened));
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, adapter);
  try {
    return await run(engine);
  } finally {
    engine.free();
    // The engine does not close its connection pool; an idle pool would keep the process alive.
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

/**
 * SQL that turns a database matching `from` (null: empty) into one matching `to`. The engine needs a
 * connection even for a schema-to-schema diff, but reads nothing from it.
 */
export async function diffSchemas(url: string, from: string | null, to: string): Promise<string> {
  const target = (content: string) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });
  return withEngine(url, to, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  });
}

export async function listMigrations() {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort();
}

async function loadMigrationList() {
  const names = await listMigrations();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok', value: await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/**
 * Applies pending migrations and records them in `_prisma_migrations`, like `prisma migrate deploy`:
 * on the database at a URL, or on a connection the caller holds, inside the caller's transaction
 * (lib/backup/restore.ts), where they commit or roll back with the rest of it. Either way under
 * MIGRATION_LOCK (lib/db-locks.ts), so instances started together, or a restore, apply each migration
 * once: the later ones wait, then find nothing pending. The engine takes a lock of its own (key
 * 72707369) but gives up after ten seconds, which a long migration outlasts.
 */
export async function applyMigrations(target: string | pg.Client): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const migrationsList = await loadMigrationList();
  const apply = () =>
    withEngine(target, schema, async (engine) => {
      const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return result.appliedMigrationNames;
    });
  if (typeof target !== 'string') {
    // The caller's transaction holds the lock until it commits or rolls back.
    await target.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    return apply();
  }
  const lock = new pg.Client({ connectionString: target });
  // Losing the connection releases the lock; the engine's own lock still guards the migration itself.
  lock.on('error', (error) => console.error(`ittifaq: lost the migration lock's connection (${error.message})`));
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await apply();
  } finally {
    // Ending the session releases the lock.
    await lock.end();
  }
}
