// Open data carries `Cache-Control: public, s-maxage=…`, so a CDN may hand one response to everyone:
// the proxy must never set or clear a cookie on it. Sessions keep their idle clock in the database
// (lib/data/sessions.ts), so the proxy sets no cookie anywhere.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { encodeSession, nowSeconds } from '../../lib/auth/session-token.ts';
import { proxy } from '../../proxy.ts';
import { TEST_SECRET } from '../support/auth.ts';

async function requestWith(path: string, cookie: string) {
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers: { cookie } }));
}

describe('the proxy', () => {
  it('never sets or clears a cookie, on pages or on responses shared caches keep', async () => {
    const twoMinutesAgo = nowSeconds() - 120;
    const token = await encodeSession(
      { sub: '00000000-0000-4000-8000-000000000001', sid: '00000000-0000-4000-8000-000000000002', sv: 1, at: twoMinutesAgo },
      TEST_SECRET,
    );
    const session = `ittifaq.session=${token}`;
    for (const path of ['/agreements', '/workspace', '/api/v1/agreements', '/api/v1/agreements.csv', '/feed.xml']) {
      expect((await requestWith(path, session)).headers.get('set-cookie'), path).toBeNull();
      expect((await requestWith(path, 'ittifaq.session=expired-or-forged')).headers.get('set-cookie'), path).toBeNull();
    }
  });
});
