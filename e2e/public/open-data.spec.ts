import { expect, test } from '@playwright/test';

test('the JSON API serves agreements, sectors, parties and scores with stable fields', async ({ request }) => {
  const list = await request.get('/api/v1/agreements?sector=energy-infrastructure&sort=title-asc');
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.meta).toMatchObject({ methodVersion: 1, page: 1, sort: 'title-asc' });
  expect(body.data.map((item: { slug: string }) => item.slug)).toContain('lng-supply-socar');

  const detail = await (await request.get('/api/v1/agreements/lng-supply-socar?asOf=2024-12-31')).json();
  expect(detail.meta.asOf).toBe('2024-12-31');
  expect(detail.data.milestones[1].compliance).toEqual({ expected: 12, delivered: 10, rate: 10 / 12 });
  expect(detail.data.updates[0].evidence[0].url).toMatch(/^https:\/\/example\.org\//);

  for (const path of ['/api/v1/sectors', '/api/v1/parties', '/api/v1/scores?asOf=2024-12-31']) {
    const plain = await request.get(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status(), path).toBe(200);
    const etag = plain.headers()['etag']!;
    expect(etag, path).toMatch(/^W\/"[^"]+"$/);
    // One weak validator stands for the plain and the compressed copy: equivalent, not identical bytes.
    const gzipped = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzipped.headers()['etag'], path).toBe(etag);
  }
});

test('the API names a bad parameter in a 400, answers 404 for unknown slugs and 304 for unchanged data', async ({ request }) => {
  const bad = await request.get('/api/v1/agreements?signedYear=twenty');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toEqual({ parameter: 'signedYear', message: '"signedYear" must be a year such as 2021.' });
  const missing = await request.get('/api/v1/agreements/no-such-agreement');
  expect(missing.status()).toBe(404);
  const first = await request.get('/api/v1/scores');
  const again = await request.get('/api/v1/scores', { headers: { 'If-None-Match': first.headers()['etag']! } });
  expect(again.status()).toBe(304);
});

test('the Atom feed lists verified updates with links to their agreement pages', async ({ request }) => {
  const feed = await request.get('/feed.xml');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml.match(/<entry>/g)!.length).toBeGreaterThan(10);
  expect(xml).toMatch(/<link href="http:\/\/127\.0\.0\.1:\d+\/agreements\/[a-z0-9-]+\?timeline=all#update-[0-9a-f-]+"\/>/);
});
