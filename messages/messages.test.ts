import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import messages from './en/index.ts';

describe('the English catalog', () => {
  it('takes each namespace from exactly one file, and registers every file', async () => {
    const dir = path.resolve('messages/en');
    const files = (await readdir(dir)).filter((file) => file.endsWith('.json'));
    const owners = new Map<string, string[]>();
    let total = 0;
    for (const file of files) {
      const namespaces = Object.keys(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
      total += namespaces.length;
      for (const namespace of namespaces) owners.set(namespace, [...(owners.get(namespace) ?? []), file]);
    }
    const duplicated = [...owners].filter(([, inFiles]) => inFiles.length > 1);
    expect(duplicated).toEqual([]);
    expect(Object.keys(messages)).toHaveLength(total);
  });
});
