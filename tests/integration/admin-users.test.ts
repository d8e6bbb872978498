import { describe, expect, it } from 'vitest';
import { setPasswordAction } from '../../app/(auth)/set-password/[token]/actions.ts';
import { changeUserAccountAction, createUserAction, updateUserAction } from '../../app/(signed-in)/admin/users/actions.ts';
import { verifyPasswordStep } from '../../lib/auth/authenticate.ts';
import { viewerForUser, viewerFromSessionToken } from '../../lib/auth/session.ts';
import { deactivateUser } from '../../lib/data/admin/user-account.ts';
import { hashPasswordToken, setPasswordWithToken } from '../../lib/data/password-tokens.ts';
import { expectNothingWritten, submit } from '../support/actions.ts';
import { actAs, createUser, sessionTokenFor, testDb } from '../support/auth.ts';
import { withClient } from '../support/db.ts';

const db = testDb();
const PASSWORD = 'caspian-wind-farm-survey-2026';
const PUBLIC = { kind: 'public', role: 'PUBLIC' } as const;

/** Creates an analyst through the admin form and returns its id and the token of its link. */
async function createThroughForm(email: string) {
  const result = await submit(createUserAction, { name: 'Nigar Aliyeva', email, role: 'ANALYST', partyId: '' });
  expect(result, JSON.stringify(result)).toMatchObject({ status: 'success', message: 'created' });
  const data = (result as { data: { id: string; link: string; expiresAt: string } }).data;
  return { ...data, token: data.link.split('/set-password/')[1]! };
}

