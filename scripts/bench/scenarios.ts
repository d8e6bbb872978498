// Everything `npm run bench` measures, in one list. A read scenario is a URL built from the data set's
// fixtures; a write scenario asks writes.ts for a signed-in request plan. Add a scenario here and it is
// warmed, measured, judged against its group's target and written to docs/benchmarks.md.
import type { Fixtures } from './fixtures.ts';
import type { ScenarioGroup } from './targets.ts';
import { planWrite } from './writes.ts';

export interface RequestPlan {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Per-request changes, e.g. a different pending update for every verification. */
  setupRequest?: (request: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) => typeof request;
  /** Whether a response did what was asked (server actions answer 200 even when they refuse). */
  isSuccess?: (status: number, body: string) => boolean;
}

export interface ScenarioContext {
  baseUrl: string;
  /** The benchmark database, for scenarios that need more than the fixtures (writes). */
  databaseUrl: string;
  fixtures: Fixtures;
}

export interface Skipped {
  skipped: string;
}

export interface Scenario {
  id: string;
  label: string;
  group: ScenarioGroup;
  plan: (context: ScenarioContext) => RequestPlan | Skipped | Promise<RequestPlan | Skipped>;
}

/**
 * What every browser sends with a page load, so the server sends cached pages compressed as it would to
 * a browser. autocannon sends no Host of its own once headers are given.
 */
const get =
  (path: (fixtures: Fixtures) => string) =>
  ({ fixtures, baseUrl }: ScenarioContext): RequestPlan => ({
    method: 'GET',
    path: path(fixtures),
    headers: { host: new URL(baseUrl).host, 'accept-encoding': 'gzip, deflate, br, zstd' },
  });

export const SCENARIOS: Scenario[] = [
  { id: 'baseline', label: 'Static page (baseline)', group: 'baseline', plan: get(() => '/about') },
  { id: 'dashboard', label: 'Dashboard', group: 'page', plan: get(() => '/') },
  { id: 'agreements', label: 'Agreements list', group: 'page', plan: get(() => '/agreements') },
  {
    id: 'agreements-filtered',
    label: 'Agreements list, filtered',
    group: 'page',
    plan: get((f) => `/agreements?sector=${f.sectorSlug}&status=IN_FORCE&sort=score`),
  },
  {
    id: 'agreements-search',
    label: 'Agreements search',
    group: 'search',
    plan: get((f) => `/agreements?q=${encodeURIComponent(f.searchTerm)}`),
  },
  { id: 'agreement-detail', label: 'Agreement detail', group: 'page', plan: get((f) => `/agreements/${f.agreementSlug}`) },
  { id: 'sector', label: 'Sector page', group: 'page', plan: get((f) => `/sectors/${f.sectorSlug}`) },
  { id: 'party', label: 'Party page', group: 'page', plan: get((f) => `/parties/${f.partySlug}`) },
  { id: 'api-list', label: 'API: agreements list', group: 'api', plan: get(() => '/api/v1/agreements') },
  { id: 'api-detail', label: 'API: agreement detail', group: 'api', plan: get((f) => `/api/v1/agreements/${f.agreementSlug}`) },
  { id: 'record-update', label: 'Analyst records an update', group: 'write', plan: (context) => planWrite('record', context) },
  { id: 'verify-update', label: 'Analyst verifies an update', group: 'write', plan: (context) => planWrite('verify', context) },
];

export function isSkipped(plan: RequestPlan | Skipped): plan is Skipped {
  return 'skipped' in plan;
}
