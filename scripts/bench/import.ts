// `npm run bench:import -- [--agreements 1000] [--milestones 9000]`: times the CSV import through its
// data functions (check, then import in one transaction) on generated files, in a scratch database of
// its own (`ittifaq_bench_import`, recreated each run) on the embedded server or DATABASE_URL's server.
// It imports twice: the first import creates every record, the second (a revision of the same files)
// updates every one.
import { PARTIES, SECTORS } from '../../prisma/seed/demo-data.ts';
import { viewerForUser } from '../../lib/auth/session.ts';
import { createPrismaClient } from '../../lib/db-client.ts';
import { checkImport, runImport, type ImportTexts } from '../../lib/data/admin/import.ts';
import { disconnectDb } from '../../lib/db.ts';
import { ConfigError, parseArgs, runMain } from '../lib/cli.ts';
import { describeUrl, dropDatabase, ensureDatabase, withDatabase } from '../lib/postgres.ts';
import { applyMigrations } from '../lib/schema-engine.ts';
import { openBenchServer } from './dataset.ts';
import { importFiles } from './import-files.ts';

const DATABASE = 'ittifaq_bench_import';
const usage = 'usage: npm run bench:import -- [--agreements <rows>] [--milestones <rows>]';

function count(value: string | true | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new ConfigError(`--${name} must be a whole number from 0 to 100000.\n${usage}`);
  return n;
}

async function prepare(url: string) {
  const db = createPrismaClient(url);
  try {
    await db.party.createMany({ data: PARTIES });
    await db.sector.createMany({ data: SECTORS.map((sector, position) => ({ ...sector, position })) });
    const admin = await db.user.create({
      data: {
        email: 'bench-import@example.org',
        name: 'Import benchmark',
        role: 'ADMIN',
        totpEnabledAt: new Date(),
        totpSecret: 'JBSWY3DPEHPK3PXP',
      },
      select: { id: true, sessionVersion: true },
    });
    return admin;
  } finally {
    await db.$disconnect();
  }
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label.padEnd(24)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

async function checkAndImport(viewer: Awaited<ReturnType<typeof viewerForUser>>, texts: ImportTexts, label: string) {
  const started = performance.now();
  const preview = await timed(`${label}: check`, () => checkImport(viewer, texts));
  if (!preview.valid)
    throw new Error(
      `the generated files do not check out: ${JSON.stringify(preview.files.map((file) => file.fileIssues.concat(file.rows.flatMap((row) => row.issues)).slice(0, 5)))}`,
    );
  const outcome = await timed(`${label}: import`, () => runImport(viewer, texts, preview.digest));
  if (outcome.status !== 'imported') throw new Error('the import refused the files it had just checked');
  const { agreements, milestones } = outcome.summary;
  const counts = (c: typeof agreements) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  console.log(
    `  ${`${label}: total`.padEnd(24)} ${((performance.now() - started) / 1000).toFixed(2)} s  (agreements ${counts(agreements)}; milestones ${counts(milestones)})`,
  );
}

runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) throw new ConfigError(usage);
  const agreements = count(args.agreements, 1000, 'agreements');
  const milestones = count(args.milestones, 9000, 'milestones');
  if (milestones > 0 && agreements === 0) throw new ConfigError('milestones need agreements to belong to: give --agreements too.');

  const server = await openBenchServer();
  try {
    const url = withDatabase(server.adminUrl, DATABASE);
    await dropDatabase(server.adminUrl, DATABASE);
    await ensureDatabase(server.adminUrl, DATABASE);
    await applyMigrations(url);
    const admin = await prepare(url);
    process.env.DATABASE_URL = url;
    const viewer = await viewerForUser(admin.id, admin.sessionVersion);

    const files = (revision: number) =>
      importFiles({
        agreements,
        milestones,
        revision,
        parties: PARTIES.map((party) => party.slug),
        sectors: SECTORS.map((sector) => sector.slug),
      });
    const texts = files(1);
    const megabytes = (text: string) => (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
    console.log(
      `Import benchmark on ${describeUrl(url)}: ${agreements} agreement rows (${megabytes(texts.agreements)} MB) and ${milestones} milestone rows (${megabytes(texts.milestones)} MB), ${agreements + milestones} rows in all`,
    );
    await checkAndImport(viewer, texts, 'into an empty register');
    await checkAndImport(viewer, files(2), 'a revision (all updates)');
  } finally {
    await disconnectDb();
    await server.stop();
  }
});
