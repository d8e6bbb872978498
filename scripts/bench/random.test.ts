import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';

describe('the seeded random generator', () => {
  it('shuffles into a permutation that depends only on the seed', () => {
    const items = Array.from({ length: 100 }, (_, index) => index);
    const shuffled = new Random('writes').shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(new Random('writes').shuffle(items)).toEqual(shuffled);
    expect(new Random('other').shuffle(items)).not.toEqual(shuffled);
    expect(items[0]).toBe(0);
  });
});
