import 'server-only';
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/write.ts';
import { authorizeUser } from '../auth/authorize.ts';
import { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS } from '../auth/config.ts';
import { NotFoundError } from '../auth/errors.ts';
import type { SignedInViewer, Viewer } from '../auth/session.ts';
import type { Tx } from '../db-client.ts';
import { getDb } from '../db.ts';
import { Prisma, type UserRole } from '../generated/prisma/client.ts';
import { writeTransaction } from './write-transaction.ts';

/** Long enough to recognise a browser, short enough that a client cannot store much. */
const USER_AGENT_CHARS = 300;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  partyId: string | null;
  active: boolean;
  sessionVersion: number;
  totpEnabledAt: Date | null;
}

/** Only sessions used within the idle timeout and younger than the absolute timeout count. */
const LIVE = Prisma.sql`last_seen_at > now() - make_interval(secs => ${IDLE_TIMEOUT_SECONDS}::float8)
  and created_at > now() - make_interval(secs => ${ABSOLUTE_TIMEOUT_SECONDS}::float8)`;

/**
 * A new session for a user who just proved who they are; its id goes into the cookie. The user's
 * sessions that have ended by time are dropped on the way, so the table holds little beyond the live.
 */
export async function createSession(userId: string, client: { address: string | null; userAgent: string | null }): Promise<string> {
  const id = randomUUID();
  await getDb().$transaction([
    getDb().$executeRaw`delete from app_session where user_id = ${userId}::uuid and not (${LIVE})`,
    getDb().session.create({
      data: { id, userId, address: client.address, userAgent: client.userAgent?.slice(0, USER_AGENT_CHARS) || null },
      select: { id: true },
    }),
  ]);
  return id;
}

/**
 * The user behind a session, re-read on every signed-in request, or null when the session has ended
 * (signed out, ended elsewhere, idle or too old). The same statement moves the session's last-seen
 * time forward when it is more than a minute old, so a busy session writes once a minute, not on
 * every request.
 */
export async function findSessionUser(userId: string, sessionId: string): Promise<SessionUser | null> {
  const rows = await getDb().$queryRaw<SessionUser[]>`
    with current_session as (
      select id from app_session where id = ${sessionId}::uuid and user_id = ${userId}::uuid and ${LIVE}
    ), touched as (
      update app_session set last_seen_at = now()
      where id = (select id from current_session) and last_seen_at < now() - interval '1 minute'
    )
    select id, email, name, role::text as role, party_id as "partyId", active, session_version as "sessionVersion",
      totp_enabled_at as "totpEnabledAt"
    from app_user where id = ${userId}::uuid and exists (select 1 from current_session)`;
  return rows[0] ?? null;
}

export interface SessionListItem {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

async function liveSessions(userId: string, currentId: string | null): Promise<SessionListItem[]> {
  const rows = await getDb().$queryRaw<Omit<SessionListItem, 'current'>[]>`
    select id, created_at as "createdAt", last_seen_at as "lastSeenAt", address, user_agent as "userAgent"
    from app_session where user_id = ${userId}::uuid and ${LIVE} order by last_seen_at desc, id`;
  return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

/** The viewer's own active sessions, newest use first, the one making this request marked. */
export async function listOwnSessions(viewer: Viewer): Promise<SessionListItem[]> {
  const user = await authorizeUser(viewer, 'account:two-factor');
  return liveSessions(user.id, user.sessionId);
}

/** A user's active sessions, for the admin's user page. */
export async function listUserSessions(viewer: Viewer, userId: string): Promise<SessionListItem[]> {
  await authorizeUser(viewer, 'user:end-sessions');
  return liveSessions(userId, null);
}

/** Ends `userId`'s sessions (`only` one of them, or all `except` one); says how many ended. */
async function endSessions(tx: Tx, userId: string, except: string | null, only: string | null): Promise<number> {
  const { count } = await tx.session.deleteMany({
    where: { userId, ...(only ? { id: only } : {}), ...(except ? { NOT: { id: except } } : {}) },
  });
  return count;
}

/** Everything but the current session, for changes of factors (the caller's own transaction). */
export function endOtherSessions(tx: Tx, user: SignedInViewer): Promise<number> {
  return endSessions(tx, user.id, user.sessionId, null);
}

/** Signing out: this session ends at once, everywhere, and the audit log says so. */
export async function signOut(viewer: Viewer, address: string | null) {
  const user = await authorizeUser(viewer, 'session:sign-out');
  await writeTransaction(async (tx) => {
    if (user.sessionId) await endSessions(tx, user.id, null, user.sessionId);
    await appendAudit(tx, { actorId: user.id, action: 'auth.sign-out', entityType: 'user', entityId: user.id, ip: address });
  });
}

/** Signing out through next-auth's own endpoint, which knows only the token's claims. */
export async function endSessionByToken(userId: string, sessionId: string) {
  await writeTransaction(async (tx) => {
    if ((await endSessions(tx, userId, null, sessionId)) > 0) {
      await appendAudit(tx, { actorId: userId, action: 'auth.sign-out', entityType: 'user', entityId: userId });
    }
  });
}

/** Ends one of the viewer's other sessions (a browser left signed in elsewhere). */
export async function endOwnSession(viewer: Viewer, sessionId: string, address: string | null) {
  const user = await authorizeUser(viewer, 'session:end');
  await writeTransaction(async (tx) => {
    if (sessionId === user.sessionId || (await endSessions(tx, user.id, null, sessionId)) === 0) throw new NotFoundError('session');
    await appendAudit(tx, {
      actorId: user.id,
      action: 'auth.session-ended',
      entityType: 'user',
      entityId: user.id,
      after: { sessionId },
      ip: address,
    });
  });
}

/** Signs the viewer out everywhere else; this session stays. */
export async function endOwnOtherSessions(viewer: Viewer, address: string | null): Promise<number> {
  const user = await authorizeUser(viewer, 'session:end-others');
  return writeTransaction(async (tx) => {
    const ended = await endOtherSessions(tx, user);
    await appendAudit(tx, {
      actorId: user.id,
      action: 'auth.other-sessions-ended',
      entityType: 'user',
      entityId: user.id,
      after: { ended },
      ip: address,
    });
    return ended;
  });
}

/** An admin signs a user out everywhere (a lost laptop, a departure). */
export async function endUserSessions(viewer: Viewer, userId: string, address: string | null): Promise<number> {
  const admin = await authorizeUser(viewer, 'user:end-sessions');
  return writeTransaction(async (tx) => {
    if (!(await tx.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new NotFoundError('user');
    const ended = await endSessions(tx, userId, admin.id === userId ? admin.sessionId : null, null);
    await appendAudit(tx, {
      actorId: admin.id,
      action: 'user.sessions-ended',
      entityType: 'user',
      entityId: userId,
      after: { ended },
      ip: address,
    });
    return ended;
  });
}
