// Two app servers on one database, as production runs them: two `next start` processes on a production
// build, sharing this test file's database. A write through one is on the other's pages, API and feed
// within a second; the daily score refresh runs once; arbitrary query strings leave each instance's
// cache within its byte bound. Needs a build: made here if the sources changed (`npm test` then reuses
// it for the end-to-end tests); the tests are reported as skipped, saying why, only if it cannot be made.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../prisma/seed/demo-data.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { buildIfNeeded } from '../../scripts/lib/build.ts';
import { callAction, serverAction, signIn, startAppServer, type AppServer } from '../support/app-servers.ts';
import { withClient } from '../support/db.ts';

/** Small, so that the distinct query strings below overflow it many times. */
const CACHE_MAX_BYTES = 2_000_000;
const LNG = 'lng-supply-socar';
const PENDING_CARGO = seedId('update', 'lng-cargo-2026-10-14');
const CARGO_NARRATIVE = 'awaiting confirmation from the Azerbaijani side';

let unavailable: string | null = null;
let staleAgreements = 0;
let a: AppServer;
let b: AppServer;

/** The environment of both servers: this process's, without the test runner's, on this file's database. */
function serverEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return {
    ...env,
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    ITTIFAQ_CACHE_MAX_BYTES: String(CACHE_MAX_BYTES),
  };
}

beforeAll(async () => {
  try {
    await buildIfNeeded({ ...process.env, NODE_ENV: 'production' });
  } catch (error) {
    unavailable = `no production build could be made (${(error as Error).message})`;
    console.warn(`instances.test.ts: skipped, ${unavailable}`);
    return;
  }
  await seedDemo(process.env.DATABASE_URL!);
  // Scored before today: each instance's refresh, 5 seconds after it starts, finds them stale.
  staleAgreements = await withClient(
    async (client) =>
      (await client.query(`update agreement set scored_at = now() - interval '2 days' where archived_at is null`)).rowCount ?? 0,
  );
  const env = serverEnv();
  [a, b] = await Promise.all([startAppServer(env), startAppServer(env)]);
}, 900_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function get(server: AppServer, path: string) {
  const response = await fetch(`${server.baseUrl}${path}`);
  return { status: response.status, text: await response.text() };
}

/** What B shows of the LNG agreement: its page, its API score, the dashboard and the feed. */
async function surfacesOf(server: AppServer) {
  const [page, api, dashboard, feed] = await Promise.all([
    get(server, `/agreements/${LNG}`),
    get(server, `/api/v1/agreements/${LNG}`),
    get(server, '/'),
    get(server, '/feed.xml'),
  ]);
  return {
    page: page.text.includes(CARGO_NARRATIVE),
    apiScore: (JSON.parse(api.text) as { data: { score: number } }).data.score,
    dashboard: dashboard.text.includes(CARGO_NARRATIVE),
    feed: feed.text.includes(CARGO_NARRATIVE),
  };
}

/** Requests `paths` with a few connections at once; returns the statuses seen. */
async function requestAll(server: AppServer, paths: string[], connections = 8): Promise<Set<number>> {
  const statuses = new Set<number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < paths.length) {
        const response = await fetch(`${server.baseUrl}${paths[next++]}`);
        await response.arrayBuffer();
        statuses.add(response.status);
      }
    }),
  );
  return statuses;
}

async function cacheOf(server: AppServer) {
  const health = (await (await fetch(`${server.baseUrl}/api/health`)).json()) as {
    cache: { entries: number; bytes: number; maxBytes: number };
  };
  return health.cache;
}

