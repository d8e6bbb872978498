import { describe, expect, it } from 'vitest';
import type { AgreementListItem } from '../data/public-agreements.ts';
import { AGREEMENT_CSV_COLUMNS } from './agreements.ts';
import { toCsv } from './format.ts';
import { MILESTONE_CSV_COLUMNS } from './milestones.ts';
import { readCsv, type CsvFormat } from './read.ts';

const AGREEMENTS: CsvFormat = { columns: AGREEMENT_CSV_COLUMNS, other: MILESTONE_CSV_COLUMNS, wrongKindKey: 'milestonesInAgreementsSlot' };
const HEADER = 'slug,title,kind,status,signed_on,effective_on,expires_on,summary,sectors,parties';

const agreement: AgreementListItem = {
  id: 'x',
  slug: 'lng-supply-socar',
  title: '+ LNG supply',
  kind: 'CONTRACT',
  status: 'IN_FORCE',
  signedOn: '2023-08-01',
  effectiveOn: null,
  expiresOn: null,
  summary: '=HYPERLINK("http://evil")\nsecond line',
  score: 12.5,
  band: 'MINIMAL',
  sectors: [{ slug: 'energy-infrastructure', name: 'Energy' }],
  parties: [{ slug: 'socar', name: 'SOCAR', shortName: null, role: 'SIGNATORY' }],
};

describe('reading an export back', () => {
  it('drops the byte-order mark and the apostrophes that defused formulas, and keeps multi-line cells whole', () => {
    const { records, issues, total } = readCsv(toCsv(AGREEMENT_CSV_COLUMNS, [agreement]), AGREEMENTS);
    expect(issues).toEqual([]);
    expect(total).toBe(1);
    expect(records[0]).toMatchObject({
      row: 2,
      cells: {
        slug: 'lng-supply-socar',
        title: '+ LNG supply',
        summary: '=HYPERLINK("http://evil")\nsecond line',
        score: '12.5',
        parties: 'socar:SIGNATORY',
      },
    });
  });

  it('keeps an apostrophe that does not precede a formula character', () => {
    const { records } = readCsv(`${HEADER}\r\na,'quoted,MOU,SIGNED,,,,'',,\r\n`, AGREEMENTS);
    expect(records[0]!.cells).toMatchObject({ title: "'quoted", summary: "''" });
  });

  it('numbers rows as a spreadsheet does: the header is row 1, a multi-line cell is one row, blank lines count but are skipped', () => {
    const text = `${HEADER}\r\na,A,MOU,SIGNED,,,,"two\r\nlines",,\r\n\r\nb,B,MOU,SIGNED,,,,,,\r\n`;
    const { records, total } = readCsv(text, AGREEMENTS);
    expect(records.map((record) => [record.row, record.cells.slug])).toEqual([
      [2, 'a'],
      [4, 'b'],
    ]);
    expect(total).toBe(2);
  });

  it('accepts a file without the computed columns, in any column order', () => {
    const { issues, records } = readCsv(
      'title,slug,kind,status,signed_on,effective_on,expires_on,summary,sectors,parties\nA,a,MOU,SIGNED,,,,,,\n',
      AGREEMENTS,
    );
    expect(issues).toEqual([]);
    expect(records[0]!.cells.slug).toBe('a');
  });

  it('names unknown, missing and repeated columns, and reads no row then', () => {
    const { issues, records } = readCsv('slug,title,title,colour,kind\na,A,A,red,MOU\n', AGREEMENTS);
    expect(records).toEqual([]);
    expect(issues).toEqual([
      { row: null, column: null, key: 'duplicateColumns', values: { columns: 'title' } },
      { row: null, column: null, key: 'unknownColumns', values: { columns: 'colour' } },
      {
        row: null,
        column: null,
        key: 'missingColumns',
        values: { columns: 'status, signed_on, effective_on, expires_on, summary, sectors, parties' },
      },
    ]);
  });

  it('recognises a milestones file in the agreements slot', () => {
    const { issues } = readCsv(toCsv(MILESTONE_CSV_COLUMNS, []), AGREEMENTS);
    expect(issues).toEqual([{ row: null, column: null, key: 'milestonesInAgreementsSlot' }]);
  });

  it('reports an empty file, rows with the wrong number of cells and unclosed quotes, by row', () => {
    expect(readCsv('\uFEFF', AGREEMENTS).issues).toEqual([{ row: null, column: null, key: 'emptyFile' }]);
    const { issues, records } = readCsv(`${HEADER}\na,A,MOU,SIGNED,,,,,,\nb,B,MOU\nc,C,MOU,SIGNED,,,,"never closed,,\n`, AGREEMENTS);
    expect(records.map((record) => record.row)).toEqual([2]);
    expect(issues).toEqual([
      { row: 3, column: null, key: 'cellCount', values: { expected: 10, found: 3 } },
      { row: 4, column: null, key: 'badQuotes' },
    ]);
  });
});
