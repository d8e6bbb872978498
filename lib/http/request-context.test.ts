import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, safeCallbackPath } from './request-context.ts';

describe('request context', () => {
  it('refuses cross-site writes and accepts same-origin and non-browser ones', () => {
    const url = 'http://localhost:3000/api/auth/callback/credentials';
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }), url)).toBe(true);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'https://evil.example' }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'null' }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000' }), url)).toBe(true);
  });

  it('follows paths of this site, with their query and fragment', () => {
    expect(safeCallbackPath('/workspace?tab=review', '/')).toBe('/workspace?tab=review');
    expect(safeCallbackPath('/agreements/lng-supply#milestones', '/')).toBe('/agreements/lng-supply#milestones');
    expect(safeCallbackPath('/a/../admin', '/')).toBe('/admin');
  });

  it.each([
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['\\/evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['/workspace\r\nSet-Cookie: x=1'],
    ['/\u0000/evil.example'],
    ['https:evil.example'],
    ['https://evil.example'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['evil.example'],
    [''],
    [undefined],
  ])('never leaves the site for %j', (value) => {
    expect(safeCallbackPath(value, '/home')).toBe('/home');
  });

  it('keeps an encoded double slash a path on this site, never a host', () => {
    // `%2F%2Fx` once decoded (the query string is decoded before it gets here) is `//x`: refused.
    expect(safeCallbackPath(decodeURIComponent('%2F%2Fevil.example'), '/home')).toBe('/home');
    // Still encoded, it names a path of this site, and stays encoded.
    expect(safeCallbackPath('/%2F%2Fevil.example', '/home')).toBe('/%2F%2Fevil.example');
  });
});
