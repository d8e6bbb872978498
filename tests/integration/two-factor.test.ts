// Changing factors on /account/security: the password again and a code, through the same throttle as
// the sign-in code, and every other session ends.
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
} from '../../app/(signed-in)/account/security/actions.ts';
import { authConfig } from '../../lib/auth/config.ts';
import { viewerFromSessionToken } from '../../lib/auth/session.ts';
import { submit } from '../support/actions.ts';
import { createUser, sessionTokenFor, TEST_TOTP_SECRET, testDb } from '../support/auth.ts';
import { request } from '../support/next-request.ts';

const PASSWORD = 'caspian-lng-cargo-2026';
const db = testDb();

function withCookie(token: string) {
  request.reset();
  request.cookies.set(authConfig().sessionCookie, token);
}

/** A code for a time step no earlier check of this user has used. */
const nextCode = (offsetSteps: number) => generate({ secret: TEST_TOTP_SECRET, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

describe('changing factors', () => {
  it('stops code guessing at "make new recovery codes": after 5 wrong codes even the right one waits', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD, twoFactor: true });
    const session = await sessionTokenFor(user);
    const refusals = [];
    for (let attempt = 0; attempt < 30; attempt++) {
      withCookie(session);
      const state = await submit(regenerateRecoveryCodesAction, { password: PASSWORD, code: String(100000 + attempt) });
      refusals.push(state.status === 'error' ? state.error : state.status);
    }
    expect(refusals.slice(0, 5)).toEqual(Array(5).fill('invalid-proof'));
    expect(new Set(refusals.slice(5))).toEqual(new Set(['throttled']));
    withCookie(session);
    expect(await submit(regenerateRecoveryCodesAction, { password: PASSWORD, code: await nextCode(0) })).toMatchObject({
      status: 'error',
      error: 'throttled',
      retryAfterSeconds: expect.toSatisfy((wait: number) => wait > 0 && wait <= 30),
    });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it('asks for the password again: a hijacked session with the right code is not enough', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD, twoFactor: true });
    withCookie(await sessionTokenFor(user));
    expect(await submit(disableTwoFactorAction, { password: 'not-the-password-at-all', code: await nextCode(0) })).toMatchObject({
      status: 'error',
      error: 'invalid-proof',
    });
    withCookie(await sessionTokenFor(user));
    expect(await submit(disableTwoFactorAction, { code: await nextCode(0) })).toMatchObject({
      status: 'error',
      error: 'invalid',
      fieldErrors: { password: ['required'] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
  });

  it('ends every other session when two-factor is turned off, recovery codes are made anew or two-factor is turned on', async () => {
    const user = await createUser({ role: 'ANALYST', password: PASSWORD, twoFactor: true });
    const here = await sessionTokenFor(user);
    let elsewhere = await sessionTokenFor(user);
    withCookie(here);
    expect(await submit(regenerateRecoveryCodesAction, { password: PASSWORD, code: await nextCode(0) })).toMatchObject({
      status: 'success',
    });
    expect((await viewerFromSessionToken(elsewhere)).kind).toBe('public');
    expect((await viewerFromSessionToken(here)).kind).toBe('user');

    elsewhere = await sessionTokenFor(user);
    withCookie(here);
    expect(await submit(disableTwoFactorAction, { password: PASSWORD, code: await nextCode(1) })).toMatchObject({
      status: 'success',
      message: 'disabled',
    });
    expect((await viewerFromSessionToken(elsewhere)).kind).toBe('public');

    // Turned on again with a new secret (the one the set-up page would show).
    await db.user.update({ where: { id: user.id }, data: { totpSecret: TEST_TOTP_SECRET, totpLastStep: null } });
    elsewhere = await sessionTokenFor(user);
    withCookie(here);
    expect(await submit(confirmTwoFactorAction, { password: PASSWORD, code: await nextCode(0) })).toMatchObject({
      status: 'success',
      message: 'enabled',
    });
    expect((await viewerFromSessionToken(elsewhere)).kind).toBe('public');
    expect((await viewerFromSessionToken(here)).kind).toBe('user');
    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(events.map((event) => event.action)).toEqual([
      'auth.recovery-codes-regenerated',
      'auth.two-factor-disabled',
      'auth.two-factor-enabled',
    ]);
  });

  it('does not take a password step the account never had (no password set)', async () => {
    const user = await createUser({ role: 'ANALYST', twoFactor: true });
    withCookie(await sessionTokenFor(user));
    expect(await submit(disableTwoFactorAction, { password: 'anything-at-all-here', code: await nextCode(0) })).toMatchObject({
      error: 'invalid-proof',
    });
  });
});
