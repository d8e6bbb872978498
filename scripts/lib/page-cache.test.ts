import { describe, expect, it } from 'vitest';
import { cacheKey, PageCache, storable, withNonce } from './page-cache.ts';

const anonymous = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });

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
    const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'nonce-abc=' 'strict-dynamic'", 'content-length': 10 };
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
    expect(withNonce(page, 'NEW2').body.equals(body)).toBe(true);
    expect(storable(200, { 'content-type': 'text/csv; charset=utf-8' }, Buffer.from('slug\n'), 1, 0)).not.toBeNull();
    expect(storable(200, { 'content-type': 'image/png' }, Buffer.alloc(1), 1, 0)).toBeNull();
    expect(storable(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' }, body, 1, 0)).toBeNull();
  });

  it('serves each copy with a fresh nonce in the policy and in the page', () => {
    const body = '<script nonce="OLD1"></script><p>OLD — ملک</p><script nonce="OLD1"></script>';
    const page = storable(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'nonce-OLD1'" }, Buffer.from(body), 1, 0)!;
    const served = withNonce(page, 'NEW2');
    expect(served.headers['content-security-policy']).toBe("script-src 'nonce-NEW2'");
    expect(served.body.toString()).toBe(body.replaceAll('OLD1', 'NEW2'));
  });

  it('drops entries when public data changes, after their lifetime, and beyond its size', () => {
    const cache = new PageCache({ maxBytes: 10, ttlMs: 1000 });
    const page = (body: string, version = 1) => ({ headers: {}, segments: [Buffer.from(body)], bytes: body.length, nonce: 'n', version, storedAt: 0 });
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
