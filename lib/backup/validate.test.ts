import { describe, expect, it } from 'vitest';
import { auditHash } from '../audit/chain.ts';
import { BACKUP_TABLES } from './format.ts';
import { BackupRefused, type BackupProblem } from './problems.ts';
import { validateBackup } from './validate.ts';

const AGREEMENT = '01900000-0000-7000-8000-000000000001';
const MILESTONE = '01900000-0000-7000-8000-000000000002';
const ANALYST = '01900000-0000-7000-8000-000000000003';
const REVIEWER = '01900000-0000-7000-8000-000000000004';
const UPDATE = '01900000-0000-7000-8000-000000000005';
const AT = '2026-03-05T10:00:00+00:00';

function document(tables: Record<string, unknown[]> = {}) {
  return {
    format: 'ittifaq-backup',
    version: 1,
    exportedAt: AT,
    tables: { ...Object.fromEntries(BACKUP_TABLES.map((table) => [table.name, []])), ...tables },
  };
}

function problemsOf(doc: unknown): BackupProblem[] {
  try {
    validateBackup(doc);
  } catch (error) {
    if (error instanceof BackupRefused) return error.problems;
    throw error;
  }
  return [];
}

const user = (id: string, email: string) => ({
  id,
  email,
  name: email,
  role: 'ANALYST',
  party_id: null,
  password_changed_at: null,
  active: true,
  session_version: 1,
  totp_enabled_at: null,
  last_sign_in_at: null,
  version: 1,
  created_at: AT,
  updated_at: AT,
});

const sector = (id: string, slug: string, archived = false) => ({
  id,
  slug,
  name: slug,
  description: '',
  position: 0,
  merged_into_id: null,
  version: 1,
  archived_at: archived ? AT : null,
  created_at: AT,
  updated_at: AT,
});

/** One agreement, scored on 5 March 2026, with a one-off milestone at 60% since a verified update of 10 January. */
function scoredAgreement(stored: { agreement: number; milestone: number; months: number[] }) {
  return {
    agreement: [
      {
        id: AGREEMENT,
        slug: 'a',
        title: 'A',
        kind: 'MOU',
        status: 'SIGNED',
        signed_on: null,
        effective_on: null,
        expires_on: null,
        summary: '',
        publication: 'PUBLISHED',
        published_at: AT,
        score: stored.agreement,
        scored_at: AT,
        search_text: '',
        search_vector: null,
        version: 1,
        archived_at: null,
        created_at: AT,
        updated_at: AT,
      },
    ],
    milestone: [
      {
        id: MILESTONE,
        agreement_id: AGREEMENT,
        title: 'M',
        description: '',
        clause_ref: null,
        clause_excerpt: null,
        responsible_party_id: null,
        due_on: null,
        weight: 1,
        position: 0,
        kind: 'ONE_OFF',
        frequency: null,
        quantity_per_period: null,
        unit: null,
        starts_on: null,
        ends_on: null,
        baseline: null,
        target: null,
        score: stored.milestone,
        status: 'IN_PROGRESS',
        last_observed_on: '2026-01-10',
        version: 1,
        archived_at: null,
        created_at: AT,
        updated_at: AT,
      },
    ],
    app_user: [user(ANALYST, 'analyst@example.org'), user(REVIEWER, 'reviewer@example.org')],
    progress_update: [
      {
        id: UPDATE,
        milestone_id: MILESTONE,
        agreement_id: AGREEMENT,
        author_id: ANALYST,
        author_side_id: null,
        observed_on: '2026-01-10',
        status: 'IN_PROGRESS',
        progress: 60,
        quantity: null,
        actual_value: null,
        narrative: '',
        supersedes_id: null,
        correction_reason: null,
        review_state: 'VERIFIED',
        reviewer_id: REVIEWER,
        reviewed_at: '2026-01-12T09:00:00.000+00:00',
        review_note: null,
        created_at: '2026-01-11T09:00:00.000+00:00',
      },
    ],
    agreement_score_month: ['2026-01-01', '2026-02-01', '2026-03-01'].map((month, i) => ({
      agreement_id: AGREEMENT,
      month,
      score: stored.months[i],
    })),
  };
}

