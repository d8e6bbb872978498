// The full-backup document: `{ format, version, exportedAt, tables: { <table>: rows[] } }`, each
// row as PostgreSQL's to_jsonb makes it (snake_case columns, ISO dates and timestamps).
//
// Secrets are never in a backup: the password_hash, totp_secret and totp_last_step columns are
// removed, and the recovery_code, password_token and app_session tables are left out, as are CSV
// uploads in transit (import_upload). Restored accounts
// therefore have no password and no authenticator: an admin resets them (see README).

export const BACKUP_FORMAT = 'ittifaq-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  name: string;
  /** Primary key columns: rows are exported in this order, so backups of equal data are equal. */
  key: string[];
  /** A column referring to another row of the same table: restore inserts the referenced row first. */
  selfReference?: string;
  /** Columns never exported. */
  secretColumns?: string[];
}

/**
 * Every table but the migration history, the secrets and the audit chain head (restore derives it
 * from the last event), in an order that satisfies foreign keys.
 */
export const BACKUP_TABLES: BackupTable[] = [
  { name: 'setting', key: ['key'] },
  { name: 'party', key: ['id'], selfReference: 'merged_into_id' },
  { name: 'sector', key: ['id'], selfReference: 'merged_into_id' },
  { name: 'app_user', key: ['id'], secretColumns: ['password_hash', 'totp_secret', 'totp_last_step'] },
  { name: 'agreement', key: ['id'] },
  { name: 'agreement_sector', key: ['agreement_id', 'sector_id'] },
  { name: 'agreement_party', key: ['agreement_id', 'party_id', 'role'] },
  { name: 'source_document', key: ['id'] },
  { name: 'milestone', key: ['id'] },
  { name: 'progress_update', key: ['id'], selfReference: 'supersedes_id' },
  { name: 'evidence', key: ['id'] },
  { name: 'assignment', key: ['user_id', 'agreement_id'] },
  { name: 'agreement_score_month', key: ['agreement_id', 'month'] },
  { name: 'audit_event', key: ['id'] },
  { name: 'auth_throttle', key: ['key'] },
];

/** Tables left out: every row a secret (hashed recovery codes, set-password links, sessions), or transient (uploads). */
export const SECRET_TABLES = ['recovery_code', 'password_token', 'app_session', 'import_upload'];

/** The SQL expression for one exported row of `table`, aliased `t`, as JSON text. */
export function rowJsonSql(table: BackupTable): string {
  const removed = (table.secretColumns ?? []).map((column) => ` - '${column}'`).join('');
  return `(to_jsonb(t)${removed})::text`;
}

export function orderBySql(table: BackupTable): string {
  return table.key.map((column) => `t."${column}"`).join(', ');
}

export class BackupError extends Error {}

export type BackupRow = Record<string, unknown>;
export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  tables: Record<string, BackupRow[]>;
}

/** Checks the document's format, version and tables, or says in one line what is wrong. */
export function parseBackup(document: unknown): BackupDocument {
  const doc = document as Partial<BackupDocument> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== BACKUP_FORMAT)
    throw new BackupError(`not an Ittifaq backup (format is not "${BACKUP_FORMAT}")`);
  if (doc.version !== BACKUP_VERSION)
    throw new BackupError(`backup format version ${String(doc.version)} is not supported (this version reads ${BACKUP_VERSION})`);
  if (!doc.tables || typeof doc.tables !== 'object') throw new BackupError('the backup has no tables');
  const known = new Set(BACKUP_TABLES.map((table) => table.name));
  const unknown = Object.keys(doc.tables).find((name) => !known.has(name));
  if (unknown) throw new BackupError(`the backup has a table this version does not know: ${unknown}`);
  const missing = BACKUP_TABLES.find((table) => !Array.isArray(doc.tables![table.name]));
  if (missing) throw new BackupError(`the backup has no rows array for table ${missing.name}`);
  return doc as BackupDocument;
}

/** Orders rows so that a row referred to by `column` comes before the rows referring to it. */
export function parentsFirst(rows: BackupRow[], column: string): BackupRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const placed = new Set<unknown>();
  const ordered: BackupRow[] = [];
  const place = (row: BackupRow, depth: number) => {
    if (placed.has(row.id)) return;
    if (depth > rows.length) throw new BackupError(`rows refer to each other in a cycle through ${column}`);
    const parent = byId.get(row[column]);
    if (parent) place(parent, depth + 1);
    placed.add(row.id);
    ordered.push(row);
  };
  for (const row of rows) place(row, 0);
  return ordered;
}
