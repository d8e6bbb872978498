import { BACKUP_TABLES, BackupError, type BackupRow } from './format.ts';

export interface BackupProblem {
  /** Where: "<table> row <n> (<key>)", or a table alone. */
  at: string;
  message: string;
}

/** A backup refused, with every problem found. */
export class BackupRefused extends BackupError {
  constructor(readonly problems: BackupProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the backup`);
  }
}

/** "<table> row <n> (<key columns and values>)": n counts from 1 in the table's array in the file. */
export function rowLabel(table: string, index: number, row: unknown): string {
  const key = BACKUP_TABLES.find((candidate) => candidate.name === table)!.key;
  const values = key.map((column) => (row as BackupRow | null)?.[column]);
  const shown = values.every((value) => typeof value === 'string' || typeof value === 'number')
    ? ` (${key.map((column, i) => `${column} ${String(values[i])}`).join(', ')})`
    : '';
  return `${table} row ${index + 1}${shown}`;
}
