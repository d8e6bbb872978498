// What a CSV import check reports, shared by the data functions (server) and the import page (client).

export type ImportFileKind = 'agreements' | 'milestones';

/** One problem: in the file as a whole (no row), a row, or one cell of a row. */
export interface ImportIssue {
  /** The row as a spreadsheet numbers it (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The column as the header names it; null for the whole row or file. */
  column: string | null;
  /** A message key: AdminImport.errors, then Admin.errors, then Forms.errors. */
  key: string;
  values?: Record<string, string | number>;
}

export type RowOutcome = 'create' | 'update' | 'unchanged';

/** One row of the preview table: its key columns, what would happen, and its problems. */
export interface PreviewRow {
  row: number;
  /** The agreement's slug, or for milestones the slug of their agreement. */
  slug: string;
  title: string;
  outcome: RowOutcome | null;
  issues: ImportIssue[];
}

export interface FilePreview {
  kind: ImportFileKind;
  /** Data rows in the file (blank lines not counted). */
  total: number;
  creates: number;
  updates: number;
  unchanged: number;
  /** Problems with the file itself (header, size); when present, no row was checked. */
  fileIssues: ImportIssue[];
  /** Every row with problems (up to a cap) and the first rows of the file, in file order. */
  rows: PreviewRow[];
  /** Rows with at least one problem, and all problems, including those beyond the cap. */
  problemRows: number;
  problems: number;
}

export interface ImportPreview {
  valid: boolean;
  /** Hash of the files and of the records each row matched, as the import step must find them again. */
  digest: string;
  files: FilePreview[];
}

export interface ImportSummary {
  agreements: Record<'created' | 'updated' | 'unchanged', number>;
  milestones: Record<'created' | 'updated' | 'unchanged', number>;
}
