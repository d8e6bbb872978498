import type { Tx } from '../db-client.ts';
import { auditHash, toJsonValue, type AuditContent } from './chain.ts';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Serialises appends to the chain across connections; held only until the transaction ends. */
const AUDIT_CHAIN_LOCK = 7_301_991;

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

function rowOf(prevHash: string | null, content: AuditContent) {
  return { ...content, before: content.before ?? undefined, after: content.after ?? undefined, prevHash, hash: auditHash(prevHash, content) };
}

/**
 * Appends one event inside the caller's transaction, so the event exists exactly when the change
 * does. Call it last in the transaction: the chain lock it takes is held until commit.
 */
export async function appendAudit(tx: Tx, input: AuditInput, occurredAt = new Date()) {
  // Two statements on purpose: under read committed the second takes its snapshot after the lock is
  // held, so it sees the link committed by whoever held the lock before.
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  await tx.auditEvent.create({ data: rowOf(previous?.hash ?? null, contentOf(input, occurredAt)) });
}

/**
 * `appendAudit` for many events at once (a bulk import): one lock, one read of the last link, and
 * one insert. Ids are drawn from the sequence first, so the chain's order (id order) is the order
 * of `inputs`.
 */
export async function appendAuditEvents(tx: Tx, inputs: readonly AuditInput[], occurredAt = new Date()) {
  if (inputs.length === 0) return;
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const ids = await tx.$queryRaw<{ id: bigint }[]>`
    select nextval(pg_get_serial_sequence('audit_event', 'id')) as id from generate_series(1, ${inputs.length}::int) order by 1`;
  let prevHash = previous?.hash ?? null;
  const rows = inputs.map((input) => {
    const row = rowOf(prevHash, contentOf(input, occurredAt));
    prevHash = row.hash;
    return row;
  });
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await tx.$executeRaw`
    insert into audit_event (id, occurred_at, actor_id, action, entity_type, entity_id, before, after, ip, prev_hash, hash)
    select u.id, ${occurredAt}, u.actor_id, u.action, u.entity_type, u.entity_id, u.before::jsonb, u.after::jsonb, u.ip, u.prev_hash, u.hash
    from unnest(${ids.map((row) => row.id.toString())}::bigint[], ${rows.map((row) => row.actorId)}::uuid[], ${rows.map((row) => row.action)}::text[],
      ${rows.map((row) => row.entityType)}::text[], ${rows.map((row) => row.entityId)}::text[], ${rows.map((row) => json(row.before))}::text[],
      ${rows.map((row) => json(row.after))}::text[], ${rows.map((row) => row.ip)}::text[], ${rows.map((row) => row.prevHash)}::text[],
      ${rows.map((row) => row.hash)}::text[])
      as u(id, actor_id, action, entity_type, entity_id, before, after, ip, prev_hash, hash)`;
}
