// Which Chromium the end-to-end tests get, and that the packaged one (for machines without any) runs.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumExecutable, installedChromium } from './chromium.ts';

const PACKAGED = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies[
  '@sparticuz/chromium'
]!;

const saved = { path: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, choice: process.env.ITTIFAQ_CHROMIUM };
afterEach(() => {
  for (const [key, value] of [
    ['PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH', saved.path],
    ['ITTIFAQ_CHROMIUM', saved.choice],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('chromiumExecutable', () => {
  it('takes PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH first, and names it when it does not exist', async () => {
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH = process.execPath;
    process.env.ITTIFAQ_CHROMIUM = 'package';
    expect(await chromiumExecutable()).toBe(process.execPath);
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH = '/nowhere/chromium';
    await expect(chromiumExecutable()).rejects.toThrow('PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH is /nowhere/chromium, which does not exist.');
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('prefers an installed /usr/bin/chromium to the packaged one', () => {
    delete process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
    delete process.env.ITTIFAQ_CHROMIUM;
    expect(installedChromium()).toBe('/usr/bin/chromium');
  });

  it('falls back to the Chromium of @sparticuz/chromium, which Playwright drives with scripts running', { timeout: 90_000 }, async () => {
    delete process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
    process.env.ITTIFAQ_CHROMIUM = 'package';
    expect(installedChromium()).toBeNull();
    const executable = await chromiumExecutable();
    expect(executable).toBe(path.resolve('node_modules/.cache/ittifaq-chromium', PACKAGED, 'chromium'));
    const browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="out">static</p><script>document.getElementById("out").textContent = "scripted"</script>');
      await expect.poll(() => page.textContent('#out')).toBe('scripted');
      expect(browser.version().split('.')[0]).toBe(PACKAGED.split('.')[0]);
    } finally {
      await browser.close();
    }
  });
});
