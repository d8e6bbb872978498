// Turns benchmark results into the console tables and docs/benchmarks.md. Pure formatting, no I/O.
import type { Fixtures } from './fixtures.ts';
import type { BenchMeta } from './generate.ts';
import type { LoadResult } from './load.ts';
import { formatNumber, MAX_MEMORY_MB, type GrowthRow, type ScenarioGroup } from './targets.ts';

export interface ScenarioResult {
  id: string;
  label: string;
  group: ScenarioGroup;
  path: string | null;
  connections: number | null;
  skipped: string | null;
  load: LoadResult | null;
  /** Throughput relative to the baseline page. */
  ratio: number | null;
  target: string;
  misses: string[];
  rssMb: number | null;
  /** The server's CPU time per answered request over the measured run (its process tree's, in ms). */
  serverCpuMs: number | null;
}

export interface SizeRun {
  meta: BenchMeta;
  fixtures: Fixtures;
  results: ScenarioResult[];
  peakMb: number | null;
  memoryMisses: string[];
}

export interface Environment {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGb: number;
  loadAverage: number[];
  node: string;
  next: string;
  postgres: string;
  connections: number;
  writeConnections: number;
  duration: number;
  warmup: number;
}

export const RESULT_HEADER = [
  'Scenario',
  'Path',
  'Conns',
  'Req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'Errors',
  'kB/resp',
  '× baseline',
  'Server CPU ms/req',
  'Peak RSS MB',
  'Target',
  'Result',
];
const count = (n: number) => n.toLocaleString('en');

function outcome(result: ScenarioResult): string {
  if (result.skipped) return `skipped: ${result.skipped}`;
  if (result.group === 'baseline') return 'reference';
  return result.misses.length ? `MISSED: ${result.misses.join('; ')}` : 'pass';
}

export function resultRows(results: ScenarioResult[]): string[][] {
  return results.map((result) => {
    const load = result.load;
    const measured = (value: (l: LoadResult) => string) => (load ? value(load) : '—');
    return [
      result.label,
      result.path ?? '—',
      result.connections === null ? '—' : String(result.connections),
      measured((l) => formatNumber(l.rps)),
      measured((l) => formatNumber(l.p50)),
      measured((l) => formatNumber(l.p95)),
      measured((l) => formatNumber(l.p99)),
      measured((l) => (l.errors ? `${l.errors} (${l.non2xx} non-2xx, ${l.socketErrors} socket)` : '0')),
      measured((l) => (l.requests ? formatNumber(l.bytes / l.requests / 1000) : '—')),
      result.ratio === null ? '—' : `${formatNumber(result.ratio)}×`,
      result.serverCpuMs === null ? '—' : formatNumber(result.serverCpuMs),
      result.rssMb === null ? '—' : String(Math.round(result.rssMb)),
      result.target,
      outcome(result),
    ];
  });
}

