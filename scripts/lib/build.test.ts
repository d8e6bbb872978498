import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_HEAP_MB, serverCommand } from './build.ts';

describe('the production server command', () => {
  it('limits the heap, by default or as ITTIFAQ_HEAP_MB says', () => {
    expect(serverCommand({})[0]).toBe(`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`);
    expect(serverCommand({ ITTIFAQ_HEAP_MB: '1024' })[0]).toBe('--max-old-space-size=1024');
    expect(serverCommand({}).at(-1)).toMatch(/scripts\/server\.ts$/);
  });

  it('refuses a limit that is not a whole number of at least 128 MB, naming the variable', () => {
    for (const value of ['lots', '64', '256.5', '-1']) {
      expect(() => serverCommand({ ITTIFAQ_HEAP_MB: value }), value).toThrow(/ITTIFAQ_HEAP_MB/);
    }
  });
});
