// `npm run data:restore -- backup.json`: loads a full backup (downloaded from /admin/data) into an
// empty database: DATABASE_URL's, or the embedded one `npm start` uses. The whole file is checked
// first (lib/backup/validate.ts); then migrations and rows go in one transaction (lib/backup/restore.ts).
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { BackupError } from '../lib/backup/format.ts';
import { BackupRefused } from '../lib/backup/problems.ts';
import { restoreBackup } from '../lib/backup/restore.ts';
import { validateBackup } from '../lib/backup/validate.ts';
import { ConfigError, runMain } from './lib/cli.ts';
import { describeUrl, openServer } from './lib/postgres.ts';
import { applyMigrations } from './lib/schema-engine.ts';

/** Problems printed; a broken file mostly repeats itself after that, and the rest are counted. */
const SHOWN_PROBLEMS = 20;

async function readBackup(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not JSON: ${(error as Error).message}.`);
  }
}

function refusal(file: string, error: BackupError): ConfigError {
  if (!(error instanceof BackupRefused)) return new ConfigError(`${file}: ${error.message}; nothing was written.`);
  const { problems } = error;
  const lines = problems.slice(0, SHOWN_PROBLEMS).map((problem) => `  ${problem.at}: ${problem.message}`);
  if (problems.length > SHOWN_PROBLEMS) lines.push(`  … and ${problems.length - SHOWN_PROBLEMS} more`);
  return new ConfigError(`${file} is refused (${error.message}); nothing was written:\n${lines.join('\n')}`);
}

runMain(async () => {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!file) throw new ConfigError('usage: npm run data:restore -- <backup.json>');
  const document = await readBackup(file);
  let rows;
  try {
    rows = validateBackup(document);
  } catch (error) {
    if (error instanceof BackupError) throw refusal(file, error);
    throw error;
  }
  const { server, url } = await openServer();
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const counts = await restoreBackup(client, rows, {
      migrate: async (connection) => {
        await applyMigrations(connection);
      },
    });
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    console.log(`Restored ${total} rows in ${Object.keys(counts).length} tables into ${describeUrl(url)}.`);
    console.log(
      'Backups hold no passwords or two-factor secrets: create an admin with `npm run user:create`, then reset the other accounts from /admin/users.',
    );
  } catch (error) {
    if (error instanceof BackupError) throw refusal(file, error);
    throw error;
  } finally {
    await client.end().catch(() => {});
    await server.stop();
  }
});
