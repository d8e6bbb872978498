import { describe, expect, it } from 'vitest';
import { decodeSecondFactor, decodeSession, encodeSecondFactor, encodeSession, nowSeconds, sessionIsCurrent } from './session-token.ts';

const secret = 'a'.repeat(40);
const id = '0192f7a0-0000-7000-8000-000000000001';
const sid = '0192f7a0-0000-4000-8000-000000000002';
const at = (hours: number) => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000);

describe('session tokens', () => {
  it('round-trip their claims and reject tokens made with another secret', async () => {
    const claims = { sub: id, sid, sv: 3, at: nowSeconds(at(0)) };
    const token = await encodeSession(claims, secret);
    expect(await decodeSession(token, secret)).toEqual(claims);
    expect(await decodeSession(token, 'b'.repeat(40))).toBeNull();
    expect(await decodeSession('garbage', secret)).toBeNull();
  });

  it('are not worth a lookup 7 days after signing in (the idle timeout is the session row’s)', () => {
    const claims = { sub: id, sid, sv: 1, at: nowSeconds(at(0)) };
    expect(sessionIsCurrent(claims, at(167.5))).toBe(true);
    expect(sessionIsCurrent(claims, at(168))).toBe(false);
  });

  it('keep the second-factor proof apart from sessions', async () => {
    const proof = await encodeSecondFactor({ sub: id, sv: 1 }, secret);
    expect(await decodeSecondFactor(proof, secret)).toEqual({ sub: id, sv: 1 });
    expect(await decodeSession(proof, secret)).toBeNull();
  });
});
