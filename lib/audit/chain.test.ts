import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, toJsonValue, verifyChain, type AuditContent } from './chain.ts';

function chain(contents: AuditContent[]) {
  let prevHash: string | null = null;
  return contents.map((content, index) => {
    const hash = auditHash(prevHash, content);
    const event = { ...content, id: BigInt(index + 1), prevHash, hash };
    prevHash = hash;
    return event;
  });
}

const base: AuditContent = {
  occurredAt: new Date('2026-01-01T10:00:00.000Z'),
  actorId: null,
  action: 'agreement.create',
  entityType: 'agreement',
  entityId: 'a1',
  before: null,
  after: { title: 'LNG supply', score: 12.5 },
  ip: null,
};

describe('the audit hash chain', () => {
  it('hashes objects independently of key order, as jsonb stores them', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, 2] }, b: 1 }));
    expect(toJsonValue({ at: new Date('2026-01-01T00:00:00Z'), gone: undefined })).toEqual({ at: '2026-01-01T00:00:00.000Z' });
  });

  it('hashes the canonical JSON of the content and the previous hash, which the database completes from a prefix', () => {
    const prevHash = 'ab'.repeat(32);
    const whole = canonicalJson({ ...base, occurredAt: base.occurredAt.toISOString(), prevHash });
    expect(auditHash(prevHash, base)).toBe(createHash('sha256').update(whole).digest('hex'));
    expect(auditHash(null, base)).not.toBe(auditHash(prevHash, base));
  });

  it('verifies an intact chain', () => {
    const events = chain([base, { ...base, entityId: 'a2' }, { ...base, action: 'agreement.publish' }]);
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: 3 });
  });

  it('reports the first event whose content was altered', () => {
    const events = chain([base, { ...base, entityId: 'a2' }, { ...base, entityId: 'a3' }]);
    events[1]!.after = { title: 'LNG supply', score: 99 };
    expect(verifyChain(events)).toMatchObject({ ok: false, brokenAtId: '2', reason: 'content' });
  });

  it('reports a removed event as a broken link', () => {
    const events = chain([base, { ...base, entityId: 'a2' }, { ...base, entityId: 'a3' }]);
    expect(verifyChain([events[0]!, events[2]!])).toMatchObject({ ok: false, brokenAtId: '3', reason: 'link' });
  });
});
