/** How long a stopping app server may take to finish its requests in flight, by default. */
export const DEFAULT_SHUTDOWN_TIMEOUT_S = 10;

/**
 * ITTIFAQ_SHUTDOWN_TIMEOUT in milliseconds: whole seconds, 1 to 600. Read by `npm start`, which
 * refuses a bad value at start, and by the app server, which gets the value `npm start` checked.
 */
export function shutdownTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ITTIFAQ_SHUTDOWN_TIMEOUT;
  if (raw === undefined || raw === '') return DEFAULT_SHUTDOWN_TIMEOUT_S * 1000;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < 1 || seconds > 600) {
    throw new RangeError(`ITTIFAQ_SHUTDOWN_TIMEOUT must be a whole number of seconds from 1 to 600, got "${raw}".`);
  }
  return seconds * 1000;
}
