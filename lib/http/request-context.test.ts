import { describe, expect, it } from 'vitest';
import { clientAddress, isSameOriginRequest, safeCallbackPath } from './request-context.ts';

describe('request context', () => {
  it('takes the address the nearest proxy appended', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' }))).toBe('10.0.0.2');
    expect(clientAddress(new Headers())).toBeNull();
  });

  it('refuses cross-site writes and accepts same-origin and non-browser ones', () => {
    const url = 'http://localhost:3000/api/auth/callback/credentials';
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }), url)).toBe(true);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', origin: 'https://evil.example' }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
    expect(isSameOriginRequest(new Headers({ host: 'localhost:3000' }), url)).toBe(true);
  });

  it('only follows same-site relative callback paths', () => {
    expect(safeCallbackPath('/workspace?tab=review', '/')).toBe('/workspace?tab=review');
    expect(safeCallbackPath('//evil.example/x', '/')).toBe('/');
    expect(safeCallbackPath('https://evil.example', '/')).toBe('/');
    expect(safeCallbackPath('/\\evil.example', '/')).toBe('/');
  });
});
