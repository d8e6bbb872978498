import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { findSessionUser } from '../data/auth.ts';
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
}

export type Viewer = { kind: 'public'; role: 'PUBLIC' } | SignedInViewer;

export const PUBLIC_VIEWER: Viewer = { kind: 'public', role: 'PUBLIC' };

/**
 * The viewer behind a session token. The token only says who signed in and when; everything else
 * (active, role, side, session version) is read from the database now, so a deactivation, role
 * change, side change or password reset takes effect on the very next request.
 */
export async function viewerFromSessionToken(token: string | undefined, now: Date = new Date()): Promise<Viewer> {
  const claims = await decodeSession(token, authConfig().secret);
  if (!claims || !sessionIsCurrent(claims, now)) return PUBLIC_VIEWER;
  return viewerForSession(claims.sub, claims.sv);
}

/** The viewer for a user id and the session version a token carries; public if either is stale. */
export async function viewerForSession(userId: string, sessionVersion: number): Promise<Viewer> {
  const user = await findSessionUser(userId);
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
  };
}

/** The viewer of the current request, resolved once per request. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const jar = await cookies();
  return viewerFromSessionToken(jar.get(authConfig().sessionCookie)?.value);
});

export async function startSession(userId: string, sessionVersion: number) {
  const now = nowSeconds();
  const token = await encodeSession({ sub: userId, sv: sessionVersion, at: now, ls: now }, authConfig().secret);
  const jar = await cookies();
  jar.set(authConfig().sessionCookie, token, cookieOptions(ABSOLUTE_TIMEOUT_SECONDS));
  jar.delete(authConfig().secondFactorCookie);
}

export async function endSession() {
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
