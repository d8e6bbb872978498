// The preview of a checked upload: per file, the rows with what would happen to each and their
// problems, capped so a large file with many problems still gives a page a browser can show. The
// digest ties an import to the check it follows: the same files, matching the same records at the
// same versions.
import { createHash } from 'node:crypto';
import type { CsvReading } from '../csv/read.ts';
import type { CheckedRow, Match } from './rows.ts';
import type { FilePreview, ImportFileKind, PreviewRow } from './types.ts';

/** The first rows of a file are shown whatever their state, to confirm it was read as meant. */
export const FIRST_ROWS_SHOWN = 100;
/** Rows with problems shown; the counts say how many more there are. */
export const PROBLEM_ROWS_SHOWN = 500;

export function filePreview(kind: ImportFileKind, reading: CsvReading, checked: readonly CheckedRow<unknown>[]): FilePreview {
  const fileIssues = reading.issues.filter((issue) => issue.row === null);
  const unreadable: PreviewRow[] = reading.issues
    .filter((issue) => issue.row !== null)
    .map((issue) => ({ row: issue.row!, slug: '', title: '', outcome: null, issues: [issue] }));
  const rows = [...unreadable, ...checked.map(({ record: _record, ...row }) => row)].sort((a, b) => a.row - b.row);
  const withProblems = rows.filter((row) => row.issues.length > 0);
  const problemsShown = new Set(withProblems.slice(0, PROBLEM_ROWS_SHOWN));
  return {
    kind,
    total: reading.total,
    creates: checked.filter((row) => row.outcome === 'create').length,
    updates: checked.filter((row) => row.outcome === 'update').length,
    unchanged: checked.filter((row) => row.outcome === 'unchanged').length,
    fileIssues,
    rows: rows.filter((row, index) => index < FIRST_ROWS_SHOWN || problemsShown.has(row)),
    problemRows: withProblems.length,
    problems: fileIssues.length + withProblems.reduce((sum, row) => sum + row.issues.length, 0),
  };
}

export function importDigest(texts: Record<ImportFileKind, string>, rows: readonly CheckedRow<{ match: Match | null }>[][]): string {
  const hash = createHash('sha256').update(texts.agreements).update('\0').update(texts.milestones);
  for (const file of rows) {
    hash.update('\n');
    for (const { row, record } of file) hash.update(`${row}:${record?.match?.id ?? ''}:${record?.match?.version ?? ''};`);
  }
  return hash.digest('hex');
}
