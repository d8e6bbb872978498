import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { findUserForLanding } from '../data/auth.ts';
import { createSession, findSessionUser, type SessionUser } from '../data/sessions.ts';
import { clientAddress } from '../http/client-address.ts';
import { ABSOLUTE_TIMEOUT_SECONDS, authConfig, cookieOptions, SECOND_FACTOR_WINDOW_SECONDS } from './config.ts';
import type { Role } from './permissions.ts';
import {
  decodeSecondFactor,
  decodeSession,
  encodeSecondFactor,
  encodeSession,
  nowSeconds,
  sessionIsCurrent,
  type SecondFactorClaims,
} from './session-token.ts';

export interface SignedInViewer {
  kind: 'user';
  id: string;
  email: string;
  name: string;
  role: Exclude<Role, 'PUBLIC'>;
  /** The side the user reports for; null for independent analysts and admins. */
  partyId: string | null;
  twoFactorEnabled: boolean;
  /** Admins must enrol a second factor before anything else. */
  mustEnrolTwoFactor: boolean;
  /** The session this request came with (app_session.id); null for a user resolved without one. */
  sessionId: string | null;
}

export type Viewer = { kind: 'public'; role: 'PUBLIC' } | SignedInViewer;

export const PUBLIC_VIEWER: Viewer = { kind: 'public', role: 'PUBLIC' };

function viewerOf(user: SessionUser | null, sessionVersion: number, sessionId: string | null): Viewer {
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return PUBLIC_VIEWER;
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    partyId: user.partyId,
    twoFactorEnabled: user.totpEnabledAt !== null,
    mustEnrolTwoFactor: user.role === 'ADMIN' && user.totpEnabledAt === null,
    sessionId,
  };
}

/**
 * The viewer behind a session token. The token only says who signed in, when, and in which session;
 * everything else (the session still open and recently used, the user active, their role, side and
 * session version) is read from the database now, so signing out, ending a session elsewhere, a
 * deactivation, role change, side change or password reset takes effect on the very next request.
 */
export async function viewerFromSessionToken(token: string | undefined, now: Date = new Date()): Promise<Viewer> {
  const claims = await decodeSession(token, authConfig().secret);
  if (!claims || !sessionIsCurrent(claims, now)) return PUBLIC_VIEWER;
  return viewerOf(await findSessionUser(claims.sub, claims.sid), claims.sv, claims.sid);
}

/**
 * The user as a viewer, without a session: for deciding where someone who has just proved who they
 * are lands, before their session exists (and for tests of data functions).
 */
export async function viewerForUser(userId: string, sessionVersion: number): Promise<Viewer> {
  return viewerOf(await findUserForLanding(userId), sessionVersion, null);
}

/** The viewer of the current request, resolved once per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const jar = await cookies();
  return viewerFromSessionToken(jar.get(authConfig().sessionCookie)?.value);
});

/** Who is asking, for a session's row and the audit log. */
export async function requestClient() {
  const list = await headers();
  return { address: clientAddress(list), userAgent: list.get('user-agent') };
}

export async function startSession(userId: string, sessionVersion: number) {
  const sessionId = await createSession(userId, await requestClient());
  const token = await encodeSession({ sub: userId, sid: sessionId, sv: sessionVersion, at: nowSeconds() }, authConfig().secret);
  const jar = await cookies();
  jar.set(authConfig().sessionCookie, token, cookieOptions(ABSOLUTE_TIMEOUT_SECONDS));
  jar.delete(authConfig().secondFactorCookie);
}

/** Drops the cookies; the session's row is ended by lib/data/sessions.ts. */
export async function clearSessionCookies() {
  const jar = await cookies();
  jar.delete(authConfig().sessionCookie);
  jar.delete(authConfig().secondFactorCookie);
}

export async function rememberPasswordStep(claims: SecondFactorClaims) {
  const token = await encodeSecondFactor(claims, authConfig().secret);
  (await cookies()).set(authConfig().secondFactorCookie, token, cookieOptions(SECOND_FACTOR_WINDOW_SECONDS));
}

export async function passwordStepProof(): Promise<SecondFactorClaims | null> {
  const jar = await cookies();
  return decodeSecondFactor(jar.get(authConfig().secondFactorCookie)?.value, authConfig().secret);
}
