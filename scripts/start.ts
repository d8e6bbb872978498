// `npm start`: database up, migrations applied, demo data on an empty database, a current build,
// then the production server, kept running by lib/ops/supervise.ts (restarted if it dies). Ctrl-C
// stops the app, then the database; the data stays in .data/.
// `npm run dev` does the same with the development server instead of a build.
import pg from 'pg';
import { seedDemo } from '../prisma/seed/index.ts';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-data.ts';
import { buildIfNeeded, nextBin, serverCommand } from './lib/build.ts';
import { ConfigError } from './lib/cli.ts';
import { shutdownTimeoutMs } from '../lib/ops/shutdown-timeout.ts';
import { stopOnSignals, supervise } from '../lib/ops/supervise.ts';
import { assertPortFree, openServer, serverStopped } from './lib/postgres.ts';
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
  let stopTimeoutMs: number;
  try {
    stopTimeoutMs = shutdownTimeoutMs();
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  await assertPortFree(port, 'PORT');

  const { server, url } = await openServer();
  const stopDatabase = () => server.stop().catch(() => {});
  let env: NodeJS.ProcessEnv;
  let demo: boolean;
  const dev = process.argv.includes('--dev');
  try {
    const applied = await applyMigrations(url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    // Demo data goes only into the embedded database, or where ITTIFAQ_DEMO=1 asks for it.
    if ((server.embedded || process.env.ITTIFAQ_DEMO === '1') && (await isEmpty(url))) {
      console.log(`Demonstration data: ${await seedDemo(url)}`);
    }
    env = {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: await authSecret(),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NODE_ENV: dev ? 'development' : 'production',
      PORT: String(port),
    };
    if (!dev) await buildIfNeeded(env);
    demo = await hasDemoData(url);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const supervisor = supervise({
    app: dev
      ? { command: process.execPath, args: [nextBin, 'dev', '-p', String(port)], env }
      : // The app closes its database pools and bounds its requests in flight on SIGTERM (instrumentation.ts).
        { command: process.execPath, args: serverCommand(env), env: { ...env, NEXT_MANUAL_SIG_HANDLE: 'true' } },
    // The app gets its timeout for requests, then as long again to close its pools.
    stopTimeoutMs: 2 * stopTimeoutMs + 5_000,
    databaseStopped: server.dataDir ? serverStopped(server.dataDir) : new Promise<never>(() => {}),
    stopDatabase,
    onOutput: (chunk) => process.stdout.write(chunk),
    onReady: (restarts) => {
      if (restarts > 0) {
        console.log(`ittifaq: the app server is serving again at http://localhost:${port}`);
        return;
      }
      console.log(`\nIttifaq is running at http://localhost:${port}`);
      if (demo) {
        console.log('Demo sign-in accounts (demonstration data only):');
        for (const account of DEMO_ACCOUNTS)
          console.log(`  ${account.role.toLowerCase().padEnd(8)} ${account.email}  password: ${account.password}`);
        console.log('  (administrators set up two-factor authentication with an authenticator app at first sign-in)');
      }
      console.log('Press Ctrl-C to stop the app and the database.\n');
    },
  });
  stopOnSignals(supervisor);
  process.exit(await supervisor.done);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `ittifaq: ${error.message}` : error);
  process.exit(1);
});
