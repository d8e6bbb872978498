import { describe, expect, it } from 'vitest';
import { BackupError, parentsFirst, parseBackup } from './format.ts';

describe('backup documents', () => {
  it('put a referenced row before the rows referring to it, through chains of any length', () => {
    const rows = [
      { id: 'a', merged_into_id: 'b' },
      { id: 'b', merged_into_id: 'c' },
      { id: 'c', merged_into_id: null },
      { id: 'd', merged_into_id: null },
    ];
    expect(parentsFirst(rows, 'merged_into_id').map((row) => row.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('refuse rows that refer to each other in a cycle', () => {
    expect(() =>
      parentsFirst(
        [
          { id: 'a', x: 'b' },
          { id: 'b', x: 'a' },
        ],
        'x',
      ),
    ).toThrow(/cycle through x/);
  });

  it('name what is wrong with a document that is not a version 1 backup', () => {
    expect(() => parseBackup({ format: 'other' })).toThrow(BackupError);
    expect(() => parseBackup({ format: 'ittifaq-backup', version: 2, tables: {} })).toThrow('backup format version 2 is not supported');
    expect(() => parseBackup({ format: 'ittifaq-backup', version: 1, tables: { party: [] } })).toThrow('no rows array for table setting');
    expect(() => parseBackup({ format: 'ittifaq-backup', version: 1, tables: { password_token: [] } })).toThrow(
      'does not know: password_token',
    );
  });
});
