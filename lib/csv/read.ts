// Reading a CSV in the export's format (lib/csv/format.ts) back: the byte-order mark is dropped, the
// apostrophe that defused formulas is taken off again, and the header must name exactly the export's
// columns (computed ones may be left out; they are ignored). Rows are numbered as a spreadsheet shows
// them, the header being row 1, so messages point at the row the admin sees.
import Papa from 'papaparse';
import type { ImportIssue } from '../import/types.ts';
import { BYTE_ORDER_MARK, FORMULA_START, type CsvColumn } from './format.ts';

export interface CsvFormat {
  columns: readonly CsvColumn<never>[];
  /** The other import format, to recognise a file put in the wrong slot. */
  other: readonly CsvColumn<never>[];
  /** Message key for a file of the other format. */
  wrongKindKey: string;
}

export interface CsvRecord {
  row: number;
  cells: Record<string, string>;
}

export interface CsvReading {
  records: CsvRecord[];
  /** Problems with the header (then no record is read) or with a row's structure. */
  issues: ImportIssue[];
  /** Data rows, blank lines not counted. */
  total: number;
}

function unescapeCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

const fileIssue = (key: string, values?: ImportIssue['values']): ImportIssue => ({
  row: null,
  column: null,
  key,
  ...(values ? { values } : {}),
});

function headerIssues(header: string[], format: CsvFormat): ImportIssue[] {
  const names = new Set(format.columns.map((column) => column.name));
  const otherNames = new Set(format.other.map((column) => column.name));
  const overlap = (set: Set<string>) => header.filter((name) => set.has(name)).length;
  if (overlap(otherNames) > overlap(names)) return [fileIssue(format.wrongKindKey)];
  const issues: ImportIssue[] = [];
  const duplicated = [...new Set(header.filter((name, index) => header.indexOf(name) !== index))];
  if (duplicated.length) issues.push(fileIssue('duplicateColumns', { columns: duplicated.join(', ') }));
  const unknown = header.filter((name) => !names.has(name));
  if (unknown.length) issues.push(fileIssue('unknownColumns', { columns: unknown.map((name) => name || '""').join(', ') }));
  const missing = format.columns.filter((column) => !column.computed && !header.includes(column.name)).map((column) => column.name);
  if (missing.length) issues.push(fileIssue('missingColumns', { columns: missing.join(', ') }));
  return issues;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

export function readCsv(text: string, format: CsvFormat): CsvReading {
  const parsed = Papa.parse<string[]>(text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
  });
  const [head, ...body] = parsed.data;
  if (!head || isBlank(head)) return { records: [], issues: [fileIssue('emptyFile')], total: 0 };
  const header = head.map((name) => name.trim());
  const problems = headerIssues(header, format);
  if (problems.length) return { records: [], issues: problems, total: 0 };

  const unbalanced = new Set(parsed.errors.filter((error) => error.type === 'Quotes').map((error) => error.row));
  const records: CsvRecord[] = [];
  const issues: ImportIssue[] = [];
  let total = 0;
  body.forEach((cells, index) => {
    if (isBlank(cells)) return;
    total += 1;
    const row = index + 2;
    if (unbalanced.has(index + 1)) {
      issues.push({ row, column: null, key: 'badQuotes' });
    } else if (cells.length !== header.length) {
      issues.push({ row, column: null, key: 'cellCount', values: { expected: header.length, found: cells.length } });
    } else {
      records.push({ row, cells: Object.fromEntries(header.map((name, column) => [name, unescapeCell(cells[column]!)])) });
    }
  });
  return { records, issues, total };
}
