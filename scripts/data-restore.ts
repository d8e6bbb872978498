// `npm run data:restore -- backup.json`: loads a full backup (downloaded from /admin/data) into an
// empty database: DATABASE_URL's, or the embedded one `npm start` uses. Refuses anything else.
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { BackupError } from '../lib/backup/format.ts';
import { restoreBackup } from '../lib/backup/restore.ts';
import { ConfigError, runMain } from './lib/cli.ts';
import { describeUrl, openServer } from './lib/postgres.ts';
import { applyMigrations } from './lib/schema-engine.ts';

async function readBackup(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(`${file} is not JSON.`);
  }
}

runMain(async () => {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!file) throw new ConfigError('usage: npm run data:restore -- <backup.json>');
  const document = await readBackup(file);
  const { server, url } = await openServer();
  const client = new pg.Client({ connectionString: url });
  try {
    await applyMigrations(url);
    await client.connect();
    const counts = await restoreBackup(client, document);
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    console.log(`Restored ${total} rows in ${Object.keys(counts).length} tables into ${describeUrl(url)}.`);
    console.log(
      'Backups hold no passwords or two-factor secrets: create an admin with `npm run user:create`, then reset the other accounts from /admin/users.',
    );
  } catch (error) {
    if (error instanceof BackupError) throw new ConfigError(`${file}: ${error.message}.`);
    throw error;
  } finally {
    await client.end().catch(() => {});
    await server.stop();
  }
});
