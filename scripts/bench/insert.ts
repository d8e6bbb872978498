// Bulk inserts: one `INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …)` per table and batch,
// so thousands of rows travel as a handful of array parameters instead of one statement per row.
import type pg from 'pg';
import type { BaseSet, Chunk } from './model.ts';

type Column<T> = [name: string, type: string, value: (row: T) => unknown];

const ROWS_PER_STATEMENT = 10_000;

function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

export async function insertRows<T>(client: pg.ClientBase, table: string, columns: Column<T>[], rows: readonly T[]) {
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
  const sql = `insert into "${table}" (${names}) select * from unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    await client.query(
      sql,
      columns.map(([, , value]) => batch.map((row) => toParameter(value(row)))),
    );
  }
}

/** Parties, sectors and users, in one transaction. `stamp` fills the updated_at columns. */
export async function insertBase(client: pg.ClientBase, base: BaseSet, stamp: Date) {
  await client.query('begin');
  await insertRows(
    client,
    'party',
    [
      ['id', 'uuid', (r) => r.id],
      ['slug', 'text', (r) => r.slug],
      ['name', 'text', (r) => r.name],
      ['short_name', 'text', (r) => r.shortName],
      ['kind', '"PartyKind"', (r) => r.kind],
      ['country_code', 'text', (r) => r.countryCode],
      ['description', 'text', (r) => r.description],
      ['updated_at', 'timestamptz', () => stamp],
    ],
    base.parties,
  );
  await insertRows(
    client,
    'sector',
    [
      ['id', 'uuid', (r) => r.id],
      ['slug', 'text', (r) => r.slug],
      ['name', 'text', (r) => r.name],
      ['description', 'text', (r) => r.description],
      ['position', 'int', (r) => r.position],
      ['updated_at', 'timestamptz', () => stamp],
    ],
    base.sectors,
  );
  await insertRows(
    client,
    'app_user',
    [
      ['id', 'uuid', (r) => r.id],
      ['email', 'text', (r) => r.email],
      ['name', 'text', (r) => r.name],
      ['role', '"UserRole"', (r) => r.role],
      ['party_id', 'uuid', (r) => r.partyId],
      ['password_hash', 'text', (r) => r.passwordHash],
      ['password_changed_at', 'timestamptz', (r) => r.passwordChangedAt],
      ['updated_at', 'timestamptz', () => stamp],
    ],
    base.users,
  );
  await client.query('commit');
}

/** One chunk of agreements and everything under them, in one transaction, parents before children. */
export async function insertChunk(client: pg.ClientBase, chunk: Chunk, stamp: Date) {
  await client.query('begin');
  await insertRows(
    client,
    'agreement',
    [
      ['id', 'uuid', (r) => r.id],
      ['slug', 'text', (r) => r.slug],
      ['title', 'text', (r) => r.title],
      ['kind', '"AgreementKind"', (r) => r.kind],
      ['status', '"LifecycleStatus"', (r) => r.status],
      ['signed_on', 'date', (r) => r.signedOn],
      ['effective_on', 'date', (r) => r.effectiveOn],
      ['expires_on', 'date', (r) => r.expiresOn],
      ['summary', 'text', (r) => r.summary],
      ['publication', '"PublicationState"', (r) => r.publication],
      ['published_at', 'timestamptz', (r) => r.publishedAt],
      ['score', 'float8', (r) => r.score],
      ['scored_at', 'timestamptz', (r) => r.scoredAt],
      ['search_text', 'text', (r) => r.searchText],
      ['archived_at', 'timestamptz', (r) => r.archivedAt],
      ['created_at', 'timestamptz', (r) => r.createdAt],
      ['updated_at', 'timestamptz', () => stamp],
    ],
    chunk.agreements,
  );
  await insertRows(
    client,
    'agreement_sector',
    [
      ['agreement_id', 'uuid', (r) => r.agreementId],
      ['sector_id', 'uuid', (r) => r.sectorId],
    ],
    chunk.agreementSectors,
  );
  await insertRows(
    client,
    'agreement_party',
    [
      ['agreement_id', 'uuid', (r) => r.agreementId],
      ['party_id', 'uuid', (r) => r.partyId],
      ['role', '"PartyRole"', (r) => r.role],
    ],
    chunk.agreementParties,
  );
  await insertRows(
    client,
    'assignment',
    [
      ['user_id', 'uuid', (r) => r.userId],
      ['agreement_id', 'uuid', (r) => r.agreementId],
      ['created_by_id', 'uuid', (r) => r.createdById],
      ['created_at', 'timestamptz', (r) => r.createdAt],
    ],
    chunk.assignments,
  );
  await insertRows(
    client,
    'source_document',
    [
      ['id', 'uuid', (r) => r.id],
      ['agreement_id', 'uuid', (r) => r.agreementId],
      ['title', 'text', (r) => r.title],
      ['url', 'text', (r) => r.url],
      ['kind', '"SourceDocumentKind"', (r) => r.kind],
      ['published_on', 'date', (r) => r.publishedOn],
      ['position', 'int', (r) => r.position],
    ],
    chunk.sourceDocuments,
  );
  await insertRows(
    client,
    'milestone',
    [
      ['id', 'uuid', (r) => r.id],
      ['agreement_id', 'uuid', (r) => r.agreementId],
      ['title', 'text', (r) => r.title],
      ['description', 'text', (r) => r.description],
      ['clause_ref', 'text', (r) => r.clauseRef],
      ['clause_excerpt', 'text', (r) => r.clauseExcerpt],
      ['responsible_party_id', 'uuid', (r) => r.responsiblePartyId],
      ['due_on', 'date', (r) => r.dueOn],
      ['weight', 'float8', (r) => r.weight],
      ['position', 'int', (r) => r.position],
      ['kind', '"MilestoneKind"', (r) => r.kind],
      ['frequency', '"RecurrenceFrequency"', (r) => r.frequency],
      ['quantity_per_period', 'float8', (r) => r.quantityPerPeriod],
      ['unit', 'text', (r) => r.unit],
      ['starts_on', 'date', (r) => r.startsOn],
      ['ends_on', 'date', (r) => r.endsOn],
      ['baseline', 'float8', (r) => r.baseline],
      ['target', 'float8', (r) => r.target],
      ['score', 'float8', (r) => r.score],
      ['status', '"ProgressStatus"', (r) => r.status],
      ['last_observed_on', 'date', (r) => r.lastObservedOn],
      ['created_at', 'timestamptz', (r) => r.createdAt],
      ['updated_at', 'timestamptz', () => stamp],
    ],
    chunk.milestones,
  );
  await insertRows(
    client,
    'progress_update',
    [
      ['id', 'uuid', (r) => r.id],
      ['milestone_id', 'uuid', (r) => r.milestoneId],
      ['agreement_id', 'uuid', (r) => r.agreementId],
      ['author_id', 'uuid', (r) => r.authorId],
      ['author_side_id', 'uuid', (r) => r.authorSideId],
      ['observed_on', 'date', (r) => r.observedOn],
      ['status', '"ProgressStatus"', (r) => r.status],
      ['progress', 'float8', (r) => r.progress],
      ['quantity', 'float8', (r) => r.quantity],
      ['actual_value', 'float8', (r) => r.actualValue],
      ['narrative', 'text', (r) => r.narrative],
      ['supersedes_id', 'uuid', (r) => r.supersedesId],
      ['correction_reason', 'text', (r) => r.correctionReason],
      ['review_state', '"ReviewState"', (r) => r.reviewState],
      ['reviewer_id', 'uuid', (r) => r.reviewerId],
      ['reviewed_at', 'timestamptz', (r) => r.reviewedAt],
      ['review_note', 'text', (r) => r.reviewNote],
      ['created_at', 'timestamptz', (r) => r.createdAt],
    ],
    chunk.updates,
  );
  await insertRows(
    client,
    'evidence',
    [
      ['id', 'uuid', (r) => r.id],
      ['update_id', 'uuid', (r) => r.updateId],
      ['url', 'text', (r) => r.url],
      ['title', 'text', (r) => r.title],
      ['publisher', 'text', (r) => r.publisher],
      ['published_on', 'date', (r) => r.publishedOn],
      ['kind', '"EvidenceKind"', (r) => r.kind],
      ['position', 'int', (r) => r.position],
    ],
    chunk.evidence,
  );
  await insertRows(
    client,
    'agreement_score_month',
    [
      ['agreement_id', 'uuid', (r) => r.agreementId],
      ['month', 'date', (r) => r.month],
      ['score', 'float8', (r) => r.score],
    ],
    chunk.scoreMonths,
  );
  await client.query('commit');
}
