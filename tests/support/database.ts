// Each test file gets its own database, cloned from the migrated template, and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/postgres.ts';

const adminUrl = inject('testAdminUrl');
const name = `ittifaq_test_${randomBytes(6).toString('hex')}`;
await ensureDatabase(adminUrl, name, 'ittifaq_test_template');
process.env.DATABASE_URL = withDatabase(adminUrl, name);

afterAll(async () => {
  const { disconnectDb } = await import('../../lib/db.ts');
  await disconnectDb();
  await dropDatabase(adminUrl, name);
});
