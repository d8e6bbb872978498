// Where benchmark data sets live: a database of their own per size (`ittifaq_bench_<agreements>`) on
// DATABASE_URL's server when it is set, else on the embedded server — never the app's own database.
import { ConfigError } from '../lib/cli.ts';
import {
  assertReachable,
  dropDatabase,
  embeddedOptionsFromEnv,
  ensureDatabase,
  startEmbedded,
  withDatabase,
  type DatabaseServer,
} from '../lib/postgres.ts';
import { applyMigrations } from '../lib/schema-engine.ts';
import { generateBenchData, GENERATOR_VERSION, readBenchMeta, type BenchMeta } from './generate.ts';

export const MIN_AGREEMENTS = 100;
export const MAX_AGREEMENTS = 10_000;

export function benchDatabaseName(agreements: number): string {
  return `ittifaq_bench_${agreements}`;
}

export function parseAgreements(value: string | true | undefined, fallback = 1000): number {
  if (value === undefined) return fallback;
  const agreements = Number(value);
  if (!Number.isInteger(agreements) || agreements < MIN_AGREEMENTS || agreements > MAX_AGREEMENTS) {
    throw new ConfigError(`--agreements must be a whole number from ${MIN_AGREEMENTS} to ${MAX_AGREEMENTS}, got "${value}".`);
  }
  return agreements;
}

export async function openBenchServer(): Promise<DatabaseServer> {
  const external = process.env.DATABASE_URL;
  if (!external) return startEmbedded(embeddedOptionsFromEnv());
  await assertReachable(external, 'DATABASE_URL');
  return { adminUrl: external, embedded: false, stop: async () => {} };
}

export interface BenchData {
  url: string;
  database: string;
  meta: BenchMeta;
  /** False when an existing complete data set was reused. */
  generated: boolean;
  /** Wall-clock seconds of this call, migrations and vacuum included. */
  seconds: number;
}

export interface EnsureOptions {
  agreements: number;
  seed: string;
  force: boolean;
  log?: (line: string) => void;
}

/** Reuses a complete data set of the same size and seed; otherwise (or with `force`) generates one. */
export async function ensureBenchData(server: DatabaseServer, options: EnsureOptions): Promise<BenchData> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const database = benchDatabaseName(options.agreements);
  if (!server.embedded && new URL(server.adminUrl).pathname.slice(1) === database) {
    throw new ConfigError(`DATABASE_URL points at ${database}; the benchmark needs that name for its own database.`);
  }
  const url = withDatabase(server.adminUrl, database);
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;

  if (!options.force) {
    await ensureDatabase(server.adminUrl, database);
    const meta = await readBenchMeta(url);
    if (meta?.generatorVersion === GENERATOR_VERSION && meta.seed === options.seed && meta.agreements === options.agreements) {
      log(`Reusing the data set in ${database} (seed ${meta.seed}, as of ${meta.asOf}); --force regenerates it.`);
      // Migrations written since it was generated apply to it too.
      await applyMigrations(url);
      return { url, database, meta, generated: false, seconds: seconds() };
    }
  }

  log(`Generating ${options.agreements} agreements into ${database} (seed ${options.seed})…`);
  await dropDatabase(server.adminUrl, database);
  await ensureDatabase(server.adminUrl, database);
  await applyMigrations(url);
  let reported = 0;
  const meta = await generateBenchData(url, {
    agreements: options.agreements,
    seed: options.seed,
    onProgress: (done, total) => {
      if (done - reported >= total / 10 || done === total) {
        reported = done;
        log(`  ${done}/${total} agreements`);
      }
    },
  });
  return { url, database, meta, generated: true, seconds: seconds() };
}

/**
 * A throwaway copy of a data set for one benchmark pass. The write scenarios record and verify
 * thousands of updates; on the data set itself they piled up from run to run (one had gathered half as
 * many updates again, all on the benchmark analysts' agreements), so each pass measures the data set
 * as generated.
 */
export async function copyForRun(server: DatabaseServer, data: BenchData): Promise<BenchData & { drop(): Promise<void> }> {
  const database = `${data.database}_run`;
  await dropDatabase(server.adminUrl, database);
  await ensureDatabase(server.adminUrl, database, data.database);
  return { ...data, database, url: withDatabase(server.adminUrl, database), drop: () => dropDatabase(server.adminUrl, database) };
}
