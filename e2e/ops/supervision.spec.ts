// `npm start` as an operator runs it, in a data directory and on ports of its own: the app process is
// killed and serves again within 10 s with what was written before, on the same database server;
// SIGTERM then stops the app and the database and exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ANALYST_PK, signedIn } from '../support/accounts.ts';

const PORT = Number(process.env.E2E_START_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
const DB_PORT = Number(process.env.E2E_START_DB_PORT ?? Number(process.env.ITTIFAQ_TEST_DB_PORT ?? 54339) + 1);
const BASE = `http://localhost:${PORT}`;
const AGREEMENT = 'scholarships-exchange-programme';
const MILESTONE_TITLE = 'Scholarships awarded to Pakistani students in Azerbaijan';

let dataRoot: string;
let npmStart: ChildProcess | undefined;
let output = '';

test.beforeAll(async () => {
  dataRoot = await mkdtemp(path.join(os.tmpdir(), 'ittifaq-supervision-'));
  // As root, PostgreSQL runs as an unprivileged user that must be able to reach the data directory.
  await chmod(dataRoot, 0o755);
});

test.afterAll(async () => {
  if (npmStart?.exitCode === null) {
    npmStart.kill('SIGKILL');
    const appPid = lastAppPid();
    if (appPid) process.kill(appPid, 'SIGKILL');
  }
  await rm(dataRoot, { recursive: true, force: true });
});

function lastAppPid(): number | undefined {
  const pids = [...output.matchAll(/app server started \(pid (\d+)\)/g)];
  return pids.length ? Number(pids.at(-1)![1]) : undefined;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s. npm start printed:\n${output}`);
}

const serving = async () => ((await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok ? true : undefined);

async function postmasterPid(): Promise<number> {
  return Number((await readFile(path.join(dataRoot, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

async function recordPendingUpdate(page: Page, marker: string) {
  await signedIn(page, ANALYST_PK);
  await page.goto(`/workspace/agreements/${AGREEMENT}`);
  await page
    .locator('section.workspace-milestone')
    .filter({ has: page.getByRole('heading', { level: 2, name: MILESTONE_TITLE }) })
    .getByRole('link', { name: 'Record an update' })
    .click();
  await page.getByLabel('Observed on').fill('2026-10-15');
  await page.getByLabel('Actual value (scholarships)').fill('12');
  await page.getByLabel('What happened').fill(marker);
  const evidence = page.getByRole('group', { name: 'Evidence item 1' });
  await evidence.getByLabel('Web address').fill('https://example.org/edu-az/2026/enrolment');
  await evidence.getByLabel('Title').fill('Enrolment statistics 2026');
  await evidence.getByLabel('Kind').selectOption('DATASET');
  await page.getByRole('button', { name: 'Record the update' }).click();
  await expect(page.getByText('Recorded. It is now awaiting review.')).toBeVisible();
}

test('npm start brings a killed app back within 10 s on the same database, and stops in order on SIGTERM', async ({ browser }) => {
  // A fresh data directory: initialising, migrating and seeding it comes first.
  test.setTimeout(300_000);
  const { DATABASE_URL: _external, ...env } = process.env;
  npmStart = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env: { ...env, PORT: String(PORT), ITTIFAQ_DB_PORT: String(DB_PORT), ITTIFAQ_DB_DIR: path.join(dataRoot, 'postgres') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Each chunk stamped with the time since the start, so that a slow restart shows where it was slow.
  const started = Date.now();
  const keep = (chunk: Buffer) => (output += `[${Date.now() - started} ms] ${chunk.toString()}`);
  npmStart.stdout!.on('data', keep);
  npmStart.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => npmStart!.once('exit', (code) => resolve(code)));
  await until('npm start becoming ready', 240_000, async () => (output.includes(`Ittifaq is running at ${BASE}`) ? true : undefined));

  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const marker = `Twelve scholarships before the crash (${Date.now()})`;
  await recordPendingUpdate(page, marker);
  const agreementsBefore = await (await fetch(`${BASE}/api/v1/agreements`)).json();
  const databaseBefore = await postmasterPid();

  const appPid = lastAppPid()!;
  process.kill(appPid, 'SIGKILL');
  const killedAt = Date.now();
  // Waited for longer than the target, so that a miss reports how long it took.
  await until('the app server serving again', 30_000, async () => (lastAppPid() !== appPid ? serving() : undefined));
  expect(Date.now() - killedAt, `killed at ${killedAt - started} ms; npm start printed:\n${output}`).toBeLessThan(10_000);
  expect(output).toContain('the app server stopped unexpectedly (killed by SIGKILL); the database keeps running.');
  expect(lastAppPid()).not.toBe(appPid);

  // The same database server throughout, with everything written before the crash.
  expect(await postmasterPid()).toBe(databaseBefore);
  expect(await (await fetch(`${BASE}/api/v1/agreements`)).json()).toEqual(agreementsBefore);
  await page.goto('/workspace');
  await expect(page.locator('main')).toContainText(marker);
  await context.close();

  npmStart.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).toContain('SIGTERM received: stopping the app server, then the database');
  expect(output).toContain('ittifaq: requests finished and database connections closed; stopped');
  await expect(postmasterPid()).rejects.toMatchObject({ code: 'ENOENT' });
});
