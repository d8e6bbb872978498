import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ConfigError } from './cli.ts';

/**
 * A Chromium installed on the machine: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, else Debian's
 * /usr/bin/chromium, else a browser Playwright installed itself (it cannot download one here).
 * ITTIFAQ_CHROMIUM=package ignores the last two, to run the tests in the packaged one.
 */
export function installedChromium(): string | null {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new ConfigError(`PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH is ${configured}, which does not exist.`);
    return configured;
  }
  if (process.env.ITTIFAQ_CHROMIUM === 'package') return null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const bundled = chromium.executablePath();
  return existsSync(bundled) ? bundled : null;
}

/**
 * The headless Chromium shipped compressed in the @sparticuz/chromium dev dependency, unpacked once
 * (about 2 s) into node_modules/.cache. It needs only the C library and NSS, no system browser.
 */
export async function packagedChromium(): Promise<string> {
  const packageDir = path.resolve('node_modules/@sparticuz/chromium');
  const { version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const dir = path.resolve('node_modules/.cache/ittifaq-chromium', version);
  const binary = path.join(dir, 'chromium');
  if (!existsSync(binary)) {
    await mkdir(path.dirname(dir), { recursive: true });
    // The package unpacks into the temporary directory; a staging directory of our own, renamed into
    // place when complete, means no run ever sees half a browser, and the unpacking is kept.
    const staging = await mkdtemp(`${dir}.unpacking-`);
    const { default: Chromium } = await import('@sparticuz/chromium');
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      await Chromium.executablePath(path.join(packageDir, 'bin'));
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    // Another run may have finished first; its copy is as good.
    await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  }
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const reason = (probe.stderr || probe.error?.message || '').trim().split('\n')[0];
    throw new ConfigError(
      `The packaged Chromium (${binary}) does not start: ${reason}. It needs the NSS libraries ` +
        '(Debian/Ubuntu: `sudo apt-get install -y libnss3`), or install a Chromium (`sudo apt-get install -y chromium`).',
    );
  }
  return binary;
}

/** The Chromium the end-to-end tests drive: an installed one, else the packaged one. */
export async function chromiumExecutable(): Promise<string> {
  return installedChromium() ?? (await packagedChromium());
}
