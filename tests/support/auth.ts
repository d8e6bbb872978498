// Signed-in personas for integration tests: real users in the test database and real session tokens.
import { randomUUID } from 'node:crypto';
import { authConfig } from '../../lib/auth/config.ts';
import { hashPassword } from '../../lib/auth/password-hash.ts';
import { encodeSession, nowSeconds } from '../../lib/auth/session-token.ts';
import { createPrismaClient } from '../../lib/db-client.ts';
import { getDb } from '../../lib/db.ts';
import { request } from './next-request.ts';

export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const TEST_SECRET = 'test-secret-for-integration-tests-0123456789';
process.env.NEXTAUTH_SECRET = TEST_SECRET;
// The site the tests' requests come to (tests/support/next-request.ts), for the links the app builds.
process.env.NEXTAUTH_URL = 'http://localhost:3000';

export function testDb() {
  return createPrismaClient(process.env.DATABASE_URL!);
}

export async function createUser(options: {
  role: 'ADMIN' | 'ANALYST';
  partyId?: string | null;
  password?: string;
  twoFactor?: boolean;
  email?: string;
}) {
  const db = testDb();
  try {
    return await db.user.create({
      data: {
        email: options.email ?? `user-${randomUUID()}@example.org`,
        name: `Test ${options.role.toLowerCase()}`,
        role: options.role,
        partyId: options.partyId ?? null,
        passwordHash: options.password ? await hashPassword(options.password) : null,
        totpEnabledAt: options.twoFactor ? new Date() : null,
        totpSecret: options.twoFactor ? TEST_TOTP_SECRET : null,
      },
      select: { id: true, email: true, sessionVersion: true, role: true },
    });
  } finally {
    await db.$disconnect();
  }
}

/** A new session of `user` (a row, as signing in makes it) and its cookie's token. */
export async function sessionTokenFor(user: { id: string; sessionVersion: number }, client: { address?: string; userAgent?: string } = {}) {
  const session = await getDb().session.create({
    data: { id: randomUUID(), userId: user.id, address: client.address ?? null, userAgent: client.userAgent ?? null },
    select: { id: true },
  });
  return encodeSession({ sub: user.id, sid: session.id, sv: user.sessionVersion, at: nowSeconds() }, TEST_SECRET);
}

/** Makes the next server-side calls carry `token` as their session cookie (or none). */
export function withSessionToken(token: string | null) {
  request.reset();
  if (token) request.cookies.set(authConfig().sessionCookie, token);
}

/** Makes the next server-side calls run as `user` (or signed out with null), in a new session. */
export async function actAs(user: { id: string; sessionVersion: number } | null) {
  withSessionToken(user ? await sessionTokenFor(user) : null);
}

/** The viewer a request by `user` would resolve to (through the real session path). */
export async function viewerOf(user: { id: string; sessionVersion: number }) {
  const { viewerFromSessionToken } = await import('../../lib/auth/session.ts');
  return viewerFromSessionToken(await sessionTokenFor(user));
}
