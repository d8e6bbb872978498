// What an outsider can throw at a running server: oversized bodies, other origins, malformed
// addresses. Each is refused with a 4xx before any work, and the server keeps serving everyone else.
import { execFile } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { residentMb, serverPid } from '../support/server-process.ts';

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * The attack, in a process of its own (so this test's own requests are not held up by its writes):
 * `count` concurrent POSTs of `megabytes` each to `path`; prints the status codes as JSON.
 */
const ATTACK = `
const { request } = require('node:http');
const [port, path, count, megabytes] = process.argv.slice(1).map((v, i) => (i === 1 ? v : Number(v)));
const MB = 1024 * 1024;
const post = () => new Promise((resolve) => {
  const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: {
    'content-type': 'application/x-www-form-urlencoded', 'content-length': String(megabytes * MB), 'next-action': '0'.repeat(42) } },
    (res) => { res.resume(); resolve(res.statusCode); });
  // The server may answer and close before the whole body is sent; the answer is what counts.
  req.on('error', (error) => resolve(error.code));
  const chunk = Buffer.alloc(MB, 'a');
  let sent = 0;
  const pump = () => { while (sent < megabytes) { sent += 1; if (!req.write(chunk)) return void req.once('drain', pump); } req.end(); };
  pump();
});
Promise.all(Array.from({ length: count }, post)).then((statuses) => console.log(JSON.stringify(statuses)));
`;

function attack(path: string, count: number, megabytes: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', ATTACK, String(port), path, String(count), String(megabytes)],
      { timeout: 100_000 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
  });
}

test('16 anonymous 20 MB posts at once are refused with 413 while the server keeps answering and its memory stays put', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const pid = serverPid(port);
  expect(pid, 'the e2e server process').not.toBeNull();
  const before = residentMb(pid!);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMb(pid!))), 100);
  const healthChecks: number[] = [];
  let attacking = true;
  const health = (async () => {
    while (attacking) {
      healthChecks.push((await request.get('/api/health')).status());
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  try {
    const statuses = await attack('/sign-in', 16, 20);
    expect(statuses).toEqual(Array(16).fill(413));
  } finally {
    attacking = false;
    clearInterval(sampler);
    await health;
  }
  expect(healthChecks.length).toBeGreaterThan(0);
  expect(new Set(healthChecks)).toEqual(new Set([200]));
  expect((await request.get('/api/health')).status()).toBe(200);
  // 16 bodies of 20 MB are 320 MB; the server may hold a 1 MB copy of each at most.
  expect(peak - before, `resident memory went from ${before.toFixed(0)} MB to ${peak.toFixed(0)} MB`).toBeLessThan(100);
});

test('a cross-origin server-action post is refused with 403, not a server error', async ({ request }) => {
  const response = await request.post('/sign-in', {
    headers: { origin: 'https://evil.example', 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(response.status()).toBe(403);
});

test('NUL characters and malformed percent-encoding are refused with 400 naming the parameter', async ({ request }) => {
  const page = await request.get('/agreements?q=%00');
  expect(page.status()).toBe(400);
  expect(await page.text()).toContain('"q"');
  const api = await request.get('/api/v1/agreements?q=%00');
  expect(api.status()).toBe(400);
  expect(await api.json()).toMatchObject({ error: { parameter: 'q' } });
  expect((await request.get('/agreements/%ff')).status()).toBe(400);
  expect((await request.get('/api/v1/agreements/%ff')).status()).toBe(400);
});

test('a callbackUrl with CR/LF is answered with a safe fallback, never a server error', async ({ request }) => {
  const response = await request.get('/sign-in?callbackUrl=%2Fworkspace%0D%0ASet-Cookie%3A%20x%3D1', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['set-cookie'] ?? '').not.toContain('x=1');
});

test('redirects carry the security headers too', async ({ request }) => {
  // The proxy's redirect of a signed-out visitor, and a page's own redirect (an empty filter dropped).
  for (const path of ['/workspace', '/agreements?q=']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([303, 307, 308], path).toContain(response.status());
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['content-security-policy'], path).toContain(`frame-ancestors 'none'`);
  }
});
