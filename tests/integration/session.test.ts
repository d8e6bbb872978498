import { describe, expect, it } from 'vitest';
import { encodeSession, nowSeconds } from '../../lib/auth/session-token.ts';
import { viewerFromSessionToken } from '../../lib/auth/session.ts';
import { seedId } from '../../prisma/seed/index.ts';
import { seedDemo } from '../../prisma/seed/index.ts';
import { createUser, sessionTokenFor, testDb } from '../support/auth.ts';

describe('sessions', () => {
  it("resolve to the user as stored now, never the token's idea of them", async () => {
    await seedDemo(process.env.DATABASE_URL!);
    const user = await createUser({ role: 'ANALYST', partyId: seedId('party', 'pakistan') });
    const token = await sessionTokenFor(user);
    expect(await viewerFromSessionToken(token)).toMatchObject({ kind: 'user', id: user.id, role: 'ANALYST' });

    const db = testDb();
    await db.user.update({ where: { id: user.id }, data: { role: 'ADMIN' } });
    expect(await viewerFromSessionToken(token)).toMatchObject({ role: 'ADMIN', mustEnrolTwoFactor: true });
    await db.$disconnect();
  });

  it('end on the next request after deactivation, or after the session version moves (password reset, side change)', async () => {
    const db = testDb();
    const first = await createUser({ role: 'ANALYST' });
    const token = await sessionTokenFor(first);
    await db.user.update({ where: { id: first.id }, data: { active: false } });
    expect(await viewerFromSessionToken(token)).toEqual({ kind: 'public', role: 'PUBLIC' });

    const second = await createUser({ role: 'ANALYST' });
    const secondToken = await sessionTokenFor(second);
    await db.user.update({ where: { id: second.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await viewerFromSessionToken(secondToken)).toEqual({ kind: 'public', role: 'PUBLIC' });
    await db.$disconnect();
  });

  it('are worthless when made with another secret or past their timeouts', async () => {
    const user = await createUser({ role: 'ANALYST' });
    const now = nowSeconds();
    const foreign = await encodeSession({ sub: user.id, sv: 1, at: now, ls: now }, 'another-secret-another-secret-another-secret');
    expect((await viewerFromSessionToken(foreign)).kind).toBe('public');
    const idle = await encodeSession({ sub: user.id, sv: 1, at: now - 9 * 3600, ls: now - 9 * 3600 }, process.env.NEXTAUTH_SECRET!);
    expect((await viewerFromSessionToken(idle)).kind).toBe('public');
  });
});
