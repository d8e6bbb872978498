// `npm test`: formatting, lint, type check, unit and integration tests on a real PostgreSQL, end-to-end tests in
// Chromium against a production build. Every step runs; the exit code is non-zero if any failed.
// `npm test -- --skip-e2e` leaves out the end-to-end tests (CI's second Node.js version does).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { run } from './lib/build.ts';
import { chromiumExecutable } from './lib/chromium.ts';
import { ConfigError, runMain } from './lib/cli.ts';
import { startEmbedded } from './lib/postgres.ts';

// Each tool's script run by this Node.js (not the first `node` on PATH), so `npm test` under another
// version of Node.js tests that version throughout.
const bin = (name: string) => realpathSync(path.resolve('node_modules/.bin', name));

runMain(async () => {
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--skip-e2e');
  if (unknown.length) throw new ConfigError(`unknown argument ${unknown[0]}; the only one is --skip-e2e.`);
  const e2e = !process.argv.includes('--skip-e2e');
  // Resolved (and the packaged one unpacked) once, before Playwright's processes look for it.
  const chromium = e2e ? await chromiumExecutable() : undefined;

  // One test server for the whole run (vitest and Playwright each clone their own databases on it).
  const server = process.env.TEST_DATABASE_URL
    ? { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => {} }
    : await startEmbedded({
        dataDir: path.resolve(process.env.ITTIFAQ_TEST_DB_DIR ?? '.data/test-postgres'),
        port: Number(process.env.ITTIFAQ_TEST_DB_PORT ?? 54339),
        fast: true,
      });
  const env = {
    ...process.env,
    ITTIFAQ_TEST_ADMIN_URL: server.adminUrl,
    ...(chromium && { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: chromium }),
  };

  const steps: [string, string, string[]][] = [
    ['format', 'prettier', ['--check', '.']],
    ['lint', 'eslint', ['--max-warnings', '0', '.']],
    ['type check', 'tsc', ['--noEmit']],
    ['unit and integration tests', 'vitest', ['run']],
    ...(e2e ? [['end-to-end tests', 'playwright', ['test']] as [string, string, string[]]] : []),
  ];
  const failed: string[] = [];
  try {
    for (const [name, tool, args] of steps) {
      console.log(`\n── ${name} ──`);
      if ((await run(process.execPath, [bin(tool), ...args], env)) !== 0) failed.push(name);
    }
  } finally {
    await server.stop();
  }
  if (failed.length) throw new ConfigError(`failed: ${failed.join(', ')}`);
  console.log(e2e ? '\nAll checks passed.' : '\nAll checks passed (end-to-end tests skipped: --skip-e2e).');
});
