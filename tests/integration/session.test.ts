import { describe, expect, it } from 'vitest';
import { signOutAction } from '../../app/(auth)/sign-in/actions.ts';
import { endOtherSessionsAction, endSessionAction } from '../../app/(signed-in)/account/security/actions.ts';
import { endUserSessionsAction } from '../../app/(signed-in)/admin/users/actions.ts';
import { authConfig } from '../../lib/auth/config.ts';
import { encodeSession, nowSeconds } from '../../lib/auth/session-token.ts';
import { getViewer, viewerFromSessionToken } from '../../lib/auth/session.ts';
import { createSession, listOwnSessions } from '../../lib/data/sessions.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { submit } from '../support/actions.ts';
import { createUser, sessionTokenFor, testDb } from '../support/auth.ts';
import { request } from '../support/next-request.ts';

const db = testDb();

/** Makes the next server-side calls carry `token` as their session cookie. */
function withCookie(token: string) {
  request.reset();
  request.cookies.set(authConfig().sessionCookie, token);
}

const auditActions = async (entityId: string) =>
  (await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: 'asc' }, select: { action: true } })).map((event) => event.action);

describe('sessions', () => {
  it("resolve to the user as stored now, never the token's idea of them", async () => {
    await seedDemo(process.env.DATABASE_URL!);
    const user = await createUser({ role: 'ANALYST', partyId: seedId('party', 'pakistan') });
    const token = await sessionTokenFor(user);
    expect(await viewerFromSessionToken(token)).toMatchObject({ kind: 'user', id: user.id, role: 'ANALYST' });

    await db.user.update({ where: { id: user.id }, data: { role: 'ADMIN' } });
    expect(await viewerFromSessionToken(token)).toMatchObject({ role: 'ADMIN', mustEnrolTwoFactor: true });
  });

  it('end on the next request after deactivation, or after the session version moves (password reset, side change)', async () => {
    const first = await createUser({ role: 'ANALYST' });
    const token = await sessionTokenFor(first);
    await db.user.update({ where: { id: first.id }, data: { active: false } });
    expect(await viewerFromSessionToken(token)).toEqual({ kind: 'public', role: 'PUBLIC' });

    const second = await createUser({ role: 'ANALYST' });
    const secondToken = await sessionTokenFor(second);
    await db.user.update({ where: { id: second.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await viewerFromSessionToken(secondToken)).toEqual({ kind: 'public', role: 'PUBLIC' });
  });

  it('are worthless when made with another secret, or naming a session that does not exist', async () => {
    const user = await createUser({ role: 'ANALYST' });
    const claims = { sub: user.id, sid: crypto.randomUUID(), sv: 1, at: nowSeconds() };
    expect((await viewerFromSessionToken(await encodeSession(claims, process.env.NEXTAUTH_SECRET!))).kind).toBe('public');
    const real = await sessionTokenFor(user);
    const foreign = await encodeSession({ ...claims }, 'another-secret-another-secret-another-secret');
    expect((await viewerFromSessionToken(foreign)).kind).toBe('public');
    expect((await viewerFromSessionToken(real)).kind).toBe('user');
  });

  it('end after 8 idle hours and 7 days after signing in, as the session table says', async () => {
    const user = await createUser({ role: 'ANALYST' });
    const idle = await sessionTokenFor(user);
    const old = await sessionTokenFor(user);
    const [idleSession, oldSession] = await db.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    await db.session.update({ where: { id: idleSession!.id }, data: { createdAt: hoursAgo(9), lastSeenAt: hoursAgo(8.05) } });
    await db.session.update({ where: { id: oldSession!.id }, data: { createdAt: hoursAgo(24 * 7 + 0.05), lastSeenAt: hoursAgo(0.1) } });
    expect((await viewerFromSessionToken(idle)).kind).toBe('public');
    expect((await viewerFromSessionToken(old)).kind).toBe('public');

    await db.session.update({ where: { id: idleSession!.id }, data: { lastSeenAt: hoursAgo(7.9) } });
    expect((await viewerFromSessionToken(idle)).kind).toBe('user');

    // Signing in again drops the sessions that have ended by time, and only those.
    await createSession(user.id, { address: null, userAgent: null });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.session.count({ where: { id: oldSession!.id } })).toBe(0);
  });

  it('record their use at most once a minute, not on every request', async () => {
    const user = await createUser({ role: 'ANALYST' });
    const token = await sessionTokenFor(user);
    const session = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: twoMinutesAgo } });
    await viewerFromSessionToken(token);
    const touched = (await db.session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(twoMinutesAgo.getTime());
    await viewerFromSessionToken(token);
    expect((await db.session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(touched);
  });
});

describe('signing out', () => {
  it('ends the session on the server, so a copy of the cookie replayed afterwards opens nothing, and is audited', async () => {
    const user = await createUser({ role: 'ANALYST' });
    const token = await sessionTokenFor(user);
    withCookie(token);
    expect(await submit(signOutAction, {})).toEqual({ status: 'redirect', to: '/' });
    expect(request.cookies.has(authConfig().sessionCookie)).toBe(false);

    // The attacker's copy of the cookie, taken before the sign-out.
    withCookie(token);
    expect(await getViewer()).toEqual({ kind: 'public', role: 'PUBLIC' });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await auditActions(user.id)).toEqual(['auth.sign-out']);
  });

  it("lets a user see their sessions and end any other one, or every other one, but not someone else's", async () => {
    const user = await createUser({ role: 'ANALYST' });
    const laptop = await sessionTokenFor(user, { address: '198.51.100.7', userAgent: 'Laptop browser' });
    const phone = await sessionTokenFor(user, { address: '203.0.113.5', userAgent: 'Phone browser' });
    const tablet = await sessionTokenFor(user, { userAgent: 'Tablet browser' });
    const other = await createUser({ role: 'ANALYST' });
    const othersToken = await sessionTokenFor(other);
    const othersSession = await db.session.findFirstOrThrow({ where: { userId: other.id } });

    withCookie(laptop);
    const listed = await listOwnSessions(await getViewer());
    expect(listed.map((session) => [session.userAgent, session.address, session.current])).toEqual(
      expect.arrayContaining([
        ['Laptop browser', '198.51.100.7', true],
        ['Phone browser', '203.0.113.5', false],
        ['Tablet browser', null, false],
      ]),
    );
    expect(listed).toHaveLength(3);

    const phoneSession = listed.find((session) => session.userAgent === 'Phone browser')!;
    withCookie(laptop);
    expect(await submit(endSessionAction, { sessionId: phoneSession.id })).toMatchObject({ status: 'success' });
    expect((await viewerFromSessionToken(phone)).kind).toBe('public');
    expect((await viewerFromSessionToken(tablet)).kind).toBe('user');

    // Another user's session id is not one of the viewer's: nothing ends.
    withCookie(laptop);
    await submit(endSessionAction, { sessionId: othersSession.id });
    expect((await viewerFromSessionToken(othersToken)).kind).toBe('user');

    withCookie(laptop);
    expect(await submit(endOtherSessionsAction, {})).toMatchObject({ status: 'success', data: { ended: 1 } });
    expect((await viewerFromSessionToken(tablet)).kind).toBe('public');
    expect((await viewerFromSessionToken(laptop)).kind).toBe('user');
    expect(await auditActions(user.id)).toEqual(['auth.session-ended', 'auth.other-sessions-ended']);
  });

  it('lets an admin sign a user out everywhere', async () => {
    const admin = await createUser({ role: 'ADMIN', twoFactor: true });
    const user = await createUser({ role: 'ANALYST' });
    const first = await sessionTokenFor(user);
    const second = await sessionTokenFor(user);
    withCookie(await sessionTokenFor(admin));
    expect(await submit(endUserSessionsAction, { id: user.id })).toMatchObject({ status: 'success', data: { ended: 2 } });
    expect((await viewerFromSessionToken(first)).kind).toBe('public');
    expect((await viewerFromSessionToken(second)).kind).toBe('public');
    expect(await auditActions(user.id)).toEqual(['user.sessions-ended']);
  });
});
