// The app under test: the production server (`next start`, as `npm start` runs it) on the benchmark port, against the benchmark
// database, with its output in a log file (quoted when it fails to come up).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { serverCommand } from '../lib/build.ts';
import { ConfigError } from '../lib/cli.ts';

const READY_TIMEOUT_MS = 90_000;

export interface AppServer {
  baseUrl: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/** Environment the app runs with; also what `buildIfNeeded` builds with (it drops DATABASE_URL). */
export function appEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NODE_ENV: 'production',
  };
}

async function tail(file: string, lines = 15) {
  return (await readFile(file, 'utf8').catch(() => '')).trim().split('\n').slice(-lines).join('\n');
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode ?? 1);
    else child.once('exit', (code) => resolve(code ?? 1));
  });
}

export async function startApp(env: NodeJS.ProcessEnv, port: number, logName: string): Promise<AppServer> {
  const logFile = path.resolve('.data/bench', `${logName}.log`);
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const listen = { ...env, PORT: String(port), HOST: '127.0.0.1' };
  const child = spawn(process.execPath, serverCommand(listen), {
    env: listen,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    }
    log.end();
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let gone = false;
  void exited(child).then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    const response = await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (response?.ok) return { baseUrl, pid: child.pid!, logFile, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new ConfigError(`The app did not become healthy at ${baseUrl}/api/health (log: ${logFile}):\n${await tail(logFile)}`);
}
