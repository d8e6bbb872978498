// The app server's stop on SIGTERM, in a child process with a plain HTTP server (as `next start`'s).
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';

// A server whose /slow?ms=N answers after N ms, telling the test when the request has arrived;
// "close" stands for the database pools and prints when it runs.
const SERVER = `
import http from 'node:http';
import { stopGracefullyOnSignals } from './lib/ops/graceful-shutdown.ts';
const server = http.createServer((req, res) => {
  const ms = Number(new URL(req.url, 'http://x').searchParams.get('ms') ?? 0);
  console.log('request started');
  // /stream sends its headers and a first part at once, as a streamed page does.
  if (req.url.startsWith('/stream')) res.write('part, ');
  setTimeout(() => res.end('done'), ms);
});
stopGracefullyOnSignals({
  timeoutMs: Number(process.env.TIMEOUT_MS),
  close: async () => console.log('pools closed'),
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`;

interface Running {
  child: ChildProcess;
  port: number;
  output: string[];
  exited: Promise<{ code: number | null; at: number }>;
  next(line: string): Promise<void>;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function startServer(timeoutMs: number): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SERVER], {
    env: { ...process.env, TIMEOUT_MS: String(timeoutMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const output: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      output.push(line);
      for (const waiter of waiters.filter((w) => line.startsWith(w.line))) waiter.resolve();
    }
  });
  const next = (line: string) =>
    output.some((seen) => seen.startsWith(line)) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ line, resolve }));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  await next('listening');
  const port = Number(output.find((line) => line.startsWith('listening'))!.split(' ')[1]);
  return { child, port, output, exited, next };
}

function get(port: number, path: string): Promise<{ status: number; body: string; at: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: new http.Agent({ keepAlive: true }) }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body, at: Date.now() }));
    });
    request.on('error', reject);
  });
}

describe('stopGracefullyOnSignals', () => {
  it('finishes a request in flight, refuses new connections meanwhile, then closes the pools and exits 0', async () => {
    const server = await startServer(10_000);
    const inFlight = get(server.port, '/slow?ms=1500');
    await server.next('request started');
    server.child.kill('SIGTERM');
    await server.next('ittifaq: SIGTERM received');

    // Refused, or reset if it reached the listening socket's queue just before the socket closed.
    const refused = await get(server.port, '/slow?ms=0').catch((error: NodeJS.ErrnoException) => error.code);
    expect(['ECONNREFUSED', 'ECONNRESET']).toContain(refused);
    const answered = await inFlight;
    expect(answered).toMatchObject({ status: 200, body: 'done' });
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at).toBeGreaterThanOrEqual(answered.at);
    // Its keep-alive connection, busy at the signal and idle after the answer, does not hold the stop up.
    expect(at - answered.at).toBeLessThan(2_000);
    expect(server.output.filter((line) => line === 'request started')).toHaveLength(1);
    expect(server.output.slice(-2)).toEqual(['pools closed', 'ittifaq: requests finished and database connections closed; stopped']);
  });

  it('finishes a response that was already streaming, then closes its kept-alive connection', async () => {
    const server = await startServer(10_000);
    const inFlight = get(server.port, '/stream?ms=1000');
    await server.next('request started');
    server.child.kill('SIGTERM');
    const answered = await inFlight;
    expect(answered).toMatchObject({ status: 200, body: 'part, done' });
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - answered.at).toBeLessThan(2_000);
  });

  it('cuts a request that outlasts the timeout, still closes the pools, and exits 1', async () => {
    const server = await startServer(500);
    const inFlight = get(server.port, '/slow?ms=60000').catch((error: NodeJS.ErrnoException) => error.code);
    await server.next('request started');
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const { code, at } = await server.exited;
    expect(code).toBe(1);
    expect(at - signalled).toBeLessThan(5_000);
    expect(await inFlight).toBe('ECONNRESET');
    expect(server.output).toContain('ittifaq: requests were still running after 0.5 s; their connections are closed');
    expect(server.output.at(-1)).toBe('pools closed');
  });

  it('exits at once when no request is in flight, on SIGINT as on SIGTERM', async () => {
    const server = await startServer(10_000);
    await get(server.port, '/slow?ms=0');
    const signalled = Date.now();
    server.child.kill('SIGINT');
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    // The idle keep-alive connection from the request above does not hold the stop up.
    expect(at - signalled).toBeLessThan(2_000);
    expect(server.output.at(-2)).toBe('pools closed');
  });
});
