// Shared by the agreement and milestone row checks: what the register already holds (looked up once
// for the whole file), and turning a form schema's field errors into cell errors.
import type { z } from 'zod';
import type { ImportIssue, RowOutcome } from './types.ts';

export interface Match {
  id: string;
  version: number;
}

export interface ExistingMilestone extends Match {
  title: string;
  position: number;
}

/** Live records by slug (archived ones gave up their slugs), and the live milestones of matched agreements. */
export interface Lookups {
  sectors: ReadonlyMap<string, string>;
  parties: ReadonlyMap<string, string>;
  agreements: ReadonlyMap<string, Match>;
  /** By agreement id, in their order (position, then creation). */
  milestones: ReadonlyMap<string, readonly ExistingMilestone[]>;
}

export interface CheckedRow<Record> {
  row: number;
  slug: string;
  title: string;
  outcome: RowOutcome | null;
  issues: ImportIssue[];
  /** What to write; null when the row has problems. */
  record: Record | null;
}

/** Semicolon-separated lists (`energy;trade`), blanks dropped. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '').split(';').map((item) => item.trim()).filter(Boolean);
}

/**
 * The schema's problems as cell problems: the field's column (`signedOn` → `signed_on`, `parties.1.role`
 * → `parties`); a value outside a column's fixed set names the values allowed.
 */
export function issuesOf(error: z.ZodError, row: number, columns: Record<string, string>, choices: Record<string, string>): ImportIssue[] {
  return error.issues.map((issue) => {
    const column = columns[String(issue.path[0])] ?? null;
    const allowed = column ? choices[column] : undefined;
    return allowed && issue.message === 'invalidChoice'
      ? { row, column, key: 'notOneOf', values: { choices: allowed } }
      : { row, column, key: issue.message };
  });
}

export const cellIssue = (row: number, column: string, key: string, values?: ImportIssue['values']): ImportIssue =>
  ({ row, column, key, ...(values ? { values } : {}) });