const setPassword = (token: string, password = PASSWORD) => submit(setPasswordAction, { token, password, passwordConfirmation: password });
const version = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe('accounts created by an admin', () => {
  it('start without a password and with a one-time link, of which only a hash is stored, valid 48 hours', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    await actAs(admin);
    const created = await createThroughForm(' Nigar.Aliyeva@Example.ORG ');
    expect(created.link).toMatch(/^http:\/\/localhost:3000\/set-password\/[A-Za-z0-9_-]{43}$/);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ email: 'nigar.aliyeva@example.org', role: 'ANALYST', partyId: null, passwordHash: null });
    const [token] = await db.passwordToken.findMany({ where: { userId: created.id } });
    expect(token!.tokenHash).toBe(hashPasswordToken(created.token));
    expect(token!.tokenHash).not.toContain(created.token);
    expect(token!.expiresAt.getTime() - token!.createdAt.getTime()).toBeCloseTo(48 * 3_600_000, -4);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.create', entityId: created.id } });
    expect(JSON.stringify([event.before, event.after])).not.toContain(created.token);

    const duplicate = await expectNothingWritten(() =>
      submit(createUserAction, { name: 'Again', email: 'NIGAR.aliyeva@example.org', role: 'ANALYST' }),
    );
    expect(duplicate).toMatchObject({ status: 'error', fieldErrors: { email: ['emailTaken'] } });
    const adminWithSide = await expectNothingWritten(() =>
      submit(createUserAction, {
        name: 'Side admin',
        email: 'side@example.org',
        role: 'ADMIN',
        partyId: '01900000-0000-7000-8000-000000000001',
      }),
    );
    expect(adminWithSide).toMatchObject({ status: 'error', fieldErrors: { partyId: ['adminNoSide'] } });
  });

  it('set their password through the link once; a weak password or a typo leaves the link usable', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    await actAs(admin);
    const created = await createThroughForm('link-once@example.org');
    await actAs(null);
    expect(await expectNothingWritten(() => setPassword(created.token, 'qwerty123456'))).toMatchObject({
      status: 'error',
      fieldErrors: { password: ['common'] },
    });
    expect(
      await expectNothingWritten(() =>
        submit(setPasswordAction, { token: created.token, password: PASSWORD, passwordConfirmation: `${PASSWORD}!` }),
      ),
    ).toMatchObject({ status: 'error', fieldErrors: { passwordConfirmation: ['mismatch'] } });
    expect(await setPassword(created.token)).toEqual({ status: 'redirect', to: '/sign-in?notice=password-set' });
    expect(await verifyPasswordStep('link-once@example.org', PASSWORD, '10.0.0.9')).toMatchObject({
      outcome: 'signed-in',
      userId: created.id,
    });
    expect(await expectNothingWritten(() => setPassword(created.token, 'another-long-passphrase-2026'))).toMatchObject({
      status: 'error',
      error: 'invalidLink',
    });
    const actions = await db.auditEvent.findMany({
      where: { entityId: created.id },
      orderBy: { id: 'asc' },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual([
      { action: 'user.create', actorId: admin.id },
      { action: 'user.password-set', actorId: created.id },
      { action: 'auth.sign-in', actorId: created.id },
    ]);
  });

  it('refuse a link after 48 hours', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    await actAs(admin);
    const created = await createThroughForm('expired@example.org');
    const later = new Date(Date.now() + 48 * 3_600_000 + 60_000);
    await expect(setPasswordWithToken(PUBLIC, created.token, PASSWORD, later)).rejects.toMatchObject({ reason: 'invalidLink' });
  });

  it('lose their password at once when an admin resets it, with their sessions and earlier links', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    await actAs(admin);
    const created = await createThroughForm('reset@example.org');
    await setPassword(created.token);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, select: { id: true, sessionVersion: true } });
    const session = await sessionTokenFor(user);
    expect(await viewerFromSessionToken(session)).toMatchObject({ kind: 'user', id: created.id });

    await actAs(admin);
    const first = await submit(changeUserAccountAction, { id: created.id, version: await version(created.id), change: 'reset-password' });
    const second = await submit(changeUserAccountAction, { id: created.id, version: await version(created.id), change: 'reset-password' });
    expect(second).toMatchObject({
      status: 'success',
      message: 'reset-password',
      data: { link: expect.stringContaining('/set-password/') },
    });
    expect(await viewerFromSessionToken(session)).toEqual(PUBLIC);
    expect(await verifyPasswordStep('reset@example.org', PASSWORD, '10.0.0.9')).toEqual({ outcome: 'invalid' });
    const firstToken = (first as { data: { link: string } }).data.link.split('/set-password/')[1]!;
    const secondToken = (second as { data: { link: string } }).data.link.split('/set-password/')[1]!;
    expect(await setPassword(firstToken)).toMatchObject({ status: 'error', error: 'invalidLink' });
    expect(await setPassword(secondToken, 'a-brand-new-passphrase-2026')).toMatchObject({ status: 'redirect' });
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: 'user.password-reset' } })).toBe(2);
  });

  it('are signed out on their next request when deactivated, and can sign in again once reactivated', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    const analyst = await createUser({ role: 'ANALYST', password: PASSWORD });
    const session = await sessionTokenFor(analyst);
    await actAs(admin);
    expect(await submit(changeUserAccountAction, { id: analyst.id, version: 1, change: 'deactivate' })).toMatchObject({
      status: 'success',
      message: 'deactivate',
    });
    expect(await viewerFromSessionToken(session)).toEqual(PUBLIC);
    expect(await verifyPasswordStep(analyst.email, PASSWORD, '10.0.0.10')).toEqual({ outcome: 'invalid' });
    expect(
      await expectNothingWritten(() => submit(changeUserAccountAction, { id: analyst.id, version: 1, change: 'reactivate' })),
    ).toMatchObject({ status: 'error', error: 'conflict' });
    expect(await submit(changeUserAccountAction, { id: analyst.id, version: 2, change: 'reactivate' })).toMatchObject({
      status: 'success',
    });
    expect(await verifyPasswordStep(analyst.email, PASSWORD, '10.0.0.10')).toMatchObject({ outcome: 'signed-in' });
    const actions = (
      await db.auditEvent.findMany({ where: { entityId: analyst.id, action: { startsWith: 'user.' } }, orderBy: { id: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['user.deactivate', 'user.reactivate']);
  });

  it('are signed out when their role or side changes, which is audited as such; a name change is not', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    const analyst = await createUser({ role: 'ANALYST' });
    const party = await db.party.create({ data: { slug: 'side-party', name: 'Side party', kind: 'STATE', countryCode: 'AZ' } });
    const session = await sessionTokenFor(analyst);
    await actAs(admin);
    const fields = { id: analyst.id, name: 'Renamed analyst', email: analyst.email, role: 'ANALYST', partyId: '' };
    expect(await submit(updateUserAction, { ...fields, version: 1 })).toMatchObject({ status: 'success' });
    expect(await viewerFromSessionToken(session)).toMatchObject({ kind: 'user', name: 'Renamed analyst' });
    expect(await submit(updateUserAction, { ...fields, version: 2, partyId: party.id })).toMatchObject({ status: 'success' });
    expect(await viewerFromSessionToken(session)).toEqual(PUBLIC);
    expect(await submit(updateUserAction, { ...fields, version: 3, partyId: '', role: 'ADMIN' })).toMatchObject({ status: 'success' });
    const events = await db.auditEvent.findMany({
      where: { entityId: analyst.id },
      orderBy: { id: 'asc' },
      select: { action: true, before: true, after: true },
    });
    expect(events).toEqual([
      {
        action: 'user.update',
        before: { name: 'Test analyst', email: analyst.email },
        after: { name: 'Renamed analyst', email: analyst.email },
      },
      { action: 'user.side-change', before: { side: null }, after: { side: 'side-party' } },
      { action: 'user.role-change', before: { role: 'ANALYST' }, after: { role: 'ADMIN' } },
      { action: 'user.side-change', before: { side: 'side-party' }, after: { side: null } },
    ]);
  });

  it('have two-factor authentication reset: secret and recovery codes gone, sessions ended', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    const other = await createUser({ role: 'ADMIN', twoFactor: true });
    await db.recoveryCode.create({ data: { userId: other.id, codeHash: 'x'.repeat(64) } });
    const session = await sessionTokenFor(other);
    await actAs(admin);
    expect(await submit(changeUserAccountAction, { id: other.id, version: 1, change: 'reset-two-factor' })).toMatchObject({
      status: 'success',
    });
    expect(
      await db.user.findUniqueOrThrow({ where: { id: other.id }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } }),
    ).toEqual({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: other.id } })).toBe(0);
    expect(await viewerFromSessionToken(session)).toEqual(PUBLIC);
  });
});

