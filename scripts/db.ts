// Database commands: migrate (write a new migration), deploy (apply pending), seed, reset.
import pg from 'pg';
import { ConfigError, parseArgs, runMain } from './lib/cli.ts';
import { createMigration } from './lib/migrations.ts';
import { openServer } from './lib/postgres.ts';
import { applyMigrations } from './lib/schema-engine.ts';
import { seedDemo } from '../prisma/seed/index.ts';

const usage = `usage: npm run db:<command>
  db:migrate -- --name <name>   write a migration from the schema change, then apply it
  db:deploy                     apply pending migrations
  db:seed                       load the demonstration data set (idempotent)
  db:reset [-- --yes]           drop everything, migrate and seed the demonstration data`;

async function resetSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema public cascade; create schema public;');
  } finally {
    await client.end();
  }
}

runMain(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseArgs(rest);
  if (!['migrate', 'deploy', 'seed', 'reset'].includes(command ?? '')) throw new ConfigError(usage);
  if (command === 'reset' && process.env.DATABASE_URL && args.yes !== true) {
    throw new ConfigError('db:reset would erase the database at DATABASE_URL; run it with -- --yes to confirm.');
  }
  if (command === 'migrate' && typeof args.name !== 'string') throw new ConfigError('db:migrate needs -- --name <name>.');
  const { server, url } = await openServer();
  try {
    if (command === 'migrate') {
      const dir = await createMigration(url, args.name as string);
      console.log(dir ? `Wrote ${dir}/migration.sql` : 'The schema has not changed; no migration written.');
    }
    if (command === 'reset') await resetSchema(url);
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    if (command === 'seed' || command === 'reset') {
      const summary = await seedDemo(url);
      console.log(`Demonstration data: ${summary}`);
    }
  } finally {
    await server.stop();
  }
});
