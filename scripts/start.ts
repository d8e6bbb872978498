// `npm start`: database up, migrations applied, demo data on an empty database, a current build,
// then the production server. Ctrl-C stops the app and the database; the data stays in .data/.
// `npm run dev` does the same with the development server instead of a build.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { seedDemo } from '../prisma/seed/index.ts';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-data.ts';
import { buildIfNeeded, nextBin, serverCommand } from './lib/build.ts';
import { ConfigError } from './lib/cli.ts';
import { assertPortFree, openServer } from './lib/postgres.ts';
import { applyMigrations } from './lib/schema-engine.ts';
import { authSecret } from './lib/secrets.ts';

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'select (select count(*) from agreement)::int + (select count(*) from app_user)::int as n',
    );
    return rows[0]!.n === 0;
  } finally {
    await client.end();
  }
}

async function hasDemoData(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`select 1 from setting where key = 'demo_data' and value = 'true'::jsonb`);
    return Boolean(rowCount);
  } finally {
    await client.end();
  }
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${process.env.PORT}".`);
  await assertPortFree(port, 'PORT');

  const { server, url } = await openServer();
  const stopDatabase = () => server.stop().catch(() => {});
  try {
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    // Demo data goes only into the embedded database, or where ITTIFAQ_DEMO=1 asks for it.
    if ((server.embedded || process.env.ITTIFAQ_DEMO === '1') && (await isEmpty(url))) {
      console.log(`Demonstration data: ${await seedDemo(url)}`);
    }
    const dev = process.argv.includes('--dev');
    const env = {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: await authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NODE_ENV: dev ? ('development' as const) : ('production' as const),
    };
    if (!dev) await buildIfNeeded(env);
    const demo = await hasDemoData(url);

    const app = spawn(process.execPath, dev ? [nextBin, 'dev', '-p', String(port)] : serverCommand(env), {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...env, PORT: String(port) },
    });
    app.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (/Ready/.test(chunk.toString())) {
        console.log(`\nIttifaq is running at http://localhost:${port}`);
        if (demo) {
          console.log('Demo sign-in accounts (demonstration data only):');
          for (const account of DEMO_ACCOUNTS)
            console.log(`  ${account.role.toLowerCase().padEnd(8)} ${account.email}  password: ${account.password}`);
          console.log('  (administrators set up two-factor authentication with an authenticator app at first sign-in)');
        }
        console.log('Press Ctrl-C to stop the app and the database.\n');
      }
    });
    const shutdown = () => app.kill('SIGTERM');
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    const code = await new Promise<number>((resolve) => app.once('exit', (exitCode) => resolve(exitCode ?? 0)));
    await stopDatabase();
    process.exit(code);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `ittifaq: ${error.message}` : error);
  process.exit(1);
});