describe('the last-admin rule', () => {
  it('refuses to deactivate or demote the last active admin, themselves included, naming the rule', async () => {
    // This file's database holds only the users these tests made: deactivate every other admin.
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { active: false } });
    const last = await createUser({ role: 'ADMIN', twoFactor: true });
    await actAs(last);
    const deactivate = await expectNothingWritten(() => submit(changeUserAccountAction, { id: last.id, version: 1, change: 'deactivate' }));
    expect(deactivate).toMatchObject({ status: 'error', error: 'lastAdmin' });
    const demote = await expectNothingWritten(() =>
      submit(updateUserAction, { id: last.id, version: 1, name: 'Last', email: last.email, role: 'ANALYST' }),
    );
    expect(demote).toMatchObject({ status: 'error', error: 'lastAdmin' });

    const second = await createUser({ role: 'ADMIN', twoFactor: true });
    expect(await submit(updateUserAction, { id: last.id, version: 1, name: 'Last', email: last.email, role: 'ANALYST' })).toMatchObject({
      status: 'success',
    });
    await actAs(second);
    expect(
      await expectNothingWritten(() => submit(changeUserAccountAction, { id: second.id, version: 1, change: 'deactivate' })),
    ).toMatchObject({ error: 'lastAdmin' });
  });

  it("holds while another admin's deactivation is in flight: the second waits for it and is refused", async () => {
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { active: false } });
    const a = await createUser({ role: 'ADMIN', twoFactor: true });
    const b = await createUser({ role: 'ADMIN', twoFactor: true });
    const viewerB = await viewerForUser(b.id, b.sessionVersion);
    await withClient(async (other) => {
      // Admin A deactivates B in a transaction that has not committed yet…
      await other.query('begin');
      await other.query(`select id from app_user where role = 'ADMIN' and active for update`);
      await other.query('update app_user set active = false where id = $1', [b.id]);
      // …while B deactivates A: it must wait for A's transaction and then see B gone.
      const pending = deactivateUser(viewerB, { id: a.id, version: 1 });
      const refusal = expect(pending).rejects.toMatchObject({ reason: 'lastAdmin' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await other.query('commit');
      await refusal;
    });
    expect(await db.user.findMany({ where: { role: 'ADMIN', active: true }, select: { id: true } })).toEqual([{ id: a.id }]);
  });
});
