// `npm run data:restore` checks the whole file before it writes: a backup whose audit chain was
// edited, from which verified updates were removed, or with a malformed table is refused with the
// table, row and problem, and the empty target database keeps no table at all, not even migrated ones.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BackupRow } from '../../lib/backup/format.ts';
import { openBackupStream } from '../../lib/data/admin/backup.ts';
import { createSector } from '../../lib/data/admin/sectors.ts';
import { seedDemo } from '../../prisma/seed/index.ts';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/postgres.ts';
import { listMigrations } from '../../scripts/lib/schema-engine.ts';
import { adminViewer } from '../support/admin.ts';
import { withClient } from '../support/db.ts';

const adminUrl = inject('testAdminUrl');
const created: string[] = [];
let dir: string;
let backupText: string;

type Backup = { tables: Record<string, BackupRow[]> };

/** A database with nothing in it, as `createdb` leaves it. */
async function emptyDatabase() {
  const name = `ittifaq_restore_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  created.push(name);
  return withDatabase(adminUrl, name);
}

async function tablesIn(url: string) {
  return withClient(async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    return rows.map((row) => row.name);
  }, url);
}

/** Restores `backup` into a new empty database; returns the command's outcome and the tables left. */
async function restore(change: (backup: Backup) => void) {
  const backup = JSON.parse(backupText) as Backup;
  change(backup);
  const file = path.join(dir, `${randomBytes(4).toString('hex')}.json`);
  await writeFile(file, JSON.stringify(backup));
  const url = await emptyDatabase();
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/data-restore.ts', file], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim(), file, tables: await tablesIn(url) };
}

/** The refusal as printed: a headline, then one "table row n (key): problem" line per problem; no stack trace. */
function expectRefused(outcome: Awaited<ReturnType<typeof restore>>) {
  expect(outcome.status).toBe(1);
  expect(outcome.stdout).toBe('');
  const [headline, ...lines] = outcome.stderr.split('\n');
  expect(headline).toBe(
    `ittifaq: ${outcome.file} is refused (${lines.length} problem${lines.length === 1 ? '' : 's'} in the backup); nothing was written:`,
  );
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
  expect(outcome.tables).toEqual([]);
  return lines;
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  const admin = await adminViewer();
  // A few audited changes, so the chain has events before and after the one the test edits.
  for (const slug of ['ports', 'shipping', 'customs']) await createSector(admin, { slug, name: `Sector ${slug}`, description: '' });
  backupText = await new Response(await openBackupStream(admin)).text();
  dir = await mkdtemp(path.join(os.tmpdir(), 'ittifaq-restore-'));
}, 120_000);

afterEach(async () => {
  for (const name of created.splice(0)) await dropDatabase(adminUrl, name);
});

describe('restoring a backup', () => {
  it('refuses an audit event edited after it was written, naming the event, and leaves the empty database without a table', async () => {
    let edited: BackupRow | undefined;
    const outcome = await restore((backup) => {
      const events = backup.tables.audit_event!;
      expect(events.length).toBeGreaterThanOrEqual(3);
      edited = events[1]!;
      edited.after = { ...(edited.after as object), name: 'Sector renamed outside the app' };
    });
    expect(expectRefused(outcome)).toEqual([
      `  audit_event row 2 (id ${edited!.id}): its content does not match its hash: the event was altered after it was written, so the audit chain does not verify`,
    ]);
  }, 120_000);

  it('refuses a backup from which five verified updates were removed, because its stored scores no longer match', async () => {
    let touched: string[] = [];
    const outcome = await restore((backup) => {
      const updates = backup.tables.progress_update!;
      const superseded = new Set(updates.map((update) => update.supersedes_id));
      const removed = updates.filter((update) => update.review_state === 'VERIFIED' && !superseded.has(update.id)).slice(0, 5);
      expect(removed).toHaveLength(5);
      const ids = new Set(removed.map((update) => update.id));
      touched = [...new Set(removed.map((update) => String(update.agreement_id)))];
      backup.tables.progress_update = updates.filter((update) => !ids.has(update.id));
      // Their evidence goes too, so every remaining reference holds: only the scores give it away.
      backup.tables.evidence = backup.tables.evidence!.filter((item) => !ids.has(item.update_id));
    });
    const lines = expectRefused(outcome);
    for (const agreementId of touched) {
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^  agreement row \\d+ \\(id ${agreementId}\\): stored score [\\d.]+ differs from [\\d.]+, recomputed from its verified updates as of \\d{4}-\\d{2}-\\d{2}$`,
          ),
        ),
      );
    }
    expect(lines.every((line) => /^ {2}(agreement|milestone) row \d+ \(id [0-9a-f-]+\): (stored score|its score history)/.test(line))).toBe(
      true,
    );
  }, 120_000);

  it('refuses a malformed table, naming each row and column, before it creates anything', async () => {
    let milestones: BackupRow[] = [];
    const outcome = await restore((backup) => {
      milestones = backup.tables.milestone!;
      milestones[0]!.status = 'DONE';
      delete milestones[1]!.weight;
      milestones[2]!.colour = 'red';
      milestones[3]!.agreement_id = 42;
    });
    expect(expectRefused(outcome)).toEqual([
      `  milestone row 1 (id ${milestones[0]!.id}): column status: Invalid option: expected one of "NOT_STARTED"|"IN_PROGRESS"|"ACHIEVED"|"DELAYED"|"STALLED"|"CANCELLED"`,
      `  milestone row 2 (id ${milestones[1]!.id}): missing column weight`,
      `  milestone row 3 (id ${milestones[2]!.id}): unknown column colour`,
      `  milestone row 4 (id ${milestones[3]!.id}): column agreement_id: Invalid input: expected string, received number`,
    ]);
  }, 120_000);

  it('refuses a row that refers to a row the backup lacks', async () => {
    const outcome = await restore((backup) => {
      backup.tables.agreement_party![0]!.party_id = '01900000-0000-7000-8000-00000000dead';
    });
    expect(expectRefused(outcome)).toEqual([
      expect.stringMatching(
        /^ {2}agreement_party row 1 \(agreement_id [0-9a-f-]+, party_id 01900000-0000-7000-8000-00000000dead, role \w+\): column party_id refers to party 01900000-0000-7000-8000-00000000dead, which is not in the backup$/,
      ),
    ]);
  }, 120_000);

  it('restores the unchanged backup into a database without tables: migrated, complete, and the audit chain verifies', async () => {
    const outcome = await restore(() => {});
    expect(outcome.stderr).toBe('');
    expect(outcome.status).toBe(0);
    expect(outcome.stdout).toMatch(/^Restored \d+ rows in 15 tables/);
    expect(outcome.tables).toContain('_prisma_migrations');
    const url = withDatabase(adminUrl, created.at(-1)!);
    const verify = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/audit-verify.ts'], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const events = (JSON.parse(backupText) as Backup).tables.audit_event!.length;
    expect(verify.stdout.trim()).toBe(`OK: ${events} events`);
    await withClient(async (client) => {
      const { rows } = await client.query(`select migration_name from _prisma_migrations where finished_at is not null order by 1`);
      expect(rows.map((row) => row.migration_name)).toEqual(await listMigrations());
    }, url);
  }, 120_000);
});