describe('two app servers on one database', () => {
  it('show a update verified through one on the other’s agreement page, API, dashboard and feed within a second', async (context) => {
    if (unavailable) context.skip(unavailable);
    // B has everything cached from before the write.
    const before = await surfacesOf(b);
    expect(await surfacesOf(b)).toEqual(before);
    expect(before).toMatchObject({ page: false, dashboard: false, feed: false });

    const az = DEMO_ACCOUNTS.find((account) => account.key === 'az')!;
    const cookie = await signIn(a.baseUrl, az.email, az.password);
    const verify = await callAction(a.baseUrl, cookie, await serverAction('reviewProgressAction'), {
      updateId: PENDING_CARGO,
      decision: 'verify',
    });
    const done = Date.now();
    expect(verify.status).toBe(200);
    expect(verify.text).toContain('"status":"success"');

    // When the first requests that all show the change were sent: rendering them takes its own time.
    let sentAt = Date.now();
    let after = await surfacesOf(b);
    while (!(after.page && after.dashboard && after.feed && after.apiScore !== before.apiScore) && sentAt - done < 1_000) {
      sentAt = Date.now();
      after = await surfacesOf(b);
    }
    expect(after).toEqual({ page: true, apiScore: expect.any(Number), dashboard: true, feed: true });
    expect(after.apiScore).toBeGreaterThan(before.apiScore);
    expect(sentAt - done).toBeLessThan(1_000);
  }, 60_000);

  it('run the daily score refresh once between them', async (context) => {
    if (unavailable) context.skip(unavailable);
    expect(staleAgreements).toBeGreaterThan(0);
    const stale = async () =>
      withClient(
        async (client) =>
          (await client.query(`select count(*)::int as n from agreement where archived_at is null and scored_at < current_date`)).rows[0].n,
      );
    const deadline = Date.now() + 60_000;
    while ((await stale()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await stale()).toBe(0);
    // Each instance tries 5 seconds after it started; whichever comes second stands aside or finds nothing left.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const refreshed = [a, b].flatMap((server) =>
      [...server.output().matchAll(/refreshed the scores of (\d+) agreements/g)].map((match) => Number(match[1])),
    );
    // One refresh in all. The verification in the test above rescored the LNG agreement, so a refresh that
    // ran after it found that one fresh.
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toBeGreaterThanOrEqual(staleAgreements - 1);
    expect(refreshed[0]).toBeLessThanOrEqual(staleAgreements);
  }, 90_000);

  it('keep each cache within its byte bound through 2,000 distinct query strings, unknown parameters adding nothing', async (context) => {
    if (unavailable) context.skip(unavailable);
    const pages = ['/', '/agreements', `/agreements/${LNG}`, '/sectors/energy-infrastructure', '/parties/socar'];
    for (const server of [a, b]) {
      // Warm: every entry these pages use is cached (an entry computed while an invalidation arrived,
      // from the other instance's refresh say, is not stored: ask until nothing new is).
      let warm = await cacheOf(server);
      for (let pass = 0; pass < 10; pass += 1) {
        expect(await requestAll(server, pages)).toEqual(new Set([200]));
        const now = await cacheOf(server);
        if (pass > 0 && now.entries === warm.entries) break;
        warm = now;
      }
      const unknown = Array.from({ length: 500 }, (_, index) => `${pages[index % pages.length]}?utm_source=newsletter-${index}&v=${index}`);
      expect(await requestAll(server, unknown)).toEqual(new Set([200]));
      // The same entries serve every one of them (a few may have expired and come back meanwhile).
      expect((await cacheOf(server)).entries).toBeLessThanOrEqual(warm.entries);

      // Distinct valid values are distinct entries: the least recently used make way.
      const day = (index: number) => new Date(Date.UTC(2021, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
      const distinct = Array.from({ length: 500 }, (_, index) =>
        index % 2 ? `/api/v1/agreements?q=cargo${index}` : `/api/v1/agreements/${LNG}?asOf=${day(index)}`,
      );
      expect(await requestAll(server, distinct)).toEqual(new Set([200]));
      const after = await cacheOf(server);
      expect(after.maxBytes).toBe(CACHE_MAX_BYTES);
      expect(after.bytes).toBeGreaterThan(CACHE_MAX_BYTES / 2);
      expect(after.bytes).toBeLessThanOrEqual(CACHE_MAX_BYTES);
    }
  }, 600_000);
});
