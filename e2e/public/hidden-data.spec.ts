// The e2e server loads tests/fixtures/hidden-data.ts: one record of every kind the public must never
// see, each with a marker. Every public surface is fetched here (each page as HTML and as its React
// Server Components payload, every API endpoint, both CSVs, the feed, error pages and searches) and
// none may contain a hidden marker, a user's email or name, or a password hash; the public control
// agreement's marker must appear where that agreement is shown.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../prisma/seed/demo-data.ts';
import {
  ARCHIVED_SLUG,
  CONTROL_SLUG,
  DRAFT_SLUG,
  HIDDEN_MARKERS,
  PUBLIC_MARKER,
  PUBLIC_UPDATE_MARKER,
  SEARCH_WORDS,
} from '../../tests/fixtures/hidden-markers.ts';

const FORBIDDEN = [...Object.values(HIDDEN_MARKERS), ...DEMO_ACCOUNTS.flatMap((account) => [account.email, account.name]), '$argon2'];
const today = new Date().toISOString().slice(0, 10);

const PAGES = [
  '/',
  `/?asOf=${today}`,
  '/agreements',
  '/agreements?perPage=100',
  `/agreements?asOf=${today}&perPage=100`,
  `/agreements/${CONTROL_SLUG}`,
  `/agreements/${CONTROL_SLUG}?asOf=${today}`,
  '/sectors/energy-infrastructure',
  '/parties/pakistan',
  '/parties/azerbaijan',
  '/methodology',
  ...Object.values(SEARCH_WORDS).map((word) => `/agreements?q=${word}`),
];
const NOT_FOUND_PAGES = [`/agreements/${DRAFT_SLUG}`, `/agreements/${ARCHIVED_SLUG}`, '/sectors/no-such-sector', '/no-such-page'];
const DATA = [
  '/api/v1/agreements?perPage=100',
  `/api/v1/agreements?perPage=100&asOf=${today}`,
  `/api/v1/agreements/${CONTROL_SLUG}`,
  `/api/v1/agreements/${CONTROL_SLUG}?asOf=${today}`,
  '/api/v1/sectors',
  '/api/v1/parties',
  '/api/v1/scores',
  `/api/v1/scores?asOf=${today}`,
  '/api/v1/agreements.csv',
  '/api/v1/milestones.csv',
  '/feed.xml',
  ...Object.values(SEARCH_WORDS).map((word) => `/api/v1/agreements?q=${word}`),
];

async function fetchText(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const response = await request.get(path, { headers });
  return { status: response.status(), text: await response.text() };
}

function leaksIn(text: string) {
  return FORBIDDEN.filter((marker) => text.includes(marker));
}

test('no page, RSC payload, API response, CSV, feed or error page reveals hidden records', async ({ request }) => {
  const seen: Record<string, string> = {};
  for (const path of PAGES) {
    const html = await fetchText(request, path);
    const rsc = await fetchText(request, path, { RSC: '1' });
    expect(html.status, path).toBe(200);
    expect(rsc.status, `${path} (RSC)`).toBe(200);
    expect(leaksIn(html.text), path).toEqual([]);
    expect(leaksIn(rsc.text), `${path} (RSC)`).toEqual([]);
    seen[path] = html.text;
    seen[`${path} (RSC)`] = rsc.text;
  }
  for (const path of NOT_FOUND_PAGES) {
    const html = await fetchText(request, path);
    const rsc = await fetchText(request, path, { RSC: '1' });
    expect(html.status, path).toBe(404);
    expect(leaksIn(html.text), path).toEqual([]);
    expect(leaksIn(rsc.text), `${path} (RSC)`).toEqual([]);
  }
  for (const path of DATA) {
    const data = await fetchText(request, path);
    expect(data.status, path).toBe(200);
    expect(leaksIn(data.text), path).toEqual([]);
    seen[path] = data.text;
  }
  for (const slug of [DRAFT_SLUG, ARCHIVED_SLUG]) {
    const data = await fetchText(request, `/api/v1/agreements/${slug}`);
    expect(data.status, slug).toBe(404);
    expect(leaksIn(data.text), slug).toEqual([]);
  }

  // The control agreement is public: the checks above would pass vacuously if nothing were shown.
  for (const path of [
    '/agreements',
    `/agreements/${CONTROL_SLUG}`,
    `/agreements/${CONTROL_SLUG} (RSC)`,
    '/sectors/energy-infrastructure',
    '/api/v1/agreements?perPage=100',
    '/api/v1/agreements.csv',
    '/api/v1/milestones.csv',
    `/agreements?q=${SEARCH_WORDS.control}`,
  ]) {
    expect(seen[path], path).toContain(PUBLIC_MARKER);
  }
  for (const path of ['/', `/agreements/${CONTROL_SLUG}`, `/api/v1/agreements/${CONTROL_SLUG}`, '/feed.xml']) {
    expect(seen[path], path).toContain(PUBLIC_UPDATE_MARKER);
  }
  for (const word of Object.keys(SEARCH_WORDS).filter((kind) => kind !== 'control')) {
    const found = JSON.parse(seen[`/api/v1/agreements?q=${SEARCH_WORDS[word as keyof typeof SEARCH_WORDS]}`]!);
    expect(found.meta.total, word).toBe(0);
  }
});
