// The server Playwright tests against: a production build on a freshly seeded database of its own.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { seedDemo } from '../prisma/seed/index.ts';
import { seedE2eAccounts } from '../tests/fixtures/e2e-accounts.ts';
import { insertHiddenData } from '../tests/fixtures/hidden-data.ts';
import { buildIfNeeded, serverCommand } from './lib/build.ts';
import { runMain } from './lib/cli.ts';
import { dropDatabase, ensureDatabase, startEmbedded, withDatabase } from './lib/postgres.ts';
import { applyMigrations } from './lib/schema-engine.ts';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

runMain(async () => {
  const server = process.env.ITTIFAQ_TEST_ADMIN_URL
    ? { adminUrl: process.env.ITTIFAQ_TEST_ADMIN_URL, stop: async () => {} }
    : await startEmbedded({
        dataDir: path.resolve(process.env.ITTIFAQ_TEST_DB_DIR ?? '.data/test-postgres'),
        port: Number(process.env.ITTIFAQ_TEST_DB_PORT ?? 54339),
        fast: true,
      });
  const url = withDatabase(server.adminUrl, 'ittifaq_e2e');
  await dropDatabase(server.adminUrl, 'ittifaq_e2e');
  await ensureDatabase(server.adminUrl, 'ittifaq_e2e');
  await applyMigrations(url);
  await seedDemo(url);
  await seedE2eAccounts(url);
  // One record of every kind the public must never see, for e2e/public/hidden-data.spec.ts.
  await insertHiddenData(url);

  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_PORT}`,
    NODE_ENV: 'production' as const,
  };
  await buildIfNeeded(env);
  const listen = { ...env, PORT: String(E2E_PORT), HOST: '127.0.0.1' };
  const app = spawn(process.execPath, serverCommand(listen), { stdio: 'inherit', env: listen });
  const stop = () => app.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise((resolve) => app.once('exit', resolve));
  await server.stop();
});
