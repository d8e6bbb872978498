// Checks a whole backup before restore writes anything: the document's format, every row against
// its table's schema, keys, references between rows, the audit hash chain and the stored scores.
// Pure: no database. Each problem names its table, row and what is wrong.
import type { z } from 'zod';
import { verifyChain } from '../audit/chain.ts';
import { checkScores } from './check-scores.ts';
import { BACKUP_TABLES, parentsFirst, parseBackup, type BackupRow } from './format.ts';
import { BackupRefused, rowLabel, type BackupProblem } from './problems.ts';
import { TABLE_RULES, type BackupRows, type BackupTableName, type UniqueKey } from './tables.ts';

const SECRET_COLUMNS = new Set(BACKUP_TABLES.flatMap((table) => table.secretColumns ?? []));

function describeIssue(issue: z.core.$ZodIssue, row: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      SECRET_COLUMNS.has(key) ? `column ${key} holds a secret, which a backup never contains` : `unknown column ${key}`,
    );
  }
  if (issue.path.length === 0) return [`not a row of columns: ${issue.message}`];
  const column = issue.path.map(String).join('.');
  if (issue.path.length === 1 && (row as BackupRow)[column] === undefined) return [`missing column ${column}`];
  return [`column ${column}: ${issue.message}`];
}

/** Checks every row against its table's schema. The schemas transform nothing: rows that pass are the file's own. */
function parseRows(tables: Record<string, BackupRow[]>, problems: BackupProblem[]): BackupRows {
  for (const table of Object.keys(TABLE_RULES) as BackupTableName[]) {
    const schema = TABLE_RULES[table].row;
    tables[table]!.forEach((row, index) => {
      const parsed = schema.safeParse(row);
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        for (const message of describeIssue(issue, row)) problems.push({ at: rowLabel(table, index, row), message });
      }
    });
  }
  return tables as unknown as BackupRows;
}

const keyOf = (row: Record<string, unknown>, columns: string[]) => JSON.stringify(columns.map((column) => row[column]));

function checkUnique(rows: BackupRows, problems: BackupProblem[]) {
  for (const { name, key } of BACKUP_TABLES) {
    const table = name as BackupTableName;
    const keys: UniqueKey[] = [{ columns: key }, ...TABLE_RULES[table].unique];
    for (const unique of keys) {
      const seen = new Map<string, number>();
      rows[table].forEach((row: Record<string, unknown>, index) => {
        if (unique.where === 'live' && row.archived_at !== null) return;
        const value = keyOf(row, unique.columns);
        const first = seen.get(value);
        if (first === undefined) seen.set(value, index);
        else {
          const scope = unique.where === 'live' ? ' among rows not archived' : '';
          problems.push({
            at: rowLabel(table, index, row),
            message: `same ${unique.columns.join(', ')} as row ${first + 1}${scope}; it must be unique`,
          });
        }
      });
    }
  }
}

function checkReferences(rows: BackupRows, problems: BackupProblem[]) {
  const ids = new Map<string, Set<unknown>>();
  const idsOf = (table: BackupTableName) => {
    let set = ids.get(table);
    if (!set) ids.set(table, (set = new Set(rows[table].map((row) => (row as { id?: unknown }).id))));
    return set;
  };
  for (const table of Object.keys(TABLE_RULES) as BackupTableName[]) {
    for (const { column, table: target } of TABLE_RULES[table].references) {
      rows[table].forEach((row: Record<string, unknown>, index) => {
        const value = row[column];
        if (value !== null && !idsOf(target as BackupTableName).has(value)) {
          problems.push({
            at: rowLabel(table, index, row),
            message: `column ${column} refers to ${target} ${String(value)}, which is not in the backup`,
          });
        }
      });
    }
  }
  // Denormalised for the review queues, and what scores are grouped by: it must be the milestone's.
  const agreementOfMilestone = new Map(rows.milestone.map((milestone) => [milestone.id, milestone.agreement_id]));
  rows.progress_update.forEach((update, index) => {
    const expected = agreementOfMilestone.get(update.milestone_id);
    if (expected !== undefined && expected !== update.agreement_id) {
      problems.push({
        at: rowLabel('progress_update', index, update),
        message: `column agreement_id is ${update.agreement_id}, but its milestone belongs to agreement ${expected}`,
      });
    }
  });
  for (const { name, selfReference } of BACKUP_TABLES) {
    if (!selfReference) continue;
    try {
      parentsFirst(rows[name as BackupTableName] as BackupRow[], selfReference);
    } catch (error) {
      problems.push({ at: name, message: (error as Error).message });
    }
  }
}

function checkAuditChain(rows: BackupRows, problems: BackupProblem[]) {
  const events = rows.audit_event.map((event, index) => ({ event, index })).sort((a, b) => a.event.id - b.event.id);
  const verdict = verifyChain(
    events.map(({ event }) => ({
      id: String(event.id),
      occurredAt: new Date(event.occurred_at),
      actorId: event.actor_id,
      action: event.action,
      entityType: event.entity_type,
      entityId: event.entity_id,
      before: event.before,
      after: event.after,
      ip: event.ip,
      prevHash: event.prev_hash,
      hash: event.hash,
    })),
  );
  if (verdict.ok) return;
  const { event, index } = events[verdict.checked]!;
  problems.push({
    at: rowLabel('audit_event', index, event),
    message:
      verdict.reason === 'content'
        ? 'its content does not match its hash: the event was altered after it was written, so the audit chain does not verify'
        : 'it does not link to the event before it: an event was removed, inserted or reordered, so the audit chain does not verify',
  });
}

/** The rows of a backup in which no check found a problem; otherwise BackupRefused with the problems. */
export function validateBackup(document: unknown): BackupRows {
  const backup = parseBackup(document);
  const problems: BackupProblem[] = [];
  const refuse = () => {
    if (problems.length) throw new BackupRefused(problems);
  };
  const rows = parseRows(backup.tables, problems);
  refuse();
  checkUnique(rows, problems);
  checkReferences(rows, problems);
  checkAuditChain(rows, problems);
  refuse();
  problems.push(...checkScores(rows));
  refuse();
  return rows;
}
