// The audit trail is a hash chain: each event's hash covers its own content and the previous event's
// hash, so a row altered or removed outside the application breaks every later link.
import { createHash } from 'node:crypto';

export interface AuditContent {
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** JSON with object keys sorted, so the text survives a round trip through jsonb. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Dates become ISO strings and undefined disappears, exactly as they will when stored as jsonb. */
export function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? item.toString() : item));
}

export function auditHash(prevHash: string | null, content: AuditContent): string {
  const payload = canonicalJson({
    prevHash,
    occurredAt: content.occurredAt.toISOString(),
    actorId: content.actorId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before,
    after: content.after,
    ip: content.ip,
  });
  return createHash('sha256').update(payload).digest('hex');
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtId: string; reason: 'content' | 'link' };

/** Walks events in id order and reports the first one whose hash or link does not hold. */
export function verifyChain(
  events: Iterable<AuditContent & { id: bigint | string; prevHash: string | null; hash: string }>,
  startHash: string | null = null,
  alreadyChecked = 0,
): ChainVerdict & { lastHash: string | null } {
  let previous = startHash;
  let checked = alreadyChecked;
  for (const event of events) {
    if (event.prevHash !== previous) return { ok: false, checked, brokenAtId: String(event.id), reason: 'link', lastHash: previous };
    if (auditHash(previous, event) !== event.hash) {
      return { ok: false, checked, brokenAtId: String(event.id), reason: 'content', lastHash: previous };
    }
    previous = event.hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: previous };
}
