// The speed targets and their evaluation. Pure: no I/O, so the logic has unit tests.

export type ScenarioGroup = 'baseline' | 'page' | 'api' | 'search' | 'write';

export interface Target {
  /** Throughput as a share of the baseline page's. */
  minBaselineRatio?: number;
  /** Absolute throughput, requests per second. */
  minRps?: number;
  maxP95Ms: number;
  maxErrors: number;
}

/** Targets on 2 cores at 1,000 agreements, reads at 32 connections and writes at 16. */
export const TARGETS: Record<Exclude<ScenarioGroup, 'baseline'>, Target> = {
  page: { minBaselineRatio: 0.5, maxP95Ms: 100, maxErrors: 0 },
  api: { minBaselineRatio: 0.5, maxP95Ms: 100, maxErrors: 0 },
  search: { minBaselineRatio: 0.5, maxP95Ms: 200, maxErrors: 0 },
  write: { minRps: 100, maxP95Ms: 250, maxErrors: 0 },
};
export const MAX_MEMORY_MB = 512;
/** Allowed growth of a public page's p95 per tenfold increase of data. */
export const MAX_GROWTH_PER_10X = 2;

export interface Measurement {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  errors: number;
}

export function describeTarget(target: Target): string {
  const parts: string[] = [];
  if (target.minBaselineRatio !== undefined) parts.push(`≥ ${Math.round(target.minBaselineRatio * 100)}% of baseline`);
  if (target.minRps !== undefined) parts.push(`≥ ${target.minRps} req/s`);
  parts.push(`p95 < ${target.maxP95Ms} ms`);
  if (target.maxErrors === 0) parts.push('no errors');
  return parts.join(', ');
}

/** Each way the measurement misses the target, in words; empty when it meets it. */
export function missedTargets(measurement: Measurement, target: Target, baselineRps: number | null): string[] {
  const misses: string[] = [];
  if (target.minBaselineRatio !== undefined) {
    const ratio = baselineRps ? measurement.rps / baselineRps : null;
    if (ratio === null) misses.push('no baseline to compare throughput with');
    else if (ratio < target.minBaselineRatio) {
      misses.push(`throughput ${Math.round(ratio * 100)}% of baseline < ${Math.round(target.minBaselineRatio * 100)}%`);
    }
  }
  if (target.minRps !== undefined && measurement.rps < target.minRps) {
    misses.push(`${formatNumber(measurement.rps)} req/s < ${target.minRps} req/s`);
  }
  if (Number.isNaN(measurement.p95)) misses.push('no responses to measure latency on');
  else if (!(measurement.p95 < target.maxP95Ms)) misses.push(`p95 ${formatNumber(measurement.p95)} ms ≥ ${target.maxP95Ms} ms`);
  if (measurement.errors > target.maxErrors) misses.push(`${measurement.errors} errors`);
  return misses;
}

export function missedMemory(peakMb: number, limitMb = MAX_MEMORY_MB): string[] {
  return peakMb < limitMb ? [] : [`peak resident memory ${Math.round(peakMb)} MB ≥ ${limitMb} MB`];
}

/** How much p95 may grow from `fromSize` to `toSize` agreements: 2× per 10×, compounded. */
export function allowedGrowth(fromSize: number, toSize: number, per10x = MAX_GROWTH_PER_10X): number {
  return per10x ** Math.log10(toSize / fromSize);
}

export interface GrowthRow {
  scenario: string;
  /** p95 in ms per data size; missing when the scenario was skipped at that size. */
  p95: Record<number, number | undefined>;
  /** Growth between consecutive sizes, e.g. "100→1000": 1.4. */
  steps: { from: number; to: number; ratio: number | null; allowed: number; pass: boolean | null }[];
}

/**
 * Growth of each scenario's p95 between consecutive data sizes, against the allowed growth. A p95 of
 * Infinity means the requests timed out (unbounded growth, a miss); a size without a p95 (skipped, or
 * no responses at all) has no step.
 */
export function growthTable(sizes: number[], p95BySize: Record<number, Record<string, number>>, scenarios: string[]): GrowthRow[] {
  const sorted = [...sizes].sort((a, b) => a - b);
  return scenarios.map((scenario) => {
    const p95 = Object.fromEntries(sorted.map((size) => [size, p95BySize[size]?.[scenario]]));
    const steps = sorted.slice(1).map((to, index) => {
      const from = sorted[index]!;
      const before = p95[from];
      const after = p95[to];
      const allowed = allowedGrowth(from, to);
      const usable = (value: number | undefined): value is number => value !== undefined && !Number.isNaN(value) && value > 0;
      if (!usable(before) || !usable(after) || before === Infinity) return { from, to, ratio: null, allowed, pass: null };
      const ratio = after / before;
      return { from, to, ratio, allowed, pass: ratio <= allowed };
    });
    return { scenario, p95, steps };
  });
}

export function missedGrowth(rows: GrowthRow[]): string[] {
  return rows.flatMap((row) =>
    row.steps
      .filter((step) => step.pass === false)
      .map((step) =>
        step.ratio === Infinity
          ? `${row.scenario}: requests timed out at ${step.to} agreements (p95 ${formatNumber(row.p95[step.from]!)} ms at ${step.from})`
          : `${row.scenario}: p95 grew ${formatNumber(step.ratio!)}× from ${step.from} to ${step.to} agreements (allowed ${formatNumber(step.allowed)}×)`,
      ),
  );
}

export function formatNumber(value: number): string {
  if (value === Infinity) return '∞';
  if (value >= 100) return String(Math.round(value));
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
