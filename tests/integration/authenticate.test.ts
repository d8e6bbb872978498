import { hash } from '@node-rs/argon2';
import { generate } from 'otplib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPasswordStep, verifySecondFactorStep } from '../../lib/auth/authenticate.ts';
import { needsRehash } from '../../lib/auth/password-hash.ts';
import { hashRecoveryCode } from '../../lib/auth/totp.ts';
import { createUser, TEST_TOTP_SECRET, testDb } from '../support/auth.ts';

const PASSWORD = 'caspian-lng-cargo-2026';

/** A wait of `seconds`, less the few seconds a busy machine may take between the failure and the check. */
const waitAbout = (seconds: number) => expect.toSatisfy((wait: number) => wait > seconds - 10 && wait <= seconds);

async function auditActions(entityId: string) {
  const db = testDb();
  try {
    return (await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' }, select: { action: true } })).map((e) => e.action);
  } finally {
    await db.$disconnect();
  }
}

describe('the password step', () => {
  it('signs in with the right password and records it', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD });
    expect(await verifyPasswordStep(user.email.toUpperCase(), PASSWORD, '10.0.0.1')).toMatchObject({
      outcome: 'signed-in',
      userId: user.id,
    });
    expect(await auditActions(user.id)).toContain('auth.sign-in');
  });

  it('answers unknown accounts, wrong passwords and deactivated accounts alike, after the same hashing work', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD });
    const deactivated = await createUser({ role: 'ANALYST', password: PASSWORD });
    const db = testDb();
    await db.user.update({ where: { id: deactivated.id }, data: { active: false } });
    await db.$disconnect();

    const time = async (email: string, password: string) => {
      const started = performance.now();
      const result = await verifyPasswordStep(email, password, '10.0.0.2');
      return { result, ms: performance.now() - started };
    };
    const wrong = await time(user.email, 'not-the-password-at-all');
    const unknown = await time('nobody-here@example.org', 'not-the-password-at-all');
    const inactive = await time(deactivated.email, PASSWORD);
    expect([wrong.result, unknown.result, inactive.result]).toEqual([
      { outcome: 'invalid' },
      { outcome: 'invalid' },
      { outcome: 'invalid' },
    ]);
    // Argon2id dominates: an unknown account must not answer several times faster than a known one.
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.4);
  });

  it('makes one address guessing at an account wait, growing, while the owner elsewhere still signs in', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD });
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await verifyPasswordStep(user.email, `wrong-password-${attempt}`, '10.1.0.1')).outcome).toBe('invalid');
    }
    // The attacker's address now waits, even with the right password, and its attempts are not heard.
    expect(await verifyPasswordStep(user.email, PASSWORD, '10.1.0.1')).toEqual({ outcome: 'throttled', retryAfterSeconds: waitAbout(30) });
    expect(await verifyPasswordStep(user.email, 'wrong-again', '10.1.0.1')).toMatchObject({ outcome: 'throttled' });
    // The owner, from their own address, is not locked out.
    expect((await verifyPasswordStep(user.email, PASSWORD, '10.1.9.9')).outcome).toBe('signed-in');
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'auth.sign-in-failed')).toHaveLength(5);
    expect(actions).toContain('auth.sign-in');
  });

  it('makes the next wait twice as long, up to the cap, once the wait is over', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD });
    for (let attempt = 0; attempt < 5; attempt++) await verifyPasswordStep(user.email, 'wrong-password', '10.1.1.1');
    const key = `account-address:10.1.1.1:${user.email}`;
    const db = testDb();
    // The 30 seconds have passed.
    await db.authThrottle.update({ where: { key }, data: { retryAfter: new Date(Date.now() - 1000) } });
    await db.$disconnect();
    expect(await verifyPasswordStep(user.email, 'wrong-password', '10.1.1.1')).toEqual({ outcome: 'invalid' });
    expect(await verifyPasswordStep(user.email, PASSWORD, '10.1.1.1')).toEqual({ outcome: 'throttled', retryAfterSeconds: waitAbout(60) });
  });

  it('holds an attack spread over many addresses to one attempt a minute on the account, at most', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD });
    for (let attempt = 0; attempt < 24; attempt++) {
      const result = await verifyPasswordStep(user.email, 'wrong-password', `10.3.${attempt}.1`);
      if (result.outcome === 'throttled') break;
    }
    const owner = await verifyPasswordStep(user.email, PASSWORD, '10.3.200.1');
    expect(owner).toMatchObject({ outcome: 'throttled' });
    expect((owner as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('keeps the per-address ceiling: one address spraying many accounts waits after 49 failures', async () => {
    for (let attempt = 0; attempt < 49; attempt++) {
      expect((await verifyPasswordStep(`spray-${attempt}@example.org`, 'Winter2026!', '10.4.0.1')).outcome).toBe('invalid');
    }
    expect(await verifyPasswordStep('spray-last@example.org', 'Winter2026!', '10.4.0.1')).toMatchObject({ outcome: 'invalid' });
    expect(await verifyPasswordStep('spray-next@example.org', 'Winter2026!', '10.4.0.1')).toEqual({
      outcome: 'throttled',
      retryAfterSeconds: waitAbout(900),
    });
  }, 120_000);

  it('throttles unknown accounts the same way, so throttling reveals nothing', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await verifyPasswordStep('ghost@example.org', 'whatever-password', '10.2.0.1');
    expect(await verifyPasswordStep('ghost@example.org', 'whatever-password', '10.2.0.1')).toMatchObject({ outcome: 'throttled' });
  });

  it('rehashes a password stored with weaker parameters at the next sign-in', async () => {
    const user = await createUser({ role: 'ANALYST' });
    const db = testDb();
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hash(PASSWORD, { memoryCost: 4096, timeCost: 1, parallelism: 1 }) },
    });
    expect((await verifyPasswordStep(user.email, PASSWORD, null)).outcome).toBe('signed-in');
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    await db.$disconnect();
    expect(needsRehash(stored.passwordHash!)).toBe(false);
  });
});

