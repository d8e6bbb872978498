// Cache invalidations between instances, through PostgreSQL: a write's instance sends NOTIFY on
// CHANNEL with the tags it invalidated (lib/revalidate.ts), and every instance LISTENs on a dedicated
// connection of its own. Notifications sent while an instance was not listening are lost to it, so the
// listener reports the connection going down and coming back, and the store drops everything then.
import pg from 'pg';

export const CHANNEL = 'ittifaq_cache_invalidation';
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_000;
const PING_INTERVAL_MS = 15_000;
const MAX_BACKOFF_MS = 5_000;

/** The payloads announcing that `tags` were invalidated: JSON arrays of tags, each short enough for NOTIFY. */
export function invalidationPayloads(tags) {
  const payloads = [];
  let current = [];
  for (const tag of tags) {
    if (current.length && Buffer.byteLength(JSON.stringify([...current, tag])) > MAX_PAYLOAD_BYTES) {
      payloads.push(JSON.stringify(current));
      current = [];
    }
    current.push(tag);
  }
  if (current.length) payloads.push(JSON.stringify(current));
  return payloads;
}

/** The tags a payload names, or null when it names none that can be trusted (then drop everything). */
export function tagsOfPayload(payload) {
  try {
    const tags = JSON.parse(payload);
    return Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : null;
  } catch {
    return null;
  }
}

/**
 * Keeps one connection listening on CHANNEL. `onInvalidate(tags | null)` gets each notification;
 * `onUp()` is called once LISTEN is in place, `onDown(error)` when the connection failed or closed,
 * after which it reconnects with a growing, jittered delay. A ping every 15 seconds finds a connection
 * that died silently. Every error is handled here: none reaches the process as an uncaughtException.
 */
export function listenForInvalidations({ url, onInvalidate, onUp, onDown }) {
  let closed = false;
  let failures = 0;
  let client = null;
  let retry;
  let ping;

  const connect = async () => {
    if (closed) return;
    const connection = new pg.Client({
      connectionString: url,
      application_name: 'ittifaq-cache-invalidation',
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
    });
    client = connection;
    let down = false;
    const fail = (error) => {
      if (down) return;
      down = true;
      clearInterval(ping);
      if (client === connection) client = null;
      connection.end().catch(() => {});
      onDown(error);
      if (closed) return;
      failures += 1;
      retry = setTimeout(connect, Math.min(MAX_BACKOFF_MS, 100 * 2 ** failures) * (0.5 + Math.random() / 2));
      retry.unref();
    };
    connection.on('error', fail);
    connection.on('end', () => fail(new Error('the connection was closed')));
    connection.on('notification', (message) => {
      if (message.channel === CHANNEL) onInvalidate(tagsOfPayload(message.payload ?? ''));
    });
    try {
      await connection.connect();
      await connection.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      fail(error);
      return;
    }
    if (down) return;
    failures = 0;
    onUp();
    ping = setInterval(() => connection.query('select 1').catch(fail), PING_INTERVAL_MS);
    ping.unref();
  };

  void connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(ping);
      await client?.end().catch(() => {});
    },
  };
}
