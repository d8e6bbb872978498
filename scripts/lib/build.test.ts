import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_HEAP_MB, nextBin, serverCommand } from './build.ts';

describe('the production server command', () => {
  it('limits the heap, by default or as ITTIFAQ_HEAP_MB says', () => {
    expect(serverCommand({})[0]).toBe(`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`);
    expect(serverCommand({ ITTIFAQ_HEAP_MB: '1024' })[0]).toBe('--max-old-space-size=1024');
  });

  it('is Next.js’s own server, with no TypeScript loader, listening where HOST says', () => {
    expect(serverCommand({}).slice(1)).toEqual([nextBin, 'start']);
    expect(serverCommand({ HOST: '127.0.0.1' }).slice(1)).toEqual([nextBin, 'start', '--hostname', '127.0.0.1']);
    expect(serverCommand({}).join(' ')).not.toMatch(/tsx/);
  });

  it('refuses a limit that is not a whole number of at least 128 MB, naming the variable', () => {
    for (const value of ['lots', '64', '256.5', '-1']) {
      expect(() => serverCommand({ ITTIFAQ_HEAP_MB: value }), value).toThrow(/ITTIFAQ_HEAP_MB/);
    }
  });
});
