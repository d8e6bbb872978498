import { describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../dates.ts';
import { AgreementListQuerySchema, AsOfQuerySchema, parseQuery } from './public-query.ts';

describe('public query parameters', () => {
  it('treat the empty fields a plain GET form submits as absent and fill the defaults', () => {
    const { data, issues } = parseQuery(AgreementListQuerySchema, { q: '  ', sector: '', kind: '', page: '', signedYear: '' });
    expect(issues).toEqual([]);
    expect(data).toEqual({ page: 1, perPage: 25 });
  });

  it('parse every filter of the agreement list', () => {
    const { data, issues } = parseQuery(
      AgreementListQuerySchema,
      new URLSearchParams(
        'q=lng cargo&sector=energy-infrastructure&party=socar&kind=CONTRACT&status=IN_FORCE&signedYear=2023&band=FULL&sort=title-asc&page=2&perPage=10&asOf=2024-12-31',
      ),
    );
    expect(issues).toEqual([]);
    expect(data).toEqual({
      q: 'lng cargo',
      sector: 'energy-infrastructure',
      party: 'socar',
      kind: 'CONTRACT',
      status: 'IN_FORCE',
      signedYear: 2023,
      band: 'FULL',
      sort: 'title-asc',
      page: 2,
      perPage: 10,
      asOf: '2024-12-31',
    });
  });

  it('name the parameter that is invalid and drop only that one on pages', () => {
    const { data, issues } = parseQuery(AgreementListQuerySchema, { signedYear: 'last year', kind: 'MOU', utm_source: 'x' });
    expect(issues).toEqual([{ parameter: 'signedYear', message: '"signedYear" must be a year such as 2021.' }]);
    expect(data.kind).toBe('MOU');
    expect(data.signedYear).toBeUndefined();
  });

  it('report unknown and repeated parameters in strict mode, as the API needs', () => {
    const { issues } = parseQuery(AgreementListQuerySchema, new URLSearchParams('sectr=defence&kind=MOU&kind=TREATY'), { strict: true });
    expect(issues.map((issue) => issue.parameter)).toEqual(['sectr', 'kind']);
    expect(issues[0]!.message).toMatch(/Unknown parameter "sectr"/);
    expect(issues[1]!.message).toMatch(/only once/);
  });

  it('reject out-of-range pages, page sizes, bands and sorts with a message naming each', () => {
    const { issues } = parseQuery(AgreementListQuerySchema, { page: '0', perPage: '500', band: 'GOOD', sort: 'random' }, { strict: true });
    expect(Object.fromEntries(issues.map((issue) => [issue.parameter, issue.message]))).toEqual({
      page: '"page" must be a page number from 1.',
      perPage: '"perPage" must be a number from 1 to 100.',
      band: '"band" must be one of NOT_INITIATED, MINIMAL, INTERMEDIATE, FULL.',
      sort: '"sort" must be one of relevance, score-desc, score-asc, signed-desc, signed-asc, title-asc, title-desc.',
    });
  });

  it('accept an as-of date only for a real past day', () => {
    expect(parseQuery(AsOfQuerySchema, { asOf: '2024-12-31' }).data.asOf).toBe('2024-12-31');
    expect(parseQuery(AsOfQuerySchema, { asOf: todayIso() }).issues).toEqual([]);
    for (const asOf of ['2024-02-30', '31/12/2024', addDays(todayIso(), 1), '1989-12-31']) {
      const { data, issues } = parseQuery(AsOfQuerySchema, { asOf });
      expect(issues, asOf).toHaveLength(1);
      expect(issues[0]!.parameter).toBe('asOf');
      expect(data.asOf).toBeUndefined();
    }
  });

  it('reject a slug with characters no slug has', () => {
    const { issues } = parseQuery(AgreementListQuerySchema, { sector: "defence' or 1=1" });
    expect(issues[0]).toEqual({ parameter: 'sector', message: '"sector" must be a slug: lower-case letters, digits and hyphens.' });
  });
});
