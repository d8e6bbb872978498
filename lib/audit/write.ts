import type { Tx } from '../db-client.ts';
import { auditHash, auditPayloadPrefix, toJsonValue, type AuditContent } from './chain.ts';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

function contentOf(input: AuditInput, occurredAt: Date): AuditContent {
  return {
    occurredAt,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    ip: input.ip ?? null,
  };
}

/** jsonb text of a snapshot; an absent snapshot is SQL NULL. */
function jsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export const MISSING_HEAD = 'The audit chain head (table audit_chain_head) has no row; apply the migrations (npm run db:deploy).';

/**
 * Appends one event inside the caller's transaction, so the event exists exactly when the change
 * does, in one statement: `audit_head` moves the chain head and the insert takes the event's links
 * from it. The head row's lock orders concurrent appends (a waiting append re-reads the head once the
 * holder commits) and is held until commit, so it is the last lock a write transaction takes
 * (lib/data/write-transaction.ts): call this last, after the statements that write the change (whose
 * foreign-key checks lock the rows they reference). Without a head row (a database the migrations
 * did not make) the insert fails on the event's missing hash, so no change commits unaudited.
 */
export async function appendAudit(tx: Tx, input: AuditInput, occurredAt = new Date()) {
  const content = contentOf(input, occurredAt);
  await tx.$executeRaw`
    with audit_head as (
      update audit_chain_head
      set prev_hash = hash,
          hash = encode(sha256(convert_to(${auditPayloadPrefix(content)} || coalesce(to_json(hash)::text, 'null') || '}', 'UTF8')), 'hex')
      returning prev_hash, hash
    )
    insert into audit_event (occurred_at, actor_id, action, entity_type, entity_id, before, after, ip, prev_hash, hash)
    select ${occurredAt}, ${content.actorId}::uuid, ${content.action}, ${content.entityType}, ${content.entityId},
      ${jsonText(content.before)}::jsonb, ${jsonText(content.after)}::jsonb, ${content.ip}, audit_head.prev_hash, audit_head.hash
    from (select) as appending left join audit_head on true`;
}

/**
 * `appendAudit` for many events at once (a bulk import): the head is locked and read once, the
 * links are computed here, and all events go in one insert. Ids are drawn from the sequence while
 * the head is locked, so the chain's order (id order) is the order of `inputs`.
 */
export async function appendAuditEvents(tx: Tx, inputs: readonly AuditInput[], occurredAt = new Date()) {
  if (inputs.length === 0) return;
  const [head] = await tx.$queryRaw<{ hash: string | null }[]>`select hash from audit_chain_head for update`;
  if (!head) throw new Error(MISSING_HEAD);
  const ids = await tx.$queryRaw<{ id: bigint }[]>`
    select nextval(pg_get_serial_sequence('audit_event', 'id')) as id from generate_series(1, ${inputs.length}::int) order by 1`;
  let prevHash = head.hash;
  const rows = inputs.map((input) => {
    const content = contentOf(input, occurredAt);
    const row = { ...content, prevHash, hash: auditHash(prevHash, content) };
    prevHash = row.hash;
    return row;
  });
  await tx.$executeRaw`
    insert into audit_event (id, occurred_at, actor_id, action, entity_type, entity_id, before, after, ip, prev_hash, hash)
    select u.id, ${occurredAt}, u.actor_id, u.action, u.entity_type, u.entity_id, u.before::jsonb, u.after::jsonb, u.ip, u.prev_hash, u.hash
    from unnest(${ids.map((row) => row.id.toString())}::bigint[], ${rows.map((row) => row.actorId)}::uuid[], ${rows.map((row) => row.action)}::text[],
      ${rows.map((row) => row.entityType)}::text[], ${rows.map((row) => row.entityId)}::text[], ${rows.map((row) => jsonText(row.before))}::text[],
      ${rows.map((row) => jsonText(row.after))}::text[], ${rows.map((row) => row.ip)}::text[], ${rows.map((row) => row.prevHash)}::text[],
      ${rows.map((row) => row.hash)}::text[])
      as u(id, actor_id, action, entity_type, entity_id, before, after, ip, prev_hash, hash)`;
  const last = rows.at(-1)!;
  await tx.$executeRaw`update audit_chain_head set prev_hash = ${last.prevHash}, hash = ${last.hash}`;
}
