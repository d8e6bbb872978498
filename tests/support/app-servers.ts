// Production app servers for integration tests: `next start` (as `npm start` runs it) on the build in
// .next, on a port of their own, with their output kept for the test to read; and what a browser sends
// them (a session from next-auth's credentials endpoint, a server action as a form posts it).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { serverCommand } from '../../scripts/lib/build.ts';

export interface AppServer {
  baseUrl: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts a server and waits until /api/health says it is up and receives cache invalidations. */
export async function startAppServer(env: NodeJS.ProcessEnv): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const listen = { ...env, PORT: String(port), HOST: '127.0.0.1', NEXTAUTH_URL: baseUrl, NODE_ENV: 'production' as const };
  const child = spawn(process.execPath, serverCommand(listen), { env: listen, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const health = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.json() as Promise<{ status: string; cache: { trusted: boolean } }>)
      .catch(() => null);
    if (health?.status === 'ok' && health.cache.trusted) return { baseUrl, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The app server at ${baseUrl} did not come up:\n${output.slice(-3_000)}`);
}

function cookieHeader(response: Response, jar: Map<string, string>): string {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(csrf, jar), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const cookie = cookieHeader(response, jar);
  if (![...jar.keys()].some((name) => name.endsWith('ittifaq.session')))
    throw new Error(`Signing in ${email} failed (HTTP ${response.status}).`);
  return cookie;
}

/** The id of the server action exported as `name`, and a page that serves it, from the build's manifest. */
export async function serverAction(name: string): Promise<{ id: string; path: string }> {
  const manifest = JSON.parse(await readFile(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  for (const [id, action] of Object.entries(manifest.node)) {
    if (action.exportedName !== name) continue;
    // "app/(signed-in)/workspace/page" is served at /workspace.
    const page = Object.keys(action.workers).find((worker) => worker.endsWith('/page') && !worker.includes('['));
    if (page)
      return {
        id,
        path:
          page
            .replace(/^app/, '')
            .replace(/\/\([^)]+\)/g, '')
            .replace(/\/page$/, '') || '/',
      };
  }
  throw new Error(`No server action "${name}" in the build.`);
}

const BOUNDARY = '----ittifaq-test-boundary';

/** Calls a `useActionState` form's action as React does: [previous state, the form's fields]. Returns the response text. */
export async function callAction(baseUrl: string, cookie: string, action: { id: string; path: string }, fields: Record<string, string>) {
  const parts = [
    ...Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]),
    ['0', JSON.stringify([{ status: 'idle' }, '$K1'])],
  ];
  const body = `${parts.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${BOUNDARY}--\r\n`;
  const response = await fetch(`${baseUrl}${action.path}`, {
    method: 'POST',
    headers: {
      cookie,
      'next-action': action.id,
      accept: 'text/x-component',
      origin: baseUrl,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body,
  });
  return { status: response.status, text: await response.text() };
}
