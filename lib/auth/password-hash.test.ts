import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.ts';

describe('password hashing', () => {
  it('uses Argon2id with 19 MiB of memory, 2 passes and 1 lane', async () => {
    const hash = await hashPassword('caspian-lng-cargo-2026');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(hash)).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(needsRehash(hash)).toBe(false);
  });

  it('verifies the exact password only, Unicode normalised, never truncated', async () => {
    const long = `${'a'.repeat(200)}-tail`;
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, `${'a'.repeat(200)}-tale`)).toBe(false);
    const composed = await hashPassword('caf\u00e9-au-lait-baku');
    expect(await verifyPassword(composed, 'cafe\u0301-au-lait-baku')).toBe(true);
  });

  it('asks for a rehash when a stored hash used other parameters', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('caspian-lng-cargo-2026', { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash('not-a-hash')).toBe(true);
  });
});
