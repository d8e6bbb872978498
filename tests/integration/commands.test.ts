// The command-line entry points that touch authentication: creating the first admin, and refusing to
// start without a usable secret.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password-hash.ts';
import { testDb } from '../support/auth.ts';

const tsx = ['--conditions=react-server', '--import', 'tsx'];

function runScript(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [...tsx, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('npm run user:create', () => {
  it('creates an admin with a hashed password read from the environment, and audits it', async () => {
    const result = runScript(['scripts/user-create.ts', '--email', 'First.Admin@Example.org', '--role', 'admin', '--name', 'First Admin'], {
      ITTIFAQ_USER_PASSWORD: 'caspian-lng-cargo-2026',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Created admin first.admin@example.org');
    const db = testDb();
    const user = await db.user.findUniqueOrThrow({
      where: { email: 'first.admin@example.org' },
      select: { id: true, role: true, passwordHash: true },
    });
    expect(user.role).toBe('ADMIN');
    expect(await verifyPassword(user.passwordHash!, 'caspian-lng-cargo-2026')).toBe(true);
    expect(await db.auditEvent.count({ where: { action: 'user.create', entityId: user.id } })).toBe(1);
    await db.$disconnect();
  });

  it('refuses a weak password or a duplicate email in one line, creating nothing', async () => {
    const weak = runScript(['scripts/user-create.ts', '--email', 'weak@example.org', '--role', 'analyst'], {
      ITTIFAQ_USER_PASSWORD: 'qwerty123456',
    });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toBe('ittifaq: the password is in the list of common passwords');
    const duplicate = runScript(['scripts/user-create.ts', '--email', 'first.admin@example.org', '--role', 'admin'], {
      ITTIFAQ_USER_PASSWORD: 'caspian-lng-cargo-2026',
    });
    expect(duplicate.stderr).toBe('ittifaq: a user with the email first.admin@example.org already exists.');
    const db = testDb();
    expect(await db.user.count({ where: { email: 'weak@example.org' } })).toBe(0);
    await db.$disconnect();
  });
});

describe('start-up', () => {
  const check = ['-e', `import('./lib/server-startup.ts').then((m) => { m.checkConfigurationOrExit(); console.log('started'); })`];

  it('refuses to start without NEXTAUTH_SECRET, and says why in one line', () => {
    const result = runScript(check, { NEXTAUTH_SECRET: undefined, NEXTAUTH_URL: undefined });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'ittifaq: NEXTAUTH_SECRET is not set; generate one with `openssl rand -base64 32`. The server will not start without it.',
    );
  });

  it('refuses a short secret and a plain-HTTP public URL, and starts with a good configuration', () => {
    expect(runScript(check, { NEXTAUTH_SECRET: 'short' }).stderr).toContain('NEXTAUTH_SECRET must be at least 32 characters long.');
    expect(runScript(check, { NEXTAUTH_SECRET: 'x'.repeat(40), NEXTAUTH_URL: 'http://ittifaq.example.org' }).stderr).toContain(
      'NEXTAUTH_URL must use https outside local development',
    );
    expect(runScript(check, { NEXTAUTH_SECRET: 'x'.repeat(40), NEXTAUTH_URL: 'https://ittifaq.example.org' }).stdout).toBe('started');
  });
});
