import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const LIMIT_BYTES = 150 * 1024;

test('public pages load under 150 kB of JavaScript, compressed', async ({ request }) => {
  for (const path of ['/', '/agreements', '/agreements/lng-supply-socar', '/parties/pakistan', '/methodology']) {
    const html = await (await request.get(path)).text();
    // Modern browsers skip nomodule scripts (the polyfills), so they are not part of the first load.
    const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)]
      .filter((match) => !/nomodule/i.test(`${match[1]}${match[3]}`))
      .map((match) => match[2]!);
    let bytes = 0;
    for (const src of new Set(scripts)) bytes += gzipSync(await (await request.get(src)).body()).length;
    expect(scripts.length, path).toBeGreaterThan(0);
    expect(bytes, `${path}: ${(bytes / 1024).toFixed(1)} kB`).toBeLessThan(LIMIT_BYTES);
  }
});
