// Helpers for integration tests: a raw pg client on the test file's database.
import pg from 'pg';

export async function withClient<T>(run: (client: pg.Client) => Promise<T>, url = process.env.DATABASE_URL!): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
