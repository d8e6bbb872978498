import { describe, expect, it } from 'vitest';
import { cpuTimeMs } from './memory.ts';

describe('the server sampler', () => {
  it("reads a process tree's CPU time from /proc, growing with work done", async () => {
    const before = await cpuTimeMs(process.pid);
    expect(before).toBeGreaterThan(0);
    const until = performance.now() + 300;
    while (performance.now() < until) Math.sqrt(Math.random());
    const after = (await cpuTimeMs(process.pid))!;
    // At least most of 300 ms of busy waiting, at the 10 ms resolution of /proc.
    expect(after - before!).toBeGreaterThanOrEqual(200);
    expect(await cpuTimeMs(2 ** 22 + 1)).toBeNull();
  });
});
