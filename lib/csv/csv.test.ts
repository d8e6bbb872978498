import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AgreementListItem } from '../data/public-agreements.ts';
import type { MilestoneExportRow } from '../data/public-export.ts';
import { AGREEMENT_CSV_COLUMNS } from './agreements.ts';
import { toCsv } from './format.ts';
import { MILESTONE_CSV_COLUMNS } from './milestones.ts';

const agreement: AgreementListItem = {
  id: 'x',
  slug: 'lng-supply-socar',
  title: 'LNG supply, "one cargo" a month',
  kind: 'CONTRACT',
  status: 'IN_FORCE',
  signedOn: '2023-08-01',
  effectiveOn: null,
  expiresOn: '2026-12-31',
  summary: '=HYPERLINK("http://evil")\nsecond line',
  score: 87.12345,
  band: 'INTERMEDIATE',
  sectors: [
    { slug: 'energy-infrastructure', name: 'Energy' },
    { slug: 'trade-investment', name: 'Trade' },
  ],
  parties: [
    { slug: 'socar', name: 'SOCAR', shortName: null, role: 'SIGNATORY' },
    { slug: 'pakistan', name: 'Pakistan', shortName: null, role: 'OBSERVER' },
  ],
};

function parse(csv: string) {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
}

describe('the agreement CSV', () => {
  it('has a stable header of snake_case column names', () => {
    const header = toCsv(AGREEMENT_CSV_COLUMNS, []).replace('\uFEFF', '').trim();
    expect(header).toBe('slug,title,kind,status,signed_on,effective_on,expires_on,summary,sectors,parties,score,band');
  });

  it('writes references as slugs, dates as ISO days, absent values as empty cells', () => {
    const [row] = parse(toCsv(AGREEMENT_CSV_COLUMNS, [agreement])).data;
    expect(row).toMatchObject({
      slug: 'lng-supply-socar',
      title: 'LNG supply, "one cargo" a month',
      signed_on: '2023-08-01',
      effective_on: '',
      sectors: 'energy-infrastructure;trade-investment',
      parties: 'socar:SIGNATORY;pakistan:OBSERVER',
      score: '87.12',
      band: 'INTERMEDIATE',
    });
  });

  it('defuses text a spreadsheet would run as a formula, but leaves numbers alone', () => {
    const [row] = parse(toCsv(AGREEMENT_CSV_COLUMNS, [{ ...agreement, score: -0 }])).data;
    expect(row!.summary).toBe(`'=HYPERLINK("http://evil")\nsecond line`);
    expect(row!.score).toBe('0');
  });

  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv(AGREEMENT_CSV_COLUMNS, [agreement]);
    expect(csv.startsWith('\uFEFFslug,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('the milestone CSV', () => {
  it('references the agreement and responsible party by slug, one row per milestone', () => {
    const milestone: MilestoneExportRow = {
      agreementSlug: 'lng-supply-socar',
      position: 1,
      title: 'One LNG cargo delivered each month',
      description: '',
      clauseRef: 'Clause 4.1',
      clauseExcerpt: null,
      responsibleParty: 'socar',
      dueOn: null,
      weight: 3,
      kind: 'RECURRING',
      frequency: 'MONTHLY',
      quantityPerPeriod: 1,
      unit: 'cargo',
      startsOn: '2024-01-01',
      endsOn: '2026-12-31',
      baseline: null,
      target: null,
      score: 82.3529,
      status: 'IN_PROGRESS',
      lastObservedOn: '2026-09-10',
    };
    const parsed = parse(toCsv(MILESTONE_CSV_COLUMNS, [milestone]));
    expect(parsed.meta.fields).toEqual(MILESTONE_CSV_COLUMNS.map((column) => column.name));
    expect(parsed.data[0]).toMatchObject({
      agreement_slug: 'lng-supply-socar',
      position: '1',
      responsible_party: 'socar',
      frequency: 'MONTHLY',
      quantity_per_period: '1',
      starts_on: '2024-01-01',
      baseline: '',
      score: '82.35',
    });
  });
});
