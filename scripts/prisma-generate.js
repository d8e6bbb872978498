// postinstall: `prisma generate` without internet access. The CLI downloads a native schema engine
// even for generate unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file; generate never runs
// it, so any existing file will do (this script itself). Migrations use the WebAssembly engine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
  CHECKPOINT_DISABLE: '1',
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
