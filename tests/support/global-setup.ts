// Vitest global setup: a PostgreSQL server for the run and a migrated template database that every
// test file clones (tests/support/database.ts). Never the app's own database.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase, startEmbedded, withDatabase, type DatabaseServer } from '../../scripts/lib/postgres.ts';
import { applyMigrations } from '../../scripts/lib/schema-engine.ts';

export const TEMPLATE_DB = 'ittifaq_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    testAdminUrl: string;
  }
}

/** The test server: the one `npm test` started, TEST_DATABASE_URL, or an embedded one started here. */
export async function testServer(): Promise<DatabaseServer> {
  const given = process.env.ITTIFAQ_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, embedded: false, stop: async () => {} };
  return startEmbedded({
    dataDir: path.resolve(process.env.ITTIFAQ_TEST_DB_DIR ?? '.data/test-postgres'),
    port: Number(process.env.ITTIFAQ_TEST_DB_PORT ?? 54339),
    fast: true,
  });
}

export default async function setup(project: TestProject) {
  const server = await testServer();
  await dropDatabase(server.adminUrl, TEMPLATE_DB);
  await ensureDatabase(server.adminUrl, TEMPLATE_DB);
  await applyMigrations(withDatabase(server.adminUrl, TEMPLATE_DB));
  project.provide('testAdminUrl', server.adminUrl);
  return async () => {
    await server.stop();
  };
}
