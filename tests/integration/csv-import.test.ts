import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyStoredChain } from '../../lib/audit/verify.ts';
import { PUBLIC_AGREEMENTS_TAG, publicAgreementTag } from '../../lib/cache-tags.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { databaseFingerprint, expectNothingWritten } from '../support/actions.ts';
import { actAs, createUser, testDb } from '../support/auth.ts';
import {
  AGREEMENT_HEADER,
  checkFiles,
  csvOf,
  importChecked,
  MILESTONE_HEADER,
  previewOf,
  problemsOf,
  uploadForm,
} from '../support/csv-import.ts';
import { withClient } from '../support/db.ts';
import { invalidatedTags } from '../support/next-request.ts';

const db = testDb();
let admin: { id: string; sessionVersion: number };

const newAgreement = (slug: string, cells: Record<string, string> = {}) => ({
  slug,
  title: `Agreement ${slug}`,
  kind: 'AGREEMENT',
  status: 'SIGNED',
  signed_on: '2025-03-01',
  summary: 'A power link.',
  sectors: 'energy-infrastructure',
  parties: 'pakistan:SIGNATORY;azerbaijan:SIGNATORY',
  ...cells,
});
const oneOff = (agreementSlug: string, title: string, cells: Record<string, string> = {}) => ({
  agreement_slug: agreementSlug,
  title,
  weight: '1',
  kind: 'ONE_OFF',
  ...cells,
});

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  admin = await createUser({ role: 'ADMIN', twoFactor: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('checking a CSV import', () => {
  it('asks for at least one file', async () => {
    await actAs(admin);
    expect(await checkFiles({})).toMatchObject({ status: 'error', error: 'invalid', fieldErrors: { agreementsFile: ['chooseFile'] } });
  });

  it("checks every row with the forms' rules and names the row and column of each problem, writing nothing", async () => {
    await actAs(admin);
    const agreements = csvOf(AGREEMENT_HEADER, [
      newAgreement('power-link'),
      newAgreement('bogus-kind', { kind: 'BOGUS' }),
      newAgreement('bad-links', {
        signed_on: '2024-13-01',
        sectors: 'energy-infrastructure;no-such-sector',
        parties: 'pakistan;nobody:SIGNATORY;azerbaijan:BOSS',
      }),
      newAgreement('Bad Slug', { title: ' ' }),
      newAgreement('power-link', { title: 'Again' }),
      newAgreement('backwards', { effective_on: '2024-05-01', expires_on: '2024-04-01' }),
    ]);
    const milestones = csvOf(MILESTONE_HEADER, [
      oneOff('power-link', 'Route surveyed'),
      oneOff('nowhere', 'Lost'),
      oneOff('power-link', 'Deliveries', { kind: 'RECURRING' }),
      oneOff('power-link', 'Heavy', { weight: 'heavy', position: '-1', responsible_party: 'nobody' }),
      oneOff('power-link', 'Capacity', { kind: 'TARGET', unit: 'MW', baseline: '5', target: '5' }),
    ]);
    const preview = previewOf(await expectNothingWritten(() => checkFiles({ agreements, milestones })));
    expect(preview.valid).toBe(false);
    expect(problemsOf(preview)).toEqual({
      agreements: [
        '3 kind notOneOf',
        '4 sectors unknownSector',
        '4 parties partyFormat',
        '4 parties unknownParty',
        '4 signed_on invalidDate',
        '4 parties notOneOf',
        '5 slug slugFormat',
        '5 title required',
        '6 slug duplicateSlug',
        '7 expires_on endBeforeStart',
      ],
      milestones: [
        '3 agreement_slug unknownAgreement',
        '4 frequency required',
        '4 quantity_per_period required',
        '4 unit required',
        '4 starts_on required',
        '5 position invalidPosition',
        '5 responsible_party unknownParty',
        '5 weight invalidNumber',
        '6 target baselineEqualsTarget',
      ],
    });
    const rowThree = preview.files[0]!.rows.find((row) => row.row === 3)!;
    expect(rowThree).toMatchObject({ slug: 'bogus-kind', outcome: null });
    expect(rowThree.issues[0]!.values).toEqual({
      choices: 'MOU, AGREEMENT, TREATY, PROTOCOL, CONTRACT, LETTER_OF_INTENT, JOINT_DECLARATION, PROGRAMME',
    });
    expect(preview.files[0]!.rows.find((row) => row.row === 6)!.issues[0]!.values).toEqual({ first: 2 });
    expect(preview.files[0]!.rows.find((row) => row.row === 2)).toMatchObject({ outcome: 'create', issues: [] });
  });

  it('names file-level problems: unknown and missing columns, a file in the wrong slot, a header without rows', async () => {
    await actAs(admin);
    const preview = previewOf(
      await checkFiles({
        agreements: csvOf([...AGREEMENT_HEADER.filter((column) => column !== 'summary'), 'colour'], [newAgreement('x')]),
        milestones: csvOf(AGREEMENT_HEADER, [newAgreement('y')]),
      }),
    );
    expect(problemsOf(preview)).toEqual({
      agreements: ['unknownColumns', 'missingColumns'],
      milestones: ['agreementsInMilestonesSlot'],
    });
    expect(preview.files[0]!.fileIssues.map((issue) => issue.values)).toEqual([{ columns: 'colour' }, { columns: 'summary' }]);
    expect(problemsOf(previewOf(await checkFiles({ agreements: csvOf(AGREEMENT_HEADER, []) })))).toEqual({ agreements: ['noRows'] });
  });
});

describe('importing checked files', () => {
  it('writes every row in one transaction: creates published agreements, updates matched ones, recomputes scores, audits each record', async () => {
    await actAs(admin);
    const lngId = seedId('agreement', 'lng-supply-socar');
    const lngBefore = await db.agreement.findUniqueOrThrow({
      where: { id: lngId },
      select: { version: true, publication: true, _count: { select: { sourceDocuments: true } } },
    });
    const cargoes = await db.milestone.findFirstOrThrow({ where: { agreementId: lngId, title: 'One LNG cargo delivered each month' } });
    const lastPosition = (await db.milestone.aggregate({ where: { agreementId: lngId }, _max: { position: true } }))._max.position!;
    const agreements = csvOf(AGREEMENT_HEADER, [
      newAgreement('caspian-link', { summary: "'=1+1 is not a formula here" }),
      {
        slug: 'lng-supply-socar',
        title: 'LNG supply from SOCAR: one cargo a month',
        kind: 'CONTRACT',
        status: 'IN_FORCE',
        signed_on: '2023-08-01',
        effective_on: '2024-01-01',
        expires_on: '2026-12-31',
        summary: 'Revised summary.',
        sectors: 'energy-infrastructure',
        parties: 'socar:SIGNATORY;pakistan-lng:SIGNATORY',
      },
    ]);
    const milestones = csvOf(MILESTONE_HEADER, [
      oneOff('caspian-link', 'Route surveyed', { position: '0' }),
      oneOff('caspian-link', 'Cable laid'),
      oneOff('caspian-link', 'Cable laid'),
      {
        agreement_slug: 'lng-supply-socar',
        title: 'One LNG cargo delivered each month',
        weight: '2',
        kind: 'RECURRING',
        frequency: 'MONTHLY',
        quantity_per_period: '1',
        unit: 'cargo',
        starts_on: '2024-01-01',
        ends_on: '2026-12-31',
        responsible_party: 'socar',
      },
      oneOff('lng-supply-socar', 'Second terminal contract signed'),
    ]);
    const preview = previewOf(await checkFiles({ agreements, milestones }));
    expect(problemsOf(preview)).toEqual({ agreements: [], milestones: [] });
    expect(preview.files.map((file) => file.rows.map((row) => row.outcome))).toEqual([
      ['create', 'update'],
      ['create', 'create', 'create', 'update', 'create'],
    ]);

    invalidatedTags.length = 0;
    const auditBefore = await db.auditEvent.count();
    const result = await importChecked(preview);
    expect(result).toMatchObject({
      status: 'success',
      message: 'imported',
      data: { agreements: { created: 1, updated: 1, unchanged: 0 }, milestones: { created: 4, updated: 1, unchanged: 0 } },
    });

    const caspian = await db.agreement.findFirstOrThrow({
      where: { slug: 'caspian-link', archivedAt: null },
      include: { parties: true, sectors: true, milestones: { orderBy: { position: 'asc' } }, monthlyScores: true },
    });
    expect(caspian).toMatchObject({ publication: 'PUBLISHED', summary: '=1+1 is not a formula here', version: 1 });
    expect(caspian.publishedAt).not.toBeNull();
    expect(caspian.parties.map((link) => link.role)).toEqual(['SIGNATORY', 'SIGNATORY']);
    expect(caspian.sectors).toHaveLength(1);
    expect(caspian.milestones.map((m) => [m.position, m.title])).toEqual([
      [0, 'Route surveyed'],
      [1, 'Cable laid'],
      [2, 'Cable laid'],
    ]);
    expect(caspian.searchText).toContain('Route surveyed');
    expect(caspian.scoredAt).not.toBeNull();
    expect(caspian.monthlyScores.length).toBeGreaterThan(0);

    const lng = await db.agreement.findUniqueOrThrow({
      where: { id: lngId },
      include: {
        _count: { select: { sourceDocuments: true } },
        parties: true,
        milestones: { where: { archivedAt: null }, orderBy: { position: 'asc' } },
      },
    });
    expect(lng).toMatchObject({ summary: 'Revised summary.', version: lngBefore.version + 1, publication: lngBefore.publication });
    expect(lng._count.sourceDocuments).toBe(lngBefore._count.sourceDocuments);
    expect(lng.parties).toHaveLength(2);
    expect(lng.milestones.find((m) => m.id === cargoes.id)).toMatchObject({
      weight: 2,
      version: cargoes.version + 1,
      position: cargoes.position,
    });
    expect(lng.milestones.at(-1)).toMatchObject({ title: 'Second terminal contract signed', position: lastPosition + 1 });

    // One transaction: every row it inserted carries the same transaction timestamp.
    const created = await db.milestone.findMany({
      where: { agreementId: { in: [caspian.id, lngId] }, createdAt: { gte: caspian.createdAt } },
      select: { createdAt: true },
    });
    expect(created).toHaveLength(4);
    expect(new Set(created.map((row) => row.createdAt.getTime()))).toEqual(new Set([caspian.createdAt.getTime()]));

    const events = await db.auditEvent.findMany({ where: { id: { gt: BigInt(auditBefore) } }, orderBy: { id: 'asc' } });
    expect(events.map((event) => event.action)).toEqual([
      'agreement.import-create',
      'agreement.import-update',
      'milestone.import-create',
      'milestone.import-create',
      'milestone.import-create',
      'milestone.import-create',
      'milestone.import-update',
    ]);
    expect(events.every((event) => event.actorId === admin.id)).toBe(true);
    expect(events[1]).toMatchObject({
      entityId: lngId,
      before: { summary: expect.stringContaining('Pakistani delegation') },
      after: { summary: 'Revised summary.' },
    });
    expect(events[6]).toMatchObject({ entityId: cargoes.id, before: { weight: 3 }, after: { weight: 2 } });
    expect(await verifyStoredChain(db)).toMatchObject({ ok: true });
    expect(invalidatedTags).toEqual(
      expect.arrayContaining([PUBLIC_AGREEMENTS_TAG, publicAgreementTag(caspian.id), publicAgreementTag(lngId)]),
    );

    // The same files again change nothing, so nothing is written: no versions, no events.
    const again = previewOf(await checkFiles({ agreements, milestones }));
    expect(again.files.map((file) => file.rows.map((row) => row.outcome))).toEqual([
      ['unchanged', 'unchanged'],
      ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged'],
    ]);
    expect(await expectNothingWritten(() => importChecked(again))).toMatchObject({
      status: 'success',
      data: { agreements: { unchanged: 2 }, milestones: { unchanged: 5 } },
    });
  });

  it('refuses files that changed since the check, or that match records changed since, writing nothing and showing the new check', async () => {
    await actAs(admin);
    const agreements = csvOf(AGREEMENT_HEADER, [newAgreement('grid-study'), newAgreement('hydro-study')]);
    const preview = previewOf(await checkFiles({ agreements }));
    expect(preview.valid).toBe(true);
    const upload = await db.importUpload.findUniqueOrThrow({ where: { id: preview.uploadId! } });

    // The files the import would read are not the ones the admin saw checked.
    const tampered = csvOf(AGREEMENT_HEADER, [newAgreement('grid-study', { kind: 'NOPE' })]);
    await db.importUpload.update({ where: { id: preview.uploadId! }, data: { agreements: tampered } });
    const refused = await expectNothingWritten(() => importChecked(preview));
    expect(refused).toMatchObject({ status: 'error', error: 'changed' });
    expect(problemsOf(previewOf(refused))).toEqual({ agreements: ['2 kind notOneOf'] });

    // Someone creates one of the agreements meanwhile: the row would now update it, not create it.
    await db.importUpload.update({ where: { id: upload.id }, data: { agreements: upload.agreements } });
    await db.agreement.create({ data: { slug: 'hydro-study', title: 'Hydro study', kind: 'MOU', status: 'SIGNED' } });
    const stale = await expectNothingWritten(() => importChecked(preview));
    expect(stale).toMatchObject({ status: 'error', error: 'changed' });
    expect(previewOf(stale).files[0]!.rows.map((row) => row.outcome)).toEqual(['create', 'update']);
  });

  it('leaves the register as it was when a write fails halfway', async () => {
    await actAs(admin);
    const preview = previewOf(
      await checkFiles({
        agreements: csvOf(AGREEMENT_HEADER, [newAgreement('doomed-link')]),
        milestones: csvOf(MILESTONE_HEADER, [oneOff('doomed-link', 'Never written')]),
      }),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await withClient(async (client) => {
      await client.query(
        `create function fail_audit() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`,
      );
      await client.query('create trigger fail_audit before insert on audit_event for each statement execute function fail_audit()');
    });
    try {
      const before = await databaseFingerprint();
      expect(await importChecked(preview)).toMatchObject({ status: 'error', error: 'unexpected' });
      expect(await databaseFingerprint()).toBe(before);
    } finally {
      await withClient(async (client) => {
        await client.query('drop trigger fail_audit on audit_event');
        await client.query('drop function fail_audit()');
      });
    }
  });
});

describe('the upload route', () => {
  const big = (bytes: number) => new File([new Uint8Array(bytes).fill(0x61)], 'agreements.csv', { type: 'text/csv' });
  const formWith = (file: File) => {
    const form = new FormData();
    form.append('agreementsFile', file);
    return form;
  };

  it('checks the admin before it reads anything: signed out to sign-in, analysts refused', async () => {
    const before = await db.importUpload.count();
    await actAs(null);
    const signedOut = await uploadForm(formWith(big(10)));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/sign-in?callbackUrl=%2Fadmin%2Fimport');
    await actAs(await createUser({ role: 'ANALYST' }));
    expect((await expectNothingWritten(() => uploadForm(formWith(big(10))))).status).toBe(403);
    expect(await db.importUpload.count()).toBe(before);
  });

  it('answers 413 for a file past 8 MB, stopping there, and for an upload declaring more than both files', async () => {
    await actAs(admin);
    const before = await db.importUpload.count();
    const response = await uploadForm(formWith(big(8 * 1024 * 1024 + 1)));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('Agreements file (CSV): This file is too large: at most 8 MB.');
    const declared = await uploadForm(formWith(big(10)), { 'content-length': String(17 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(await db.importUpload.count()).toBe(before);
  });

  it('refuses a cross-origin post, and a file that is not UTF-8 text or holds NUL, naming the field', async () => {
    await actAs(admin);
    expect((await uploadForm(formWith(big(10)), { origin: 'https://evil.example' })).status).toBe(403);
    const nul = await uploadForm(formWith(new File([`${AGREEMENT_HEADER.join(',')}\r\na\u0000b\r\n`], 'agreements.csv')));
    expect(nul.headers.get('location')).toBe('/admin/import?error=unreadable&field=agreementsFile');
    const latin1 = await uploadForm(formWith(new File([new Uint8Array([0x73, 0x6c, 0x75, 0x67, 0x0d, 0x0a, 0xe9])], 'agreements.csv')));
    expect(latin1.headers.get('location')).toBe('/admin/import?error=unreadable&field=agreementsFile');
  });
});
