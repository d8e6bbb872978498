// Authentication settings, derived from the environment and validated once per process. Fails
// closed: without a usable NEXTAUTH_SECRET nothing can be signed in, and start-up says why
// (instrumentation.ts).
import { z } from 'zod';

/** Idle timeout: a session unused for 8 hours ends. */
export const IDLE_TIMEOUT_SECONDS = 8 * 60 * 60;
/** Absolute timeout: 7 days after signing in, a session ends however active it is. */
export const ABSOLUTE_TIMEOUT_SECONDS = 7 * 24 * 60 * 60;
/** How long the password step of a two-step (TOTP) sign-in stays valid. */
export const SECOND_FACTOR_WINDOW_SECONDS = 5 * 60;

const AuthEnvSchema = z.object({
  NEXTAUTH_SECRET: z
    .string({ error: 'NEXTAUTH_SECRET is not set; generate one with `openssl rand -base64 32`.' })
    .min(32, 'NEXTAUTH_SECRET must be at least 32 characters long.'),
  NEXTAUTH_URL: z
    .url({ error: 'NEXTAUTH_URL must be the absolute URL the app is served at, e.g. https://ittifaq.example.org.' })
    .optional(),
});

export interface AuthConfig {
  secret: string;
  /** Cookies are Secure everywhere except plain-HTTP local development (localhost, 127.0.0.1). */
  secureCookies: boolean;
  sessionCookie: string;
  secondFactorCookie: string;
}

function isLocalHttp(url: URL) {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function parseAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const parsed = AuthEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(' '));
  const url = new URL(parsed.data.NEXTAUTH_URL ?? 'http://localhost:3000');
  if (url.protocol !== 'https:' && !isLocalHttp(url)) {
    throw new Error(`NEXTAUTH_URL must use https outside local development (got ${url.origin}).`);
  }
  const secureCookies = url.protocol === 'https:';
  // The __Host- prefix pins a cookie to this exact origin; browsers accept it only when Secure.
  const prefix = secureCookies ? '__Host-' : '';
  return {
    secret: parsed.data.NEXTAUTH_SECRET,
    secureCookies,
    sessionCookie: `${prefix}ittifaq.session`,
    secondFactorCookie: `${prefix}ittifaq.second-factor`,
  };
}

let cached: AuthConfig | undefined;

export function authConfig(): AuthConfig {
  cached ??= parseAuthConfig(process.env);
  return cached;
}

export function cookieOptions(maxAge: number) {
  return { httpOnly: true, secure: authConfig().secureCookies, sameSite: 'lax' as const, path: '/', maxAge };
}
