import path from 'node:path';
import pg from 'pg';
import { startEmbedded, withDatabase } from '../../scripts/lib/postgres.ts';

/**
 * A connection to the e2e server's database (scripts/e2e-server.ts): on the test server `npm test`
 * started, or on the embedded one the e2e server started (reused here, not started again).
 */
export async function withE2eDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl =
    process.env.ITTIFAQ_TEST_ADMIN_URL ??
    (
      await startEmbedded({
        dataDir: path.resolve(process.env.ITTIFAQ_TEST_DB_DIR ?? '.data/test-postgres'),
        port: Number(process.env.ITTIFAQ_TEST_DB_PORT ?? 54339),
        fast: true,
      })
    ).adminUrl;
  const client = new pg.Client({ connectionString: withDatabase(adminUrl, 'ittifaq_e2e') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
