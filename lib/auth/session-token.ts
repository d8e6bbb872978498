// Session tokens: next-auth's encrypted JWTs carrying only the user id, the session's id (a row of
// app_session), the session version and when the user signed in. The role is never trusted from the
// token; the server re-reads the user and the session per request (lib/data/sessions.ts).
import { decode, encode } from 'next-auth/jwt';
import { z } from 'zod';
import { ABSOLUTE_TIMEOUT_SECONDS, SECOND_FACTOR_WINDOW_SECONDS } from './config.ts';

const SessionClaimsSchema = z.object({
  sub: z.uuid(),
  /** The session (app_session.id): signing out deletes it, and the token is worthless from then on. */
  sid: z.uuid(),
  /** The user's session version when the token was issued. */
  sv: z.number().int(),
  /** When the user signed in (seconds since the epoch). */
  at: z.number().int(),
});

export type SessionClaims = z.infer<typeof SessionClaimsSchema>;

const SECOND_FACTOR_SALT = 'ittifaq.second-factor';

export const nowSeconds = (now: Date = new Date()) => Math.floor(now.getTime() / 1000);

/**
 * Whether a token is young enough to be worth looking up: never beyond 7 days after signing in. The
 * idle timeout and the absolute one are enforced from the session's row; this spares the lookup.
 */
export function sessionIsCurrent(claims: SessionClaims, now: Date = new Date()): boolean {
  const t = nowSeconds(now);
  return t - claims.at < ABSOLUTE_TIMEOUT_SECONDS && claims.at <= t + 60;
}

export function encodeSession(claims: SessionClaims, secret: string): Promise<string> {
  return encode({ token: claims, secret, maxAge: ABSOLUTE_TIMEOUT_SECONDS });
}

export async function decodeSession(token: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const parsed = SessionClaimsSchema.safeParse(await decode({ token, secret }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const SecondFactorClaimsSchema = z.object({ sub: z.uuid(), sv: z.number().int() });
export type SecondFactorClaims = z.infer<typeof SecondFactorClaimsSchema>;

/** Proof that the password step succeeded, valid for five minutes, for the TOTP step. */
export function encodeSecondFactor(claims: SecondFactorClaims, secret: string): Promise<string> {
  return encode({ token: claims, secret, salt: SECOND_FACTOR_SALT, maxAge: SECOND_FACTOR_WINDOW_SECONDS });
}

export async function decodeSecondFactor(token: string | undefined, secret: string): Promise<SecondFactorClaims | null> {
  if (!token) return null;
  try {
    const parsed = SecondFactorClaimsSchema.safeParse(await decode({ token, secret, salt: SECOND_FACTOR_SALT }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