export function consoleTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const line = (cells: string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function growthRows(rows: GrowthRow[], sizes: number[]): { header: string[]; rows: string[][] } {
  const sorted = [...sizes].sort((a, b) => a - b);
  const steps = sorted.slice(1).map((to, i) => `${count(sorted[i]!)}→${count(to)}`);
  return {
    header: ['Scenario', ...sorted.map((size) => `p95 ms @ ${count(size)}`), ...steps.map((step) => `growth ${step}`)],
    rows: rows.map((row) => [
      row.scenario,
      ...sorted.map((size) => {
        const p95 = row.p95[size];
        return p95 === undefined ? '—' : p95 === Infinity ? 'timed out' : formatNumber(p95);
      }),
      ...row.steps.map((step) =>
        step.ratio === null ? '—' : `${formatNumber(step.ratio)}× (≤ ${formatNumber(step.allowed)}×) ${step.pass ? 'pass' : 'MISSED'}`,
      ),
    ]),
  };
}

export function dataLine(meta: BenchMeta): string {
  const c = meta.counts;
  return (
    `${count(meta.agreements)} agreements, ${count(c.milestones ?? 0)} milestones, ${count(c.updates ?? 0)} progress updates, ` +
    `${count(c.evidence ?? 0)} evidence items, ${count(c.users ?? 0)} users, ${count(c.parties ?? 0)} parties ` +
    `(seed "${meta.seed}", as of ${meta.asOf}; generated in ${meta.seconds} s)`
  );
}

export function memoryLine(run: SizeRun): string {
  const peak = run.peakMb === null ? 'unknown (no /proc)' : `${Math.round(run.peakMb)} MB`;
  return (
    `Server peak resident memory (the server process and its children): ${peak}; target < ${MAX_MEMORY_MB} MB: ` +
    (run.peakMb === null ? 'not measured' : run.memoryMisses.length ? 'MISSED' : 'pass')
  );
}

export interface Document {
  environment: Environment;
  runs: SizeRun[];
  growth: { sizes: number[]; rows: GrowthRow[] } | null;
  misses: string[];
  note: string | null;
}

export function renderMarkdown(doc: Document): string {
  const env = doc.environment;
  const machine = markdownTable(
    ['', ''],
    [
      ['Date', env.date],
      ['CPU', `${env.cores} cores, ${env.cpuModel}`],
      ['Memory', `${env.memoryGb.toFixed(1)} GiB`],
      ['Load average before the run', `${env.loadAverage.map((n) => n.toFixed(2)).join(', ')} (1, 5, 15 min)`],
      ['Node.js', env.node],
      ['Next.js', env.next],
      ['PostgreSQL', env.postgres],
      [
        'Load',
        `${env.connections} connections for reads, ${env.writeConnections} for writes; ${env.duration} s per scenario after a ${env.warmup} s warm-up`,
      ],
    ],
  );
  const sections = doc.runs.map((run) =>
    [
      `## ${count(run.meta.agreements)} agreements`,
      '',
      `Data: ${dataLine(run.meta)}.`,
      `Fixtures: detail page \`${run.fixtures.agreementSlug}\`, sector \`${run.fixtures.sectorSlug}\`, party \`${run.fixtures.partySlug}\`, ` +
        `search term "${run.fixtures.searchTerm}"; ${count(run.fixtures.publicAgreements)} public agreements.`,
      '',
      markdownTable(RESULT_HEADER, resultRows(run.results)),
      '',
      `${memoryLine(run)}.`,
    ].join('\n'),
  );
  const growth = doc.growth
    ? (() => {
        const table = growthRows(doc.growth.rows, doc.growth.sizes);
        return [
          '## Growth',
          '',
          'p95 latency of the public scenarios per data size; allowed: 2× per 10× of data.',
          '',
          markdownTable(table.header, table.rows),
        ].join('\n');
      })()
    : null;
  const misses = doc.misses.length ? doc.misses.map((miss) => `- ${miss}`).join('\n') : 'None: every measured scenario met its target.';
  return [
    '# Benchmarks',
    '',
    'Generated by `npm run bench`; rerun it to replace this file. What the scenarios and targets are, and how to run',
    'them: README.md, section "Benchmark". Throughput is requests per second over the measured run; latencies are',
    'per-response percentiles; errors are non-2xx responses plus socket errors and timeouts. kB/resp is what one',
    'response put on the wire, headers included (compressed where the client accepted it). Server CPU is the CPU time',
    "of the app server's process tree (not the database's) per answered request over the measured run: what a request costs the server, apart from",
    'the load generator, which shares the machine (README.md, "Benchmark").',
    '',
    '## Machine',
    '',
    machine,
    '',
    ...sections.flatMap((section) => [section, '']),
    ...(growth ? [growth, ''] : []),
    '## Missed targets',
    '',
    misses,
    ...(doc.note ? ['', '## Notes', '', doc.note] : []),
    '',
  ].join('\n');
}
