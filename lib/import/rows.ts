// Shared by the agreement and milestone row checks: what the register already holds (looked up once
// for the whole file), and turning a form schema's field errors into cell errors.
import type { z } from 'zod';
import { toIsoDate } from '../dates.ts';
import type { ImportIssue, RowOutcome } from './types.ts';

export interface Match {
  id: string;
  version: number;
  /** The stored values a row would overwrite, to tell an update from a row that changes nothing. */
  stored: Record<string, unknown>;
}

export interface ExistingMilestone extends Match {
  title: string;
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

/** Values as the import compares them: dates as days, lists as sets, objects by their sorted keys. */
function comparable(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(toIsoDate(value));
  if (Array.isArray(value)) return `[${[...new Set(value.map(comparable))].sort().join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${key}:${comparable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether writing `incoming` over `stored` would change nothing. */
export function changesNothing(stored: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  return Object.keys(incoming).every((key) => comparable(stored[key]) === comparable(incoming[key]));
}

export function outcomeOf(match: Match | null, incoming: Record<string, unknown>): RowOutcome {
  if (!match) return 'create';
  return changesNothing(match.stored, incoming) ? 'unchanged' : 'update';
}

/** Semicolon-separated lists (`energy;trade`), blanks dropped. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
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

export const cellIssue = (row: number, column: string, key: string, values?: ImportIssue['values']): ImportIssue => ({
  row,
  column,
  key,
  ...(values ? { values } : {}),
});
