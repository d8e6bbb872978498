// One benchmark pass over one data set: start the app on it, then for each scenario plan the request,
// probe it (404: skipped), warm it up, measure it and judge it against its group's target, sampling the
// server's memory throughout.
import type { BenchData } from './dataset.ts';
import { pickFixtures } from './fixtures.ts';
import { probe, runLoad } from './load.ts';
import { cpuTimeMs, MemorySampler } from './memory.ts';
import type { ScenarioResult, SizeRun } from './report.ts';
import { isSkipped, type Scenario } from './scenarios.ts';
import { appEnv, startApp } from './server.ts';
import { describeTarget, formatNumber, missedMemory, missedTargets, TARGETS } from './targets.ts';

export interface MeasureOptions {
  port: number;
  connections: number;
  writeConnections: number;
  duration: number;
  warmup: number;
  scenarios: Scenario[];
  log: (line: string) => void;
}

export async function measureDataSet(data: BenchData, options: MeasureOptions): Promise<SizeRun> {
  const { log } = options;
  const fixtures = await pickFixtures(data.url);
  const app = await startApp(appEnv(data.url, options.port), options.port, `server-${data.meta.agreements}`);
  log(`App up at ${app.baseUrl} (pid ${app.pid}, log ${app.logFile}) on ${data.database}.`);
  const sampler = new MemorySampler(app.pid);
  sampler.start();
  const results: ScenarioResult[] = [];
  let baselineRps: number | null = null;
  try {
    const context = { baseUrl: app.baseUrl, databaseUrl: data.url, fixtures };
    for (const scenario of options.scenarios) {
      const target = scenario.group === 'baseline' ? '—' : describeTarget(TARGETS[scenario.group]);
      const base = {
        id: scenario.id,
        label: scenario.label,
        group: scenario.group,
        target,
        load: null,
        ratio: null,
        misses: [],
        rssMb: null,
        serverCpuMs: null,
      };
      const plan = await scenario.plan(context);
      if (isSkipped(plan)) {
        results.push({ ...base, path: null, connections: null, skipped: plan.skipped });
        log(`  ${scenario.label}: skipped (${plan.skipped})`);
        continue;
      }
      const connections = scenario.group === 'write' ? options.writeConnections : options.connections;
      if (!(await probe(app.baseUrl, plan)).available) {
        results.push({ ...base, path: plan.path, connections, skipped: 'route not available yet (404 during warm-up)' });
        log(`  ${scenario.label}: skipped (${plan.path} answers 404)`);
        continue;
      }
      await runLoad(app.baseUrl, plan, { connections, duration: options.warmup });
      sampler.takeWindowPeakMb();
      const cpuBefore = await cpuTimeMs(app.pid);
      const load = await runLoad(app.baseUrl, plan, { connections, duration: options.duration });
      const cpuAfter = await cpuTimeMs(app.pid);
      const serverCpuMs = cpuBefore === null || cpuAfter === null || load.requests === 0 ? null : (cpuAfter - cpuBefore) / load.requests;
      const rssMb = sampler.takeWindowPeakMb();
      if (scenario.group === 'baseline') baselineRps = load.rps;
      const ratio = baselineRps ? load.rps / baselineRps : null;
      const misses = scenario.group === 'baseline' ? [] : missedTargets(load, TARGETS[scenario.group], baselineRps);
      results.push({ ...base, path: plan.path, connections, skipped: null, load, ratio, misses, rssMb, serverCpuMs });
      log(
        `  ${scenario.label}: ${formatNumber(load.rps)} req/s, p95 ${formatNumber(load.p95)} ms, ${load.errors} errors` +
          (misses.length ? ` — MISSED: ${misses.join('; ')}` : ''),
      );
    }
  } finally {
    sampler.stop();
    await app.stop();
  }
  const peakMb = sampler.peakMb;
  return { meta: data.meta, fixtures, results, peakMb, memoryMisses: peakMb === null ? [] : missedMemory(peakMb) };
}
