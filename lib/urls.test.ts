import { describe, expect, it } from 'vitest';
import { hrefWith, withAsOf, withoutEmptyParameters } from './urls.ts';

describe('public links', () => {
  it('keep the given parameters in order and leave out empty ones', () => {
    expect(hrefWith('/agreements', { q: 'lng cargo', sector: '', page: 2, band: undefined, kind: null })).toBe(
      '/agreements?q=lng+cargo&page=2',
    );
    expect(hrefWith('/agreements')).toBe('/agreements');
  });

  it('carry the as-of date forward only when there is one', () => {
    expect(withAsOf('/sectors/defence', '2024-12-31')).toBe('/sectors/defence?asOf=2024-12-31');
    expect(withAsOf('/sectors/defence', null)).toBe('/sectors/defence');
  });
});

describe('addresses submitted by a plain GET form', () => {
  it('lose their empty parameters, keeping the others in order', () => {
    expect(withoutEmptyParameters('/agreements', { q: 'lng', sector: '', kind: 'CONTRACT', asOf: ' ' })).toBe(
      '/agreements?q=lng&kind=CONTRACT',
    );
    expect(withoutEmptyParameters('/agreements/lng', { asOf: '' })).toBe('/agreements/lng');
  });

  it('are left alone when nothing is empty', () => {
    expect(withoutEmptyParameters('/agreements', { q: 'lng', band: ['FULL', 'MINIMAL'] })).toBeNull();
    expect(withoutEmptyParameters('/agreements', {})).toBeNull();
  });
});
