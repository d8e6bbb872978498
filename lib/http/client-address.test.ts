import { describe, expect, it } from 'vitest';
import { clientAddress, CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress, stampClientAddress } from './client-address.ts';

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.7 ::1');

describe('the client address', () => {
  it('is the socket address when no proxy is trusted, whatever the headers say', () => {
    const forged = { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.10' };
    expect(resolveClientAddress('198.51.100.4', forged, none)).toBe('198.51.100.4');
    expect(resolveClientAddress('::ffff:198.51.100.4', forged, none)).toBe('198.51.100.4');
  });

  it('ignores the headers of a peer that is not a trusted proxy', () => {
    expect(resolveClientAddress('198.51.100.4', { 'x-forwarded-for': '203.0.113.9' }, proxies)).toBe('198.51.100.4');
  });

  it("takes the first untrusted hop from the right of a trusted proxy's X-Forwarded-For", () => {
    // The client forged the first entry; the proxies appended what they saw.
    const headers = { 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 10.1.2.3' };
    expect(resolveClientAddress('192.0.2.7', headers, proxies)).toBe('203.0.113.9');
    expect(resolveClientAddress('::1', { 'x-forwarded-for': '10.0.0.5' }, proxies)).toBe('10.0.0.5');
    expect(resolveClientAddress('192.0.2.7', { 'x-real-ip': '203.0.113.20' }, proxies)).toBe('203.0.113.20');
    expect(resolveClientAddress('192.0.2.7', {}, proxies)).toBe('192.0.2.7');
  });

  it('stops at an entry that is not an address', () => {
    expect(resolveClientAddress('192.0.2.7', { 'x-forwarded-for': '203.0.113.9, bogus, 10.0.0.1' }, proxies)).toBe('10.0.0.1');
  });

  it('refuses a setting that is not a list of addresses and ranges, naming the entry', () => {
    expect(() => parseTrustedProxies('10.0.0.0/8, example.org')).toThrow('"example.org"');
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow('"10.0.0.0/33"');
  });

  it("is read only from this process's stamp, never from a header the client wrote", () => {
    const stamped: Record<string, string> = {};
    stampClientAddress(stamped, '203.0.113.9');
    expect(clientAddress(new Headers(stamped))).toBe('203.0.113.9');
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: 'guessed-token 203.0.113.9' }))).toBeNull();
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }))).toBeNull();
  });
});
