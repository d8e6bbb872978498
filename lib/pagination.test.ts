import { describe, expect, it } from 'vitest';
import { pageNumbers } from './pagination.ts';

describe('page numbers', () => {
  it('list every page when there are few', () => {
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('show the first, the last and two on each side of the current page, with gaps', () => {
    expect(pageNumbers(10, 40)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 40]);
    expect(pageNumbers(1, 40)).toEqual([1, 2, 3, 'gap', 40]);
  });
});
