import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The Chromium the end-to-end tests drive: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, else Debian's
 * /usr/bin/chromium, else a browser Playwright installed itself. Playwright cannot download one here.
 */
export function findChromium(): string | null {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const bundled = chromium.executablePath();
  return existsSync(bundled) ? bundled : null;
}

export const CHROMIUM_MISSING =
  'No Chromium found for the end-to-end tests. Install one with `sudo apt-get install -y chromium` ' +
  '(Debian/Ubuntu), or `npx playwright install chromium`, or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.';
