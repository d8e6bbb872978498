import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './security-headers.ts';

describe('the Content-Security-Policy', () => {
  it('allows only nonce-bearing scripts and styles, no plugins, no base tag, no framing', () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy(nonce, { development: false, https: true });
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain(`object-src 'none'`);
    expect(csp).toContain(`base-uri 'none'`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).toContain('upgrade-insecure-requests');
    expect(csp).not.toContain('unsafe');
  });

  it('relaxes only what development tooling needs, and never upgrades plain-HTTP local requests', () => {
    const csp = contentSecurityPolicy('n', { development: true, https: false });
    expect(csp).toContain(`'unsafe-eval'`);
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('uses a fresh unpredictable nonce each time', () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(Buffer.from(newNonce(), 'base64')).toHaveLength(16);
  });
});
