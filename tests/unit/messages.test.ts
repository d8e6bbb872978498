import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from '../../messages/en/index.ts';

const dir = path.resolve(import.meta.dirname, '../../messages/en');

describe('the English message catalog', () => {
  it('defines each namespace in exactly one file, and registers every file', () => {
    const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
    const owners = new Map<string, string[]>();
    for (const file of files) {
      for (const namespace of Object.keys(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))) {
        owners.set(namespace, [...(owners.get(namespace) ?? []), file]);
      }
    }
    const duplicated = [...owners].filter(([, inFiles]) => inFiles.length > 1);
    expect(duplicated).toEqual([]);
    expect(Object.keys(messages).sort()).toEqual([...owners.keys()].sort());
  });
});
