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

/**
 * Appends one event inside the caller's transaction, so the event exists exactly when the change
 * does. Call it last in the transaction: the chain lock it takes is held until commit.
 */
export async function appendAudit(tx: Tx, input: AuditInput, occurredAt = new Date()) {
  // Two statements on purpose: under read committed the second takes its snapshot after the lock is
  // held, so it sees the link committed by whoever held the lock before.
  await tx.$executeRaw`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  const content: AuditContent = {
    occurredAt,
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    ip: input.ip ?? null,
  };
  const prevHash = previous?.hash ?? null;
  await tx.auditEvent.create({
    data: {
      ...content,
      before: content.before ?? undefined,
      after: content.after ?? undefined,
      prevHash,
      hash: auditHash(prevHash, content),
    },
  });
}
