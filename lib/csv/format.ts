// CSV as the public downloads it and as the admin import will read it: a header row of the column
// names, one record per row, CRLF line ends, UTF-8 with a byte-order mark (so spreadsheet programs
// detect the encoding), ISO dates, empty cells for absent values. Text cells that a spreadsheet would
// run as a formula (starting with = + - @, tab or CR) are prefixed with an apostrophe; numbers never are.
import Papa from 'papaparse';

export interface CsvColumn<Row> {
  name: string;
  /** What the column holds, for the API documentation. */
  description: string;
  /** Derived by the app (scores, statuses): written on export, ignored on import. */
  computed?: true;
  value: (row: Row) => string | number | null;
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const BYTE_ORDER_MARK = '\uFEFF';
/** Papa Parse's own pattern for `escapeFormulae: true` misses multi-line cells; this one does not. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const body = Papa.unparse(
    { fields: columns.map((column) => column.name), data: rows.map((row) => columns.map((column) => column.value(row) ?? '')) },
    { escapeFormulae: FORMULA_START, newline: '\r\n' },
  );
  return `${BYTE_ORDER_MARK}${body}\r\n`;
}

/** Scores in CSV and JSON: two decimals are plenty for a 0–100 scale and keep files stable. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}
