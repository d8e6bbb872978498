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
  return value === undefined
    ? null
    : JSON.parse(JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)));
}

const PREV_HASH_TAIL = '"prevHash":null}';

/**
 * The hashed text of an event up to its link: canonical key order puts `prevHash` last, so the text
 * is this prefix, the previous hash as JSON, and `}`. The database completes it when it appends
 * (lib/audit/write.ts), because only there is the previous hash known for certain.
 */
export function auditPayloadPrefix(content: AuditContent): string {
  const payload = canonicalJson({
    prevHash: null,
    occurredAt: content.occurredAt.toISOString(),
    actorId: content.actorId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    before: content.before,
    after: content.after,
    ip: content.ip,
  });
  if (!payload.endsWith(PREV_HASH_TAIL)) throw new Error('prevHash must be the last key of the audit payload');
  return payload.slice(0, -'null}'.length);
}

export function auditHash(prevHash: string | null, content: AuditContent): string {
  return createHash('sha256')
    .update(`${auditPayloadPrefix(content)}${JSON.stringify(prevHash)}}`)
    .digest('hex');
}

export type ChainVerdict = { ok: true; checked: number } | { ok: false; checked: number; brokenAtId: string; reason: 'content' | 'link' };

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
