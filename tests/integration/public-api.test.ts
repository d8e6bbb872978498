import Papa from 'papaparse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../prisma/seed/index.ts';
import { GET as getAgreementsCsv } from '../../app/api/v1/agreements.csv/route.ts';
import { GET as getAgreement } from '../../app/api/v1/agreements/[slug]/route.ts';
import { GET as getAgreements } from '../../app/api/v1/agreements/route.ts';
import { GET as getMilestonesCsv } from '../../app/api/v1/milestones.csv/route.ts';
import { GET as getParties } from '../../app/api/v1/parties/route.ts';
import { GET as getScores } from '../../app/api/v1/scores/route.ts';
import { GET as getSectors } from '../../app/api/v1/sectors/route.ts';
import { PUBLIC_CACHE_CONTROL } from '../../lib/api/responses.ts';

vi.mock('next/cache', async () => (await import('../support/next-cache.ts')).passThroughCache);

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

describe('GET /api/v1/agreements', () => {
  it('answers the filtered, paginated list with stable camelCase fields and paging metadata', async () => {
    const response = await getAgreements(request('/api/v1/agreements?sector=energy-infrastructure&perPage=1'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await response.json();
    expect(body.meta).toEqual({ asOf: null, methodVersion: 1, page: 1, perPage: 1, total: 2, totalPages: 2, sort: 'score-desc' });
    expect(Object.keys(body.data[0]).sort()).toEqual([
      'band',
      'effectiveOn',
      'expiresOn',
      'kind',
      'links',
      'parties',
      'score',
      'sectors',
      'signedOn',
      'slug',
      'status',
      'summary',
      'title',
    ]);
    expect(body.data[0]).toMatchObject({
      slug: 'lng-supply-socar',
      links: { self: '/api/v1/agreements/lng-supply-socar', html: '/agreements/lng-supply-socar' },
    });
  });

  it('answers 400 naming the parameter when one is invalid or unknown', async () => {
    const invalid = await getAgreements(request('/api/v1/agreements?signedYear=twenty'));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      error: { parameter: 'signedYear', message: '"signedYear" must be a year such as 2021.' },
    });
    const unknown = await getAgreements(request('/api/v1/agreements?sectr=defence'));
    expect((await unknown.json()).error.parameter).toBe('sectr');
    const future = await getScores(request('/api/v1/scores?asOf=2999-01-01'));
    expect(future.status).toBe(400);
    expect((await future.json()).error).toEqual({ parameter: 'asOf', message: '"asOf" must not be in the future.' });
  });

  it('revalidates with an ETag: 304 when unchanged, a new ETag when the filtered data differ', async () => {
    const first = await getAgreements(request('/api/v1/agreements'));
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    const again = await getAgreements(request('/api/v1/agreements', { 'If-None-Match': etag }));
    expect(again.status).toBe(304);
    const older = await getAgreements(request('/api/v1/agreements?asOf=2023-12-31', { 'If-None-Match': etag }));
    expect(older.status).toBe(200);
    expect(older.headers.get('etag')).not.toBe(etag);
  });
});

describe('GET /api/v1/agreements/{slug}', () => {
  it('answers the agreement with milestones, verified updates and evidence, never internal text', async () => {
    const response = await getAgreement(request('/api/v1/agreements/lng-supply-socar'), slugParams('lng-supply-socar'));
    const { data, meta } = await response.json();
    expect(meta).toEqual({ asOf: null, methodVersion: 1 });
    expect(data.milestones[1]).toMatchObject({
      kind: 'RECURRING',
      frequency: 'MONTHLY',
      unit: 'cargo',
      responsibleParty: { slug: 'socar' },
    });
    expect(data.milestones[1].ledger[0]).toEqual({ start: '2024-01-01', end: '2024-01-31', expected: 1, delivered: 1, state: 'DELIVERED' });
    expect(data.updates[0].evidence[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/example\.org\//), kind: 'DATASET' });
    expect(data.updates[0].side).toMatchObject({ slug: expect.stringMatching(/^(pakistan|azerbaijan)$/) });
    expect(JSON.stringify(data)).not.toMatch(/searchText|search_text|reviewNote|authorId|reviewerId/);
  });

  it('answers 404 for an unknown slug and for a draft', async () => {
    for (const slug of ['no-such-agreement', 'it-outsourcing-partnership', 'constructor', '__proto__']) {
      const response = await getAgreement(request(`/api/v1/agreements/${slug}`), slugParams(slug));
      expect(response.status, slug).toBe(404);
      expect((await response.json()).error.message).toBe('No published agreement has this slug.');
    }
  });
});

describe('GET /api/v1/sectors, /parties and /scores', () => {
  it('answer every sector and party with its score, and the relationship score', async () => {
    const sectors = (await (await getSectors(request('/api/v1/sectors'))).json()).data;
    expect(sectors.find((sector: { slug: string }) => sector.slug === 'energy-infrastructure')).toMatchObject({
      agreementCount: 2,
      countedAgreements: 1,
      band: 'INTERMEDIATE',
    });
    const parties = (await (await getParties(request('/api/v1/parties'))).json()).data;
    expect(parties.find((party: { slug: string }) => party.slug === 'socar')).toMatchObject({
      shortName: 'SOCAR',
      kind: 'STATE_COMPANY',
      countryCode: 'AZ',
      agreementCount: 2,
    });
    const scores = (await (await getScores(request('/api/v1/scores'))).json()).data;
    expect(scores.overall).toMatchObject({ agreementCount: 10, countedAgreements: 9 });
    expect(scores.overall.history[0]).toEqual({ month: '2020-06-01', score: 0 });
    expect(scores.overall.history.at(-1).score).toBe(scores.overall.score);
    expect(scores.sectors).toHaveLength(sectors.length);
  });

  it('answer the scores as of a past day', async () => {
    const scores = await (await getScores(request('/api/v1/scores?asOf=2019-12-31'))).json();
    expect(scores.meta.asOf).toBe('2019-12-31');
    expect(scores.data.overall).toEqual({ score: null, band: null, agreementCount: 10, countedAgreements: 0, history: [] });
  });
});

describe('CSV downloads', () => {
  it('hold exactly the filtered agreements, all of them, not one page', async () => {
    const response = await getAgreementsCsv(request('/api/v1/agreements.csv?band=INTERMEDIATE&sort=title-asc'));
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="ittifaq-agreements\.csv"/);
    const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
    const json = await (await getAgreements(request('/api/v1/agreements?band=INTERMEDIATE&sort=title-asc&perPage=2'))).json();
    expect(rows).toHaveLength(json.meta.total);
    expect(json.meta.total).toBeGreaterThan(2);
    expect(rows.every((row) => row.band === 'INTERMEDIATE')).toBe(true);
    expect(rows.map((row) => row.slug).slice(0, 2)).toEqual(json.data.map((item: { slug: string }) => item.slug));
  });

  it('list the milestones of the filtered agreements, referencing them by slug', async () => {
    const response = await getMilestonesCsv(request('/api/v1/milestones.csv?kind=CONTRACT'));
    const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row.agreement_slug, row.position, row.kind])).toEqual([
      ['lng-supply-socar', '0', 'ONE_OFF'],
      ['lng-supply-socar', '1', 'RECURRING'],
    ]);
  });

  it('answer 400 for a bad filter', async () => {
    const response = await getMilestonesCsv(request('/api/v1/milestones.csv?page=2'));
    expect(response.status).toBe(400);
    expect((await response.json()).error.parameter).toBe('page');
  });
});
