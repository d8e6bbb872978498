// Session tokens: next-auth's encrypted JWTs carrying only the user id, the session version and two
// timestamps. The role is never trusted from the token; the server re-reads the user per request.
import { decode, encode } from 'next-auth/jwt';
import { z } from 'zod';
import { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS, SECOND_FACTOR_WINDOW_SECONDS } from './config.ts';

const SessionClaimsSchema = z.object({
  sub: z.string().uuid(),
  /** The user's session version when the token was issued. */
  sv: z.number().int(),
  /** When the user signed in (seconds since the epoch). */
  at: z.number().int(),
  /** When the session was last used (seconds since the epoch). */
  ls: z.number().int(),
});

export type SessionClaims = z.infer<typeof SessionClaimsSchema>;

const SECOND_FACTOR_SALT = 'ittifaq.second-factor';

export const nowSeconds = (now: Date = new Date()) => Math.floor(now.getTime() / 1000);

/** Valid until 8 hours without use, and never beyond 7 days after signing in. */
export function sessionIsCurrent(claims: SessionClaims, now: Date = new Date()): boolean {
  const t = nowSeconds(now);
  return t - claims.ls < IDLE_TIMEOUT_SECONDS && t - claims.at < ABSOLUTE_TIMEOUT_SECONDS && claims.at <= t + 60;
}

export function encodeSession(claims: SessionClaims, secret: string): Promise<string> {
  return encode({ token: claims, secret, maxAge: ABSOLUTE_TIMEOUT_SECONDS });
}

/**
 * Tokens already decrypted, by secret and token. Every signed-in request decodes its token twice (the
 * proxy and the page or action), each time deriving the key and decrypting; a token's claims never
 * change, and whether they are still current is checked on every use (sessionIsCurrent).
 */
const decodedSessions = new Map<string, SessionClaims | null>();
const DECODED_SESSIONS_KEPT = 1000;

export async function decodeSession(token: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!token) return null;
  const key = `${secret}\0${token}`;
  if (decodedSessions.has(key)) return decodedSessions.get(key)!;
  let claims: SessionClaims | null = null;
  try {
    const parsed = SessionClaimsSchema.safeParse(await decode({ token, secret }));
    claims = parsed.success ? parsed.data : null;
  } catch {
    // Not a token of ours: claims stay null.
  }
  if (decodedSessions.size >= DECODED_SESSIONS_KEPT) decodedSessions.delete(decodedSessions.keys().next().value!);
  decodedSessions.set(key, claims);
  return claims;
}

const SecondFactorClaimsSchema = z.object({ sub: z.string().uuid(), sv: z.number().int() });
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
