// Generates the synthetic data set into a migrated, empty database: chunk by chunk (so memory stays
// flat at 10,000 agreements), scores derived in memory with lib/scoring, bulk-inserted, and finally
// marked complete so a later run can reuse it.
import pg from 'pg';
import { fromIsoDate, todayIso, type IsoDate } from '../../lib/dates.ts';
import { hashPassword } from '../../lib/auth/password-hash.ts';
import { deriveScores } from './derive.ts';
import { generateAgreements } from './generate-agreements.ts';
import { BENCH_PASSWORD, generateBase } from './generate-base.ts';
import { insertBase, insertChunk } from './insert.ts';
import { IdFactory, Random } from './random.ts';

export const DEFAULT_SEED = 'ittifaq-bench-1';
export const BENCH_META_KEY = 'bench_data';
/** Bump when the generator's output changes, so stored data sets of the old shape are regenerated. */
export const GENERATOR_VERSION = 1;
const AGREEMENTS_PER_CHUNK = 100;

export interface BenchMeta {
  generatorVersion: number;
  agreements: number;
  seed: string;
  asOf: IsoDate;
  generatedAt: string;
  seconds: number;
  counts: Record<string, number>;
  complete: true;
}

export interface GenerateOptions {
  agreements: number;
  seed: string;
  /** The day the data set ends and scores are computed for; today by default. */
  asOf?: IsoDate;
  onProgress?: (done: number, total: number) => void;
}

export async function generateBenchData(url: string, options: GenerateOptions): Promise<BenchMeta> {
  const started = performance.now();
  const asOf = options.asOf ?? todayIso();
  const cutoff = fromIsoDate(asOf);
  const stamp = new Date();
  const random = new Random(options.seed);
  const ids = new IdFactory(options.seed);
  // One hash for every account: argon2 is slow on purpose, and all bench accounts share a password.
  const base = generateBase(random, ids, options.agreements, await hashPassword(BENCH_PASSWORD), cutoff);
  const counts: Record<string, number> = { parties: base.parties.length, sectors: base.sectors.length, users: base.users.length };
  const add = (key: string, n: number) => (counts[key] = (counts[key] ?? 0) + n);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Regenerable data: no need to wait for the WAL flush on every commit.
    await client.query('set synchronous_commit = off');
    await insertBase(client, base, stamp);
    const ctx = { random, ids, base, asOf, cutoff };
    // Generating and scoring chunk n+1 (Node) overlaps with inserting chunk n (PostgreSQL).
    let inserting: Promise<void> = Promise.resolve();
    for (let from = 1; from <= options.agreements; from += AGREEMENTS_PER_CHUNK) {
      const chunk = generateAgreements(ctx, from, Math.min(AGREEMENTS_PER_CHUNK, options.agreements - from + 1));
      await deriveScores(chunk, asOf, stamp);
      await inserting;
      inserting = insertChunk(client, chunk, stamp);
      // Awaited on the next round; a failure must not surface as an unhandled rejection meanwhile.
      inserting.catch(() => {});
      for (const [key, rows] of Object.entries(chunk)) add(key, rows.length);
      options.onProgress?.(from + chunk.agreements.length - 1, options.agreements);
    }
    await inserting;
    // Fresh statistics and visibility maps, as a long-running database would have.
    await client.query('vacuum (analyze)');
    const meta: BenchMeta = {
      generatorVersion: GENERATOR_VERSION,
      agreements: options.agreements,
      seed: options.seed,
      asOf,
      generatedAt: stamp.toISOString(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      counts,
      complete: true,
    };
    await client.query(
      `insert into setting (key, value, updated_at) values ($1, $2, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [BENCH_META_KEY, JSON.stringify(meta)],
    );
    return meta;
  } finally {
    await client.end();
  }
}

/** The completeness marker of a generated data set, or null when there is none (or no schema yet). */
export async function readBenchMeta(url: string): Promise<BenchMeta | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: BenchMeta }>('select value from setting where key = $1', [BENCH_META_KEY]);
    return rows[0]?.value?.complete ? rows[0].value : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}
