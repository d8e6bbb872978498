import { describe, expect, it } from 'vitest';
import { ProgressUpdateSchema, ReviewSchema } from './progress.ts';

const base = {
  milestoneId: '0192f7a0-0000-7000-8000-000000000001',
  observedOn: '2025-03-14',
  status: 'IN_PROGRESS',
  quantity: '1',
  narrative: 'Cargo discharged at Port Qasim.',
};

function problems(input: Record<string, unknown>) {
  const result = ProgressUpdateSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the progress update form', () => {
  it('parses form strings into numbers and drops blank evidence rows', () => {
    const parsed = ProgressUpdateSchema.parse({
      ...base,
      evidence: [
        { url: 'https://example.org/notice', title: 'Arrival notice', kind: 'DATASET', publisher: '', publishedOn: '' },
        { url: '', title: '', publisher: '', publishedOn: '', kind: 'DOCUMENT' },
      ],
      authorId: 'someone-else',
      reviewState: 'VERIFIED',
    });
    expect(parsed.quantity).toBe(1);
    expect(parsed.progress).toBeNull();
    expect(parsed.evidence).toEqual([
      { url: 'https://example.org/notice', title: 'Arrival notice', kind: 'DATASET', publisher: null, publishedOn: null },
    ]);
    // Fields the form does not have are never trusted.
    expect(parsed).not.toHaveProperty('authorId');
    expect(parsed).not.toHaveProperty('reviewState');
  });

  it('names each field that is wrong', () => {
    expect(problems({ ...base, observedOn: '2999-01-01', status: 'DONE', narrative: ' ', progress: '140' })).toEqual({
      observedOn: 'futureDate',
      status: 'invalidChoice',
      narrative: 'required',
      progress: 'outOfRange',
    });
    expect(problems({ ...base, evidence: [{ url: 'javascript:alert(1)', title: 'x', kind: 'DOCUMENT' }] })).toEqual({
      'evidence.0.url': 'invalidUrl',
    });
  });

  it('requires a reason for a correction, and for a rejection', () => {
    expect(problems({ ...base, supersedesId: '0192f7a0-0000-7000-8000-000000000002' })).toEqual({ correctionReason: 'required' });
    expect(ReviewSchema.safeParse({ updateId: base.milestoneId, decision: 'reject', note: '' }).success).toBe(false);
    expect(ReviewSchema.safeParse({ updateId: base.milestoneId, decision: 'verify' }).success).toBe(true);
  });
});