function chain(count: number) {
  let prevHash: string | null = null;
  return Array.from({ length: count }, (_, i) => {
    const content = {
      occurredAt: new Date(Date.UTC(2026, 0, i + 1)),
      actorId: null,
      action: 'sector.create',
      entityType: 'sector',
      entityId: `s${i}`,
      before: null,
      after: { name: `Sector ${i}`, position: i },
      ip: null,
    };
    const hash = auditHash(prevHash, content);
    const event = {
      id: i + 1,
      occurred_at: content.occurredAt.toISOString(),
      actor_id: null,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      before: null,
      after: content.after,
      ip: null,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return event;
  });
}

describe('checking a backup before restoring it', () => {
  it('accepts consistent rows: an empty backup, unique keys, a chain that verifies, scores that match', () => {
    expect(problemsOf(document())).toEqual([]);
    expect(problemsOf(document({ audit_event: chain(3) }))).toEqual([]);
    expect(problemsOf(document(scoredAgreement({ agreement: 60, milestone: 60, months: [60, 60, 60] })))).toEqual([]);
    // Slugs are unique among live rows only.
    expect(problemsOf(document({ sector: [sector(AGREEMENT, 'energy', true), sector(MILESTONE, 'energy')] }))).toEqual([]);
  });

  it('names the table, row, key and column of a row that does not match its schema', () => {
    const row = { ...sector(AGREEMENT, 'energy'), position: 1.5, colour: 'red', password_hash: 'x' } as Record<string, unknown>;
    delete row.name;
    expect(problemsOf(document({ sector: [row] })).map((problem) => `${problem.at}: ${problem.message}`)).toEqual([
      `sector row 1 (id ${AGREEMENT}): missing column name`,
      `sector row 1 (id ${AGREEMENT}): column position: Invalid input: expected int, received number`,
      `sector row 1 (id ${AGREEMENT}): unknown column colour`,
      `sector row 1 (id ${AGREEMENT}): column password_hash holds a secret, which a backup never contains`,
    ]);
    expect(problemsOf(document({ sector: [null] }))[0]).toMatchObject({
      at: 'sector row 1',
      message: expect.stringMatching(/^not a row of columns/),
    });
  });

  it('refuses duplicate keys, references to rows the file lacks, and an update filed under another agreement', () => {
    expect(problemsOf(document({ sector: [sector(AGREEMENT, 'a'), sector(AGREEMENT, 'b')] }))).toEqual([
      { at: `sector row 2 (id ${AGREEMENT})`, message: 'same id as row 1; it must be unique' },
    ]);
    expect(problemsOf(document({ sector: [sector(AGREEMENT, 'a'), sector(MILESTONE, 'a')] }))[0]?.message).toBe(
      'same slug as row 1 among rows not archived; it must be unique',
    );
    const valid = scoredAgreement({ agreement: 60, milestone: 60, months: [60, 60, 60] });
    expect(problemsOf(document({ ...valid, app_user: [user(ANALYST, 'analyst@example.org')] }))).toEqual([
      {
        at: `progress_update row 1 (id ${UPDATE})`,
        message: `column reviewer_id refers to app_user ${REVIEWER}, which is not in the backup`,
      },
    ]);
    const elsewhere = '01900000-0000-7000-8000-000000000009';
    const moved = document({
      ...valid,
      agreement: [...valid.agreement, { ...valid.agreement[0]!, id: elsewhere, slug: 'b', score: 0, scored_at: null }],
      progress_update: [{ ...valid.progress_update[0]!, agreement_id: elsewhere }],
    });
    expect(problemsOf(moved)).toContainEqual({
      at: `progress_update row 1 (id ${UPDATE})`,
      message: `column agreement_id is ${elsewhere}, but its milestone belongs to agreement ${AGREEMENT}`,
    });
  });

  it('refuses an audit chain with an event edited, removed or moved, naming the first event that does not verify', () => {
    const edited = chain(4);
    edited[2]!.after = { name: 'Sector 2 (edited)', position: 2 };
    expect(problemsOf(document({ audit_event: edited }))).toEqual([
      {
        at: 'audit_event row 3 (id 3)',
        message: expect.stringMatching(/^its content does not match its hash: the event was altered after it was written/),
      },
    ]);
    const removed = chain(4).filter((event) => event.id !== 2);
    expect(problemsOf(document({ audit_event: removed }))).toEqual([
      { at: 'audit_event row 2 (id 3)', message: expect.stringMatching(/^it does not link to the event before it/) },
    ]);
  });

  it('refuses stored scores that a recomputation from the rows does not reproduce', () => {
    const problems = problemsOf(document(scoredAgreement({ agreement: 70, milestone: 60, months: [60, 75, 60] })));
    expect(problems).toEqual([
      {
        at: `agreement row 1 (id ${AGREEMENT})`,
        message: 'stored score 70 differs from 60, recomputed from its verified updates as of 2026-03-05',
      },
      {
        at: `agreement row 1 (id ${AGREEMENT})`,
        message:
          'its score history (agreement_score_month) differs from a recomputation as of 2026-03-05 in 1 month, first: 2026-02-01 is stored as 75, recomputed 60',
      },
    ]);
    const withoutUpdate = { ...scoredAgreement({ agreement: 60, milestone: 60, months: [60, 60, 60] }), progress_update: [] };
    expect(problemsOf(document(withoutUpdate)).map((problem) => problem.at)).toEqual([
      `agreement row 1 (id ${AGREEMENT})`,
      `milestone row 1 (id ${MILESTONE})`,
      `agreement row 1 (id ${AGREEMENT})`,
    ]);
  });
});
