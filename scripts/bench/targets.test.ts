import { describe, expect, it } from 'vitest';
import { percentile } from './load.ts';
import { allowedGrowth, growthTable, missedGrowth, missedMemory, missedTargets, TARGETS, type Measurement } from './targets.ts';

const fast: Measurement = { rps: 600, p50: 20, p95: 60, p99: 90, errors: 0 };

describe('missedTargets', () => {
  it('passes a public page with enough throughput, a low p95 and no errors', () => {
    expect(missedTargets(fast, TARGETS.page, 1000)).toEqual([]);
  });

  it('names each way a public page misses: throughput share, p95 and errors', () => {
    const misses = missedTargets({ rps: 400, p50: 50, p95: 130, p99: 200, errors: 3 }, TARGETS.page, 1000);
    expect(misses).toEqual(['throughput 40% of baseline < 50%', 'p95 130 ms ≥ 100 ms', '3 errors']);
  });

  it('treats a p95 exactly at the limit as missed, since the target says "under"', () => {
    expect(missedTargets({ ...fast, p95: 100 }, TARGETS.page, 1000)).toEqual(['p95 100 ms ≥ 100 ms']);
  });

  it('gives search a 200 ms p95 budget', () => {
    expect(missedTargets({ ...fast, p95: 150 }, TARGETS.search, 1000)).toEqual([]);
    expect(missedTargets({ ...fast, p95: 250 }, TARGETS.search, 1000)).toEqual(['p95 250 ms ≥ 200 ms']);
  });

  it('misses, in words, when there were no responses at all', () => {
    expect(missedTargets({ rps: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, errors: 32 }, TARGETS.page, 100)).toEqual([
      'throughput 0% of baseline < 50%',
      'no responses to measure latency on',
      '32 errors',
    ]);
  });

  it('cannot pass a relative target without a baseline', () => {
    expect(missedTargets(fast, TARGETS.page, null)).toEqual(['no baseline to compare throughput with']);
  });

  it('judges writes by absolute throughput, not by the baseline', () => {
    expect(missedTargets({ rps: 120, p50: 80, p95: 200, p99: 240, errors: 0 }, TARGETS.write, 10_000)).toEqual([]);
    expect(missedTargets({ rps: 80, p50: 80, p95: 300, p99: 400, errors: 1 }, TARGETS.write, null)).toEqual([
      '80.0 req/s < 100 req/s',
      'p95 300 ms ≥ 250 ms',
      '1 errors',
    ]);
  });
});

describe('missedMemory', () => {
  it('passes under 512 MB and misses at or above it', () => {
    expect(missedMemory(511.9)).toEqual([]);
    expect(missedMemory(512)).toEqual(['peak resident memory 512 MB ≥ 512 MB']);
  });
});

describe('growth', () => {
  it('allows 2× per 10× of data, compounded', () => {
    expect(allowedGrowth(100, 1000)).toBeCloseTo(2, 10);
    expect(allowedGrowth(100, 10_000)).toBeCloseTo(4, 10);
    expect(allowedGrowth(1000, 1000)).toBeCloseTo(1, 10);
  });

  it('computes the p95 ratio between consecutive sizes and flags steps above the allowance', () => {
    const rows = growthTable(
      [10_000, 100, 1000],
      { 100: { List: 20, Detail: 10 }, 1000: { List: 30, Detail: 25 }, 10_000: { List: 45, Detail: Number.NaN } },
      ['List', 'Detail'],
    );
    expect(rows[0]!.steps.map((s) => [s.from, s.to, s.ratio, s.pass])).toEqual([
      [100, 1000, 1.5, true],
      [1000, 10_000, 1.5, true],
    ]);
    expect(rows[1]!.steps.map((s) => [s.ratio, s.pass])).toEqual([
      [2.5, false],
      [null, null],
    ]);
    expect(missedGrowth(rows)).toEqual(['Detail: p95 grew 2.50× from 100 to 1000 agreements (allowed 2.00×)']);
  });

  it('counts a size whose requests timed out as a growth miss', () => {
    const rows = growthTable([100, 1000], { 100: { List: 40 }, 1000: { List: Infinity } }, ['List']);
    expect(rows[0]!.steps[0]!.pass).toBe(false);
    expect(missedGrowth(rows)).toEqual(['List: requests timed out at 1000 agreements (p95 40.0 ms at 100)']);
  });
});

describe('percentile', () => {
  it('takes the nearest rank of sorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
