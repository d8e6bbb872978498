// Builds the Next.js app when no build of the current sources exists.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './cli.ts';

const SOURCES = [
  'app',
  'components',
  'lib',
  'i18n',
  'messages',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package-lock.json',
  'tsconfig.json',
  'prisma/schema.prisma',
];
const STAMP = path.resolve('.next/ittifaq-sources.sha256');

async function* files(entry: string): AsyncGenerator<string> {
  if (!existsSync(entry)) return;
  const stat = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (stat === null) {
    yield entry;
    return;
  }
  for (const child of stat.sort((a, b) => a.name.localeCompare(b.name))) {
    if (child.name.endsWith('.test.ts')) continue;
    const full = path.join(entry, child.name);
    if (child.isDirectory()) yield* files(full);
    else yield full;
  }
}

export async function sourceFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for await (const file of files(source)) {
      hash
        .update(file)
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export const nextBin = path.resolve('node_modules/next/dist/bin/next');

/**
 * V8's old-generation limit for the server, in MB. Left to itself V8 sizes the heap from the
 * machine's memory and lets it grow under load long before it must; with this limit the benchmark's
 * peak stayed near 400 MB resident instead of 740 MB, at the same throughput within its noise.
 */
export const DEFAULT_SERVER_HEAP_MB = 384;

/**
 * Node.js arguments that run the production server: Next.js's own (`next start`) on the build in
 * .next, listening on PORT (from the environment) and on HOST's address when given (else all).
 */
export function serverCommand(env: Record<string, string | undefined> = process.env): string[] {
  const heap = env.ITTIFAQ_HEAP_MB ? Number(env.ITTIFAQ_HEAP_MB) : DEFAULT_SERVER_HEAP_MB;
  if (!Number.isInteger(heap) || heap < 128) {
    throw new ConfigError(`ITTIFAQ_HEAP_MB must be a whole number of megabytes, at least 128, got "${env.ITTIFAQ_HEAP_MB}".`);
  }
  return [`--max-old-space-size=${heap}`, nextBin, 'start', ...(env.HOST ? ['--hostname', env.HOST] : [])];
}

/** Runs `next build` unless `.next` already holds a build of exactly these sources. */
export async function buildIfNeeded(env: NodeJS.ProcessEnv): Promise<void> {
  const fingerprint = await sourceFingerprint();
  const current = existsSync(STAMP) && existsSync('.next/BUILD_ID') ? (await readFile(STAMP, 'utf8')).trim() : null;
  if (current === fingerprint) return;
  console.log('Building the app (first start, or the sources changed); this takes a minute or two…');
  // Built without a database on purpose: a page that queries during the build fails here, loudly.
  const { DATABASE_URL: _notForBuild, ...buildEnv } = env;
  const code = await run(process.execPath, [nextBin, 'build'], buildEnv);
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  await writeFile(STAMP, `${fingerprint}\n`);
}
