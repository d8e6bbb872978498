/** Pages on each side of the current one that get their own link. */
const WINDOW = 2;

/** Numbered pages around the current one plus the first and last, with gaps between. */
export function pageNumbers(page: number, totalPages: number): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let n = 1; n <= totalPages; n++) {
    if (n === 1 || n === totalPages || Math.abs(n - page) <= WINDOW) pages.push(n);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return pages;
}
