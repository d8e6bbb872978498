// Load generation with autocannon: a warm-up, then the measured run. Latency percentiles come from
// every response's own time (autocannon's summary has no p95); a request that times out counts with
// the timeout as its latency, a lower bound, so a page too slow to answer at all still has a p95.
import autocannon from 'autocannon';
import PipelinedRequestsQueue from 'autocannon/lib/pipelinedRequestsQueue.js';
import type { RequestPlan } from './scenarios.ts';
import type { Measurement } from './targets.ts';

const TIMEOUT_S = 10;
/** A p95 at or above this is censored: the requests behind it timed out. */
export const TIMEOUT_MS = TIMEOUT_S * 1000;

// autocannon appends every response body to a string, decoding it as UTF-8, whether or not anything
// reads it. For a gzip-compressed page that decoding took 83% of the load generator's CPU (profiled on
// the dashboard scenario), so the generator ran out of CPU before the app did and a page's throughput
// measured its size. Bodies are kept only for the requests that read them (the write scenarios'
// onResponse); the bytes are still received and counted.
const keepBody = PipelinedRequestsQueue.prototype.addBody;
PipelinedRequestsQueue.prototype.addBody = function addBodyIfRead(this: PipelinedRequestsQueue, data: Buffer) {
  if (this.peek()?.req.onResponse) keepBody.call(this, data);
};

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration: number;
}

export interface LoadResult extends Measurement {
  requests: number;
  /** Received, headers included. */
  bytes: number;
  non2xx: number;
  socketErrors: number;
  statusCodes: Record<string, number>;
}

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(share * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export async function runLoad(baseUrl: string, plan: RequestPlan, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const { isSuccess, ...request } = plan;
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.duration,
    timeout: TIMEOUT_S,
    // Only the keys the plan sets: an explicit `undefined` would override autocannon's defaults.
    requests: [
      {
        ...Object.fromEntries(Object.entries(request).filter(([, value]) => value !== undefined)),
        ...(isSuccess ? { onResponse: (status: number, body: string) => void (isSuccess(status, body) || failures++) } : {}),
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  for (let i = 0; i < result.timeouts; i++) latencies.push(TIMEOUT_MS);
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  return {
    rps: result.requests.total / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    // A 200 that says the action was refused is an error too.
    errors: result.non2xx + result.errors + failures,
    requests: result.requests.total,
    bytes: result.throughput.total,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    statusCodes,
  };
}

export type Probe = { available: true } | { available: false; status: number };

/** One request first: a 404 means the route does not exist (yet), and the scenario is skipped. */
export async function probe(baseUrl: string, plan: RequestPlan): Promise<Probe> {
  const response = await fetch(`${baseUrl}${plan.path}`, {
    method: plan.method,
    headers: plan.headers,
    body: plan.body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response.status === 404 ? { available: false, status: 404 } : { available: true };
}
