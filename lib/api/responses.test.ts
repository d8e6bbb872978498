import { describe, expect, it } from 'vitest';
import { badRequest, etagOf, jsonResponse, matchesEtag, PUBLIC_CACHE_CONTROL } from './responses.ts';

describe('open-data responses', () => {
  it('carry an ETag that changes with the body, and a policy a CDN can serve from', async () => {
    const response = jsonResponse(new Request('http://x/api'), { score: 1 });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(PUBLIC_CACHE_CONTROL).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(response.headers.get('etag')).toBe(etagOf('{"score":1}'));
    expect(etagOf('{"score":2}')).not.toBe(etagOf('{"score":1}'));
    expect(await response.json()).toEqual({ score: 1 });
  });

  it('answer 304 without a body when the client already has this version', async () => {
    const etag = etagOf('{"score":1}');
    const response = jsonResponse(new Request('http://x/api', { headers: { 'If-None-Match': `"other", ${etag.slice(2)}` } }), { score: 1 });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(etag);
    expect(await response.text()).toBe('');
  });

  it('match If-None-Match lists, weak validators and the wildcard', () => {
    expect(matchesEtag('"a", "b"', '"b"')).toBe(true);
    expect(matchesEtag('W/"b"', '"b"')).toBe(true);
    expect(matchesEtag('"b"', 'W/"b"')).toBe(true);
    expect(etagOf('x')).toMatch(/^W\/"/);
    expect(matchesEtag('*', '"b"')).toBe(true);
    expect(matchesEtag('"a"', '"b"')).toBe(false);
    expect(matchesEtag(null, '"b"')).toBe(false);
  });

  it('name the first bad parameter in a 400 and list them all', async () => {
    const response = badRequest([
      { parameter: 'signedYear', message: 'bad' },
      { parameter: 'band', message: 'worse' },
    ]);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { parameter: 'signedYear', message: 'bad' },
      errors: [
        { parameter: 'signedYear', message: 'bad' },
        { parameter: 'band', message: 'worse' },
      ],
    });
  });
});
