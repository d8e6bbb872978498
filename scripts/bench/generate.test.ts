import { describe, expect, it } from 'vitest';
import { fromIsoDate } from '../../lib/dates.ts';
import { deriveScores } from './derive.ts';
import { generateAgreements } from './generate-agreements.ts';
import { generateBase } from './generate-base.ts';
import type { Chunk } from './model.ts';
import { IdFactory, Random } from './random.ts';

const AS_OF = '2026-06-15';

/** Scoring (derive) is the slow part; only the tests about derived columns ask for it. */
async function generate(seed: string, agreements: number, derive = false): Promise<Chunk> {
  const random = new Random(seed);
  const ids = new IdFactory(seed);
  const cutoff = fromIsoDate(AS_OF);
  const base = generateBase(random, ids, agreements, 'not-a-real-hash', cutoff);
  const chunk = generateAgreements({ random, ids, base, asOf: AS_OF, cutoff }, 1, agreements);
  if (derive) await deriveScores(chunk, AS_OF, cutoff);
  return chunk;
}

describe('the benchmark data generator', () => {
  it('produces the same data set for the same seed and a different one for another seed', async () => {
    const [a, b, c] = await Promise.all([generate('seed-a', 20, true), generate('seed-a', 20, true), generate('seed-b', 20)]);
    expect(b).toEqual(a);
    expect(c.agreements.map((x) => x.title)).not.toEqual(a.agreements.map((x) => x.title));
  });

  it('covers every agreement kind, lifecycle status, milestone kind and review state', async () => {
    const chunk = await generate('shapes', 150);
    const distinct = (values: string[]) => [...new Set(values)].sort();
    expect(distinct(chunk.agreements.map((a) => a.kind))).toHaveLength(8);
    expect(distinct(chunk.agreements.map((a) => a.status))).toHaveLength(8);
    expect(distinct(chunk.milestones.map((m) => m.kind))).toEqual(['ONE_OFF', 'RECURRING', 'TARGET']);
    expect(distinct(chunk.updates.map((u) => u.reviewState))).toEqual(['PENDING', 'REJECTED', 'VERIFIED']);
    const published = chunk.agreements.filter((a) => a.publication === 'PUBLISHED' && !a.archivedAt).length;
    expect(published / chunk.agreements.length).toBeGreaterThan(0.7);
    expect(chunk.agreements.some((a) => a.publication === 'DRAFT')).toBe(true);
    expect(chunk.agreements.some((a) => a.archivedAt)).toBe(true);
    const verified = chunk.updates.filter((u) => u.reviewState === 'VERIFIED').length;
    expect(verified / chunk.updates.length).toBeGreaterThan(0.7);
    expect(chunk.updates.some((u) => u.supersedesId)).toBe(true);
  });

  it('has about ten milestones per agreement and ten updates per milestone, with evidence', async () => {
    const chunk = await generate('sizes', 200);
    expect(chunk.milestones.length / 200).toBeGreaterThan(8);
    expect(chunk.milestones.length / 200).toBeLessThan(12);
    expect(chunk.updates.length / chunk.milestones.length).toBeGreaterThan(8);
    expect(chunk.updates.length / chunk.milestones.length).toBeLessThan(12);
    expect(chunk.evidence.length).toBeGreaterThan(chunk.updates.length);
  });

  it('reviews every update by someone other than its author, after the observation and before today', async () => {
    const chunk = await generate('reviews', 50);
    for (const update of chunk.updates) {
      expect(update.observedOn < AS_OF).toBe(true);
      if (update.reviewState === 'PENDING') {
        expect(update.reviewerId).toBeNull();
        continue;
      }
      expect(update.reviewerId).not.toBe(update.authorId);
      expect(update.reviewedAt!.getTime()).toBeGreaterThan(fromIsoDate(update.observedOn).getTime());
      expect(update.reviewedAt!.getTime()).toBeGreaterThan(update.createdAt.getTime());
      expect(update.reviewedAt!.getTime()).toBeLessThan(fromIsoDate(AS_OF).getTime());
    }
  });

  it('keeps pending and rejected narratives out of the public search text', async () => {
    const chunk = await generate('search', 20, true);
    const hidden = chunk.updates.filter((u) => u.reviewState !== 'VERIFIED' && !u.narrative.startsWith('Correction'));
    const texts = new Map(chunk.agreements.map((a) => [a.id, a.searchText]));
    const verifiedNarratives = new Set(chunk.updates.filter((u) => u.reviewState === 'VERIFIED').map((u) => u.narrative));
    for (const update of hidden.filter((u) => !verifiedNarratives.has(u.narrative))) {
      expect(texts.get(update.agreementId)).not.toContain(update.narrative);
    }
  });
});
