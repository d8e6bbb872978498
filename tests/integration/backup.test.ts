// The full backup: downloaded as one JSON document, restored by `npm run data:restore` into an
// empty database, where every table equals the original (secrets excepted).
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BACKUP_TABLES, SECRET_TABLES } from '../../lib/backup/format.ts';
import { openBackupStream } from '../../lib/data/admin/backup.ts';
import { mergeParty } from '../../lib/data/admin/parties.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/postgres.ts';
import { adminViewer, analystViewer } from '../support/admin.ts';
import { databaseFingerprint } from '../support/actions.ts';
import { createUser, sessionTokenFor, testDb, withSessionToken } from '../support/auth.ts';
import { withClient } from '../support/db.ts';

const adminUrl = inject('testAdminUrl');
const restoredName = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_restored`;
const restoredUrl = withDatabase(adminUrl, restoredName);
let dir: string;

function restore(file: string, url = restoredUrl) {
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/data-restore.ts', file], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** Every row of every table, secret columns removed, in a stable order. */
async function dumpTables(url: string) {
  return withClient(async (client) => {
    const { rows: tables } = await client.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1`,
    );
    const dump: Record<string, unknown[]> = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query(
        `select to_jsonb(t) - 'password_hash' - 'totp_secret' - 'totp_last_step' as row from "${tablename}" t order by to_jsonb(t)::text`,
      );
      dump[tablename] = rows.map((row) => row.row);
    }
    return dump;
  }, url);
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  dir = await mkdtemp(path.join(os.tmpdir(), 'ittifaq-backup-'));
  await dropDatabase(adminUrl, restoredName);
  await ensureDatabase(adminUrl, restoredName, 'ittifaq_test_template');
});

afterAll(async () => {
  await dropDatabase(adminUrl, restoredName);
});

describe('a full backup', () => {
  it('restores into an empty database with every table equal to the original, and the audit chain intact', async () => {
    const admin = await adminViewer();
    await createUser({ role: 'ANALYST', password: 'caspian-lng-cargo-2026', twoFactor: true });
    // A merged party refers to its survivor, and exports before it (lowest id): the restore must
    // insert the survivor first.
    const db = testDb();
    const duplicate = await db.party.create({
      data: {
        id: '00000000-0000-4000-8000-000000000001',
        slug: 'socar-duplicate',
        name: 'SOCAR (duplicate)',
        kind: 'STATE_COMPANY',
        countryCode: 'AZ',
      },
    });
    await db.$disconnect();
    await mergeParty(admin, { id: duplicate.id, version: 1, survivorId: seedId('party', 'socar') });
    await analystViewer();

    const text = await new Response(await openBackupStream(admin)).text();
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: 'ittifaq-backup', version: 1 });
    expect(Object.keys(backup.tables).sort()).toEqual(BACKUP_TABLES.map((table) => table.name).sort());
    for (const user of backup.tables.app_user) {
      expect(user).not.toHaveProperty('password_hash');
      expect(user).not.toHaveProperty('totp_secret');
      expect(user).not.toHaveProperty('totp_last_step');
    }
    for (const secret of SECRET_TABLES) expect(backup.tables).not.toHaveProperty(secret);

    const file = path.join(dir, 'backup.json');
    await writeFile(file, text);
    const result = restore(file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Restored \d+ rows in 15 tables/);

    const [original, restored] = await Promise.all([dumpTables(process.env.DATABASE_URL!), dumpTables(restoredUrl)]);
    for (const secret of SECRET_TABLES) {
      expect(restored[secret], secret).toEqual([]);
      delete original[secret];
      delete restored[secret];
    }
    expect(Object.keys(restored)).toEqual(Object.keys(original));
    for (const table of Object.keys(original)) expect(restored[table], table).toEqual(original[table]);

    const verify = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: restoredUrl },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(verify.stdout.trim()).toBe(`OK: ${original.audit_event!.length} events`);
    // New rows after a restore get fresh ids.
    await withClient(async (client) => {
      const { rows } = await client.query(
        `select nextval(pg_get_serial_sequence('audit_event', 'id'))::int as next, max(id)::int as max from audit_event`,
      );
      expect(rows[0].next).toBe(rows[0].max + 1);
    }, restoredUrl);
  }, 180_000);

  it('is downloaded by admins only, from GET /admin/data/backup, which writes nothing', async () => {
    const { GET } = await import('../../app/(signed-in)/admin/data/backup/route.ts');
    const [analyst, admin] = [await createUser({ role: 'ANALYST' }), await createUser({ role: 'ADMIN', twoFactor: true })];
    // Signing in writes a session; the download itself must write nothing.
    const [analystSession, adminSession] = [await sessionTokenFor(analyst), await sessionTokenFor(admin)];
    const before = await databaseFingerprint();
    withSessionToken(null);
    expect((await GET()).status).toBe(401);
    withSessionToken(analystSession);
    expect((await GET()).status).toBe(403);
    withSessionToken(adminSession);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="ittifaq-backup-.+\.json"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(await response.text())).toMatchObject({
      format: 'ittifaq-backup',
      version: 1,
      tables: { agreement: expect.any(Array) },
    });
    expect(await databaseFingerprint()).toBe(before);
  });

  it('is refused, in one line and without writing, by a non-empty database or in a wrong format', async () => {
    const file = path.join(dir, 'backup.json');
    const again = restore(file);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /^ittifaq: .*backup\.json: the database is not empty \(table \w+ has rows\); restore only into an empty database; nothing was written\.$/,
    );

    const wrong = path.join(dir, 'wrong.json');
    await writeFile(wrong, JSON.stringify({ format: 'ittifaq-backup', version: 2, tables: {} }));
    const fresh = `${restoredName}_2`;
    await ensureDatabase(adminUrl, fresh);
    try {
      const result = restore(wrong, withDatabase(adminUrl, fresh));
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^ittifaq: .*wrong\.json: backup format version 2 is not supported \(this version reads 1\); nothing was written\.$/,
      );
      await withClient(
        async (client) => {
          expect((await client.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`)).rows[0].n).toBe(0);
        },
        withDatabase(adminUrl, fresh),
      );
    } finally {
      await dropDatabase(adminUrl, fresh);
    }
  }, 120_000);
});
