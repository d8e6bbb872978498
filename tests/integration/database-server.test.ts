// Where the database comes from, and the one-line errors for bad configuration.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../scripts/lib/cli.ts';
import { openServer, serverStopped, startEmbedded } from '../../scripts/lib/postgres.ts';
import { withClient } from '../support/db.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function withEnv<T>(values: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete process.env[key];
  return run().finally(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}

const tempDirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ittifaq-db-'));
  // As root, PostgreSQL runs as an unprivileged user that must be able to reach the data directory.
  await chmod(dir, 0o755);
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs `npm start`'s script and returns its exit code and standard error. */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('with DATABASE_URL set', () => {
  it('uses that server and starts no embedded one', async () => {
    const dataDir = path.join(await tempDir(), 'never-created');
    const url = process.env.DATABASE_URL!;
    const { server, url: used } = await withEnv({ ITTIFAQ_DB_DIR: dataDir }, () => openServer());
    expect(used).toBe(url);
    expect(server.embedded).toBe(false);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('fails with one line naming the unreachable server, without its password', async () => {
    const port = await freePort();
    const url = `postgresql://app:s3cret-pass@127.0.0.1:${port}/ittifaq`;
    const error = await withEnv({ DATABASE_URL: url }, () => openServer()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`Cannot reach the database at DATABASE_URL (127.0.0.1:${port}/ittifaq): ECONNREFUSED.`);

    const result = start({ DATABASE_URL: url, PORT: String(await freePort()) });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`ittifaq: Cannot reach the database at DATABASE_URL (127.0.0.1:${port}/ittifaq): ECONNREFUSED.`);
    expect(result.stderr).not.toContain('s3cret-pass');
  });
});

describe('the embedded server', () => {
  it('initialises a data directory, serves connections, keeps its data and is reused while running', async () => {
    const dataDir = path.join(await tempDir(), 'pg');
    const port = await freePort();
    const server = await startEmbedded({ dataDir, port, fast: true });
    try {
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      await withClient((client) => client.query('create table kept (v int); insert into kept values (42)'), server.adminUrl);
      const again = await startEmbedded({ dataDir, port: await freePort(), fast: true });
      expect(again.adminUrl).toBe(server.adminUrl);
    } finally {
      await server.stop();
    }
    const restarted = await startEmbedded({ dataDir, port, fast: true });
    try {
      const { rows } = await withClient((client) => client.query('select v from kept'), restarted.adminUrl);
      expect(rows).toEqual([{ v: 42 }]);
    } finally {
      await restarted.stop();
    }
  }, 120_000);

  it('runs the server in its own process group and tells when it ends by itself, naming its data directory and process', async () => {
    const dataDir = path.join(await tempDir(), 'pg');
    const server = await startEmbedded({ dataDir, port: await freePort(), fast: true, detached: true });
    const stopped = serverStopped(dataDir, 100);
    const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    // A process group of its own, which a Ctrl-C in the terminal does not reach.
    const processGroup = async (of: number | 'self') => (await readFile(`/proc/${of}/stat`, 'utf8')).split(') ')[1]!.split(' ')[2];
    expect(await processGroup(pid)).not.toBe(await processGroup('self'));
    const stillRunning = await Promise.race([stopped, new Promise((resolve) => setTimeout(() => resolve('running'), 500))]);
    expect(stillRunning).toBe('running');
    process.kill(pid, 'SIGKILL');
    expect(await stopped).toBe(`PostgreSQL in ${dataDir}: its process (pid ${pid}) ended`);
    expect(server.dataDir).toBe(dataDir);
  }, 120_000);

  it('refuses a port that is taken, in one line naming the variable to change', async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    try {
      const dataDir = path.join(await tempDir(), 'pg');
      await expect(startEmbedded({ dataDir, port })).rejects.toThrow(
        `Port ${port} is already in use; stop whatever holds it or set ITTIFAQ_DB_PORT to another port.`,
      );
      const result = start({ DATABASE_URL: '', ITTIFAQ_DB_DIR: dataDir, PORT: String(port) });
      expect(result.stderr).toBe(`ittifaq: Port ${port} is already in use; stop whatever holds it or set PORT to another port.`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a data directory it cannot write, in one line', async () => {
    const file = path.join(await tempDir(), 'a-file');
    await writeFile(file, '');
    const dataDir = path.join(file, 'postgres');
    await expect(startEmbedded({ dataDir, port: await freePort() })).rejects.toThrow(
      `The database directory ${dataDir} is not writable (ENOTDIR); fix its permissions or set ITTIFAQ_DB_DIR.`,
    );
    const result = start({
      DATABASE_URL: '',
      ITTIFAQ_DB_DIR: dataDir,
      ITTIFAQ_DB_PORT: String(await freePort()),
      PORT: String(await freePort()),
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `ittifaq: The database directory ${dataDir} is not writable (ENOTDIR); fix its permissions or set ITTIFAQ_DB_DIR.`,
    );
  });
});
