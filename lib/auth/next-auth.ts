import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientAddress } from '../http/client-address.ts';
import { z } from 'zod';
import { createSession, endSessionByToken } from '../data/sessions.ts';
import { verifyPasswordStep, verifySecondFactorStep } from './authenticate.ts';
import { ABSOLUTE_TIMEOUT_SECONDS, authConfig } from './config.ts';
import { nowSeconds } from './session-token.ts';

const SignOutTokenSchema = z.object({ sub: z.uuid(), sid: z.uuid() });

/**
 * next-auth's own endpoints (/api/auth/*), for clients that post credentials directly. They share
 * the sign-in logic, throttling, second factor, server-side sessions and session format with the
 * sign-in page's actions.
 */
export function authOptions(): NextAuthOptions {
  const config = authConfig();
  return {
    secret: config.secret,
    session: { strategy: 'jwt', maxAge: ABSOLUTE_TIMEOUT_SECONDS },
    jwt: { maxAge: ABSOLUTE_TIMEOUT_SECONDS },
    useSecureCookies: config.secureCookies,
    cookies: {
      sessionToken: {
        name: config.sessionCookie,
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies },
      },
    },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Authenticator code', type: 'text' },
        },
        async authorize(credentials, request) {
          const headers = new Headers(request.headers as Record<string, string>);
          const client = { address: clientAddress(headers), userAgent: headers.get('user-agent') };
          const signedIn = async (userId: string, sv: number) => ({ id: userId, sv, sid: await createSession(userId, client) });
          const step = await verifyPasswordStep(credentials?.email ?? '', credentials?.password ?? '', client.address);
          if (step.outcome === 'throttled') throw new Error('throttled');
          if (step.outcome === 'invalid') return null;
          if (step.outcome === 'signed-in') return signedIn(step.userId, step.sessionVersion);
          if (!credentials?.code) throw new Error('second-factor-required');
          const second = await verifySecondFactorStep(step, credentials.code, client.address);
          if (second.outcome === 'throttled') throw new Error('throttled');
          return second.outcome === 'signed-in' ? signedIn(second.userId, second.sessionVersion) : null;
        },
      }),
    ],
    // next-auth's own sign-out endpoint ends the session on the server too, as the app's does.
    events: {
      async signOut({ token }) {
        const parsed = SignOutTokenSchema.safeParse(token);
        if (parsed.success) await endSessionByToken(parsed.data.sub, parsed.data.sid);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (!user) return token;
        const { sv, sid } = user as unknown as { sv: number; sid: string };
        return { sub: user.id, sid, sv, at: nowSeconds() };
      },
      // The session endpoint says only when the session expires: no role, no email.
      session({ session }) {
        return { expires: session.expires };
      },
    },
  };
}
