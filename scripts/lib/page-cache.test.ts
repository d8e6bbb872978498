import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  cacheKey,
  gzippedWithNonce,
  PageCache,
  representation,
  storable,
  varyOnEncoding,
  weakEtag,
  withNonce,
} from './page-cache.ts';

const anonymous = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });
const html = (body: string, headers: Record<string, string> = {}) =>
  storable(
    200,
    { 'content-type': 'text/html', 'content-security-policy': "script-src 'nonce-OLD1'", ...headers },
    Buffer.from(body),
    1,
    0,
  )!;
const json = (body: string, headers: Record<string, string> = {}) =>
  storable(200, { 'content-type': 'application/json', ...headers }, Buffer.from(body), 1, 0)!;

describe('the public page cache', () => {
  it('shares only anonymous loads of public pages and open data', () => {
    expect(cacheKey(anonymous('/agreements?sector=health&page=2'))).toBe('/agreements?sector=health&page=2');
    expect(cacheKey(anonymous('/'))).toBe('/');
    expect(cacheKey(anonymous('/agreements/lng-supply-socar', { cookie: 'theme=dark' }))).toBe('/agreements/lng-supply-socar');
    expect(cacheKey(anonymous('/agreements/lng-supply-socar', { cookie: 'a=1; ittifaq.session=eyJ' }))).toBeNull();
    expect(cacheKey(anonymous('/', { cookie: '__Host-ittifaq.session=eyJ' }))).toBeNull();
    expect(cacheKey(anonymous('/agreements', { rsc: '1' }))).toBeNull();
    expect(cacheKey({ method: 'POST', url: '/agreements', headers: {} })).toBeNull();
    for (const path of ['/workspace', '/admin/users', '/sign-in', '/feed.xml', '/api/auth/session', '/api/health', '/set-password/x']) {
      expect(cacheKey(anonymous(path)), path).toBeNull();
    }
    expect(cacheKey(anonymous('/api/v1/agreements?sector=energy&page=2'))).toBe('/api/v1/agreements?sector=energy&page=2');
    expect(cacheKey(anonymous('/api/v1/agreements.csv'))).toBe('/api/v1/agreements.csv');
  });

  it('stores complete HTML pages without cookies, only with a nonce to swap', () => {
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'nonce-abc=' 'strict-dynamic'",
      'content-length': 10,
    };
    expect(storable(200, headers, Buffer.from('<html></html>'), 1, 0)).toMatchObject({ nonce: 'abc=', version: 1 });
    expect(storable(200, headers, Buffer.alloc(0), 1, 0)?.headers).not.toHaveProperty('content-length');
    expect(storable(404, headers, Buffer.alloc(0), 1, 0)).toBeNull();
    expect(storable(200, { ...headers, 'set-cookie': ['a=b'] }, Buffer.alloc(0), 1, 0)).toBeNull();
    expect(storable(200, { ...headers, 'content-security-policy': "script-src 'self'" }, Buffer.alloc(0), 1, 0)).toBeNull();
  });

  it('stores open data as it is, without a nonce to swap', () => {
    const body = Buffer.from('{"data":[{"slug":"lng-supply-socar"}]}');
    const page = storable(200, { 'content-type': 'application/json; charset=utf-8', etag: '"abc"' }, body, 1, 0)!;
    expect(page).toMatchObject({ nonce: null, headers: { etag: '"abc"' } });
    expect(withNonce(page, 'NEW2').equals(body)).toBe(true);
    expect(storable(200, { 'content-type': 'text/csv; charset=utf-8' }, Buffer.from('slug\n'), 1, 0)).not.toBeNull();
    expect(storable(200, { 'content-type': 'image/png' }, Buffer.alloc(1), 1, 0)).toBeNull();
    expect(storable(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' }, body, 1, 0)).toBeNull();
  });

  it('serves each copy with a fresh nonce in the policy and in the page', () => {
    const body = '<script nonce="OLD1"></script><p>OLD — ملک</p><script nonce="OLD1"></script>';
    const page = storable(
      200,
      { 'content-type': 'text/html', 'content-security-policy': "script-src 'nonce-OLD1'" },
      Buffer.from(body),
      1,
      0,
    )!;
    const served = representation(page, 'NEW2', undefined);
    expect(served.headers['content-security-policy']).toBe("script-src 'nonce-NEW2'");
    expect(served.body().toString()).toBe(body.replaceAll('OLD1', 'NEW2'));
  });

  it('gzips each copy with its fresh nonce spliced in, to exactly the bytes of the plain copy', () => {
    const body = 'OLD1<script nonce="OLD1"></script><p>ملک — OLD1OLD1 between</p><script nonce="OLD1">go()</script>OLD1';
    const page = html(body);
    for (const nonce of ['NEW2', 'q83vEjRWeJq83vEjRWeJqw==']) {
      const gzipped = representation(page, nonce, 'gzip');
      expect(gunzipSync(gzipped.body()).equals(withNonce(page, nonce)), nonce).toBe(true);
      expect(gzipped.headers['content-security-policy']).toBe(`script-src 'nonce-${nonce}'`);
    }
  });

  it('gzips a large repetitive page to a small fraction of its size', () => {
    const rows = '<tr class="border-b"><td class="px-3 py-2">LNG supply agreement with SOCAR</td></tr>'.repeat(600);
    const script = '<script nonce="OLD1">self.__next_f.push([1,"…"])</script>';
    const page = html(`${script}<table>${rows}</table>${script}<table>${rows}</table>${script}`);
    const plain = withNonce(page, 'NEW2');
    const gzipped = gzippedWithNonce(page, 'NEW2');
    expect(gunzipSync(gzipped).equals(plain)).toBe(true);
    expect(plain.length).toBeGreaterThan(100_000);
    expect(gzipped.length).toBeLessThan(plain.length / 10);
  });

  it('gzips open data as it was stored', () => {
    const body = JSON.stringify({ data: Array.from({ length: 200 }, (_, index) => ({ slug: `agreement-${index}`, sector: 'energy' })) });
    expect(gunzipSync(gzippedWithNonce(json(body), 'NEW2')).toString()).toBe(body);
    expect(gunzipSync(gzippedWithNonce(json(''), 'NEW2')).length).toBe(0);
  });

  it('sends gzip only to clients whose Accept-Encoding admits it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(['br', 'x-gzip'])).toBe(true);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip; q=0.000, *')).toBe(false);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('marks the gzip copy with a weak ETag and both copies as varying by Accept-Encoding', () => {
    const page = json('{"data":[]}', { etag: '"abc"', vary: 'rsc' });
    const gzipped = representation(page, 'NEW2', 'gzip, br');
    expect(gzipped).toMatchObject({ encoding: 'gzip', headers: { etag: 'W/"abc"', vary: 'rsc, Accept-Encoding' } });
    expect(gunzipSync(gzipped.body()).toString()).toBe('{"data":[]}');
    const plain = representation(page, 'NEW2', 'br');
    expect(plain).toMatchObject({ encoding: null, headers: { etag: '"abc"', vary: 'rsc, Accept-Encoding' } });
    expect(plain.body().toString()).toBe('{"data":[]}');
    expect(representation(html('<p>OLD1</p>'), 'NEW2', 'gzip').headers).not.toHaveProperty('etag');
    expect(weakEtag('W/"abc"')).toBe('W/"abc"');
  });

  it('names Accept-Encoding in Vary once', () => {
    expect(varyOnEncoding(undefined)).toBe('Accept-Encoding');
    expect(varyOnEncoding('RSC, Next-Router-State-Tree')).toBe('RSC, Next-Router-State-Tree, Accept-Encoding');
    expect(varyOnEncoding('accept-encoding, rsc')).toBe('accept-encoding, rsc');
    expect(varyOnEncoding(['rsc', 'Accept-Encoding'])).toBe('rsc, Accept-Encoding');
    expect(varyOnEncoding('*')).toBe('*');
  });

  it('counts the compressed copy against its size', () => {
    const body = '<p>OLD1</p>'.repeat(100);
    const cache = new PageCache({ maxBytes: body.length, ttlMs: 1000 });
    cache.set('/a', html(body));
    expect(cache.size).toBe(0);
  });

  it('drops entries when public data changes, after their lifetime, and beyond its size', () => {
    const cache = new PageCache({ maxBytes: 10, ttlMs: 1000 });
    const page = (body: string, version = 1) => ({
      headers: {},
      segments: [Buffer.from(body)],
      deflated: [],
      bytes: body.length,
      nonce: 'n',
      version,
      storedAt: 0,
    });
    cache.set('/a', page('12345'));
    expect(cache.get('/a', 1, 500)).not.toBeNull();
    expect(cache.get('/a', 2, 500)).toBeNull();
    cache.set('/a', page('12345', 2));
    expect(cache.get('/a', 2, 1500)).toBeNull();
    cache.set('/a', page('12345'));
    cache.set('/b', page('12345'));
    cache.get('/a', 1, 0);
    cache.set('/c', page('12345'));
    expect(cache.get('/b', 1, 0)).toBeNull();
    expect(cache.get('/a', 1, 0)).not.toBeNull();
    expect(cache.size).toBe(2);
  });
});