describe('the second factor', () => {
  let user: { id: string; email: string; sessionVersion: number };
  beforeAll(async () => {
    user = await createUser({ role: 'ADMIN', password: PASSWORD, twoFactor: true });
  });

  it('is asked for after the password when enrolled', async () => {
    expect(await verifyPasswordStep(user.email, PASSWORD, null)).toMatchObject({ outcome: 'second-factor', userId: user.id });
  });

  it('accepts a current code once and refuses it the second time', async () => {
    const proof = { userId: user.id, sessionVersion: user.sessionVersion };
    const code = await generate({ secret: TEST_TOTP_SECRET });
    expect((await verifySecondFactorStep(proof, code, null)).outcome).toBe('signed-in');
    expect((await verifySecondFactorStep(proof, code, null)).outcome).toBe('invalid');
  });

  it('accepts each recovery code once', async () => {
    const db = testDb();
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode('abcd-efgh-jkmn') } });
    await db.$disconnect();
    const proof = { userId: user.id, sessionVersion: user.sessionVersion };
    expect((await verifySecondFactorStep(proof, 'ABCD EFGH JKMN', null)).outcome).toBe('signed-in');
    expect((await verifySecondFactorStep(proof, 'abcd-efgh-jkmn', null)).outcome).toBe('invalid');
  });

  it('is throttled after 5 wrong codes: even the right one then waits', async () => {
    const other = await createUser({ role: 'ANALYST', password: PASSWORD, twoFactor: true });
    const proof = { userId: other.id, sessionVersion: other.sessionVersion };
    for (let attempt = 0; attempt < 5; attempt++) await verifySecondFactorStep(proof, '000000', null);
    expect(await verifySecondFactorStep(proof, await generate({ secret: TEST_TOTP_SECRET }), null)).toEqual({
      outcome: 'throttled',
      retryAfterSeconds: waitAbout(30),
    });
  });
});
