// `npm test`: formatting, lint, type check, unit and integration tests on a real PostgreSQL, end-to-end tests in
// Chromium against a production build. Every step runs; the exit code is non-zero if any failed.
import path from 'node:path';
import { run } from './lib/build.ts';
import { CHROMIUM_MISSING, findChromium } from './lib/chromium.ts';
import { ConfigError, runMain } from './lib/cli.ts';
import { startEmbedded } from './lib/postgres.ts';

const bin = (name: string) => path.resolve('node_modules/.bin', name);

runMain(async () => {
  const chromium = findChromium();
  if (!chromium) throw new ConfigError(CHROMIUM_MISSING);

  // One test server for the whole run (vitest and Playwright each clone their own databases on it).
  const server = process.env.TEST_DATABASE_URL
    ? { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
    : await startEmbedded({
        dataDir: path.resolve(process.env.ITTIFAQ_TEST_DB_DIR ?? '.data/test-postgres'),
        port: Number(process.env.ITTIFAQ_TEST_DB_PORT ?? 54339),
        fast: true,
      });
  const env = { ...process.env, ITTIFAQ_TEST_ADMIN_URL: server.adminUrl, PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: chromium };

  const steps: [string, string, string[]][] = [
    ['format', bin('prettier'), ['--check', '.']],
    ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
    ['type check', bin('tsc'), ['--noEmit']],
    ['unit and integration tests', bin('vitest'), ['run']],
    ['end-to-end tests', bin('playwright'), ['test']],
  ];
  const failed: string[] = [];
  try {
    for (const [name, command, args] of steps) {
      console.log(`\n── ${name} ──`);
      if ((await run(command, args, env)) !== 0) failed.push(name);
    }
  } finally {
    await server.stop();
  }
  if (failed.length) throw new ConfigError(`failed: ${failed.join(', ')}`);
  console.log('\nAll checks passed.');
});
