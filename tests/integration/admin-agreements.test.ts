import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeAgreementStateAction,
  createAgreementAction,
  updateAgreementAction,
} from '../../app/(signed-in)/admin/agreements/actions.ts';
import { assignAnalystAction, unassignAnalystAction } from '../../app/(signed-in)/admin/assignments/actions.ts';
import { publicAgreementTag } from '../../lib/cache-tags.ts';
import { loadPublicSlugs } from '../../lib/data/public-agreements.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { expectNothingWritten, submit } from '../support/actions.ts';
import { actAs, createUser, testDb } from '../support/auth.ts';
import { invalidatedTags } from '../support/next-request.ts';

const db = testDb();
let admin: { id: string; sessionVersion: number };

const agreementFields = (slug: string) => ({
  slug,
  title: `Agreement ${slug}`,
  kind: 'MOU',
  status: 'SIGNED',
  signedOn: '2026-02-01',
  summary: 'Cooperation in power.',
  'parties[0].partyId': seedId('party', 'pakistan'),
  'parties[0].role': 'SIGNATORY',
  'parties[1].partyId': seedId('party', 'azerbaijan'),
  'parties[1].role': 'SIGNATORY',
  'parties[2].partyId': '',
  'parties[2].role': 'SIGNATORY',
  'sectors[0]': seedId('sector', 'energy-infrastructure'),
  'documents[0].title': 'Joint statement',
  'documents[0].url': 'https://example.org/statement',
  'documents[0].kind': 'OFFICIAL_STATEMENT',
  'documents[0].publishedOn': '',
  'documents[1].title': '',
  'documents[1].url': '',
  'documents[1].kind': 'AGREEMENT_TEXT',
  'documents[1].publishedOn': '',
});

async function createAgreement(slug: string): Promise<string> {
  const result = await submit(createAgreementAction, agreementFields(slug));
  expect(result.status, JSON.stringify(result)).toBe('redirect');
  return (await db.agreement.findFirstOrThrow({ where: { slug, archivedAt: null }, select: { id: true } })).id;
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  admin = await createUser({ role: 'ADMIN', twoFactor: true });
});

describe('agreements in the admin console', () => {
  it('are created as drafts with their parties, sectors and sources, blank rows ignored, and audited with what they hold', async () => {
    await actAs(admin);
    const id = await createAgreement('power-link');
    const stored = await db.agreement.findUniqueOrThrow({
      where: { id },
      select: {
        publication: true,
        searchText: true,
        parties: { select: { role: true } },
        sectors: true,
        sourceDocuments: { select: { title: true } },
      },
    });
    expect(stored).toMatchObject({
      publication: 'DRAFT',
      parties: [{ role: 'SIGNATORY' }, { role: 'SIGNATORY' }],
      sourceDocuments: [{ title: 'Joint statement' }],
    });
    expect(stored.sectors).toHaveLength(1);
    expect(stored.searchText).toContain('Cooperation in power.');
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'agreement.create' } });
    expect(event.actorId).toBe(admin.id);
    expect(event.after).toMatchObject({
      slug: 'power-link',
      parties: ['azerbaijan (SIGNATORY)', 'pakistan (SIGNATORY)'],
      sectors: ['energy-infrastructure'],
    });
  });

  it('refuse invalid input field by field, keep what was typed, and write nothing', async () => {
    await actAs(admin);
    const result = await expectNothingWritten(() =>
      submit(createAgreementAction, {
        ...agreementFields('Not A Slug'),
        title: ' ',
        kind: 'NOT_A_KIND',
        effectiveOn: '2026-05-01',
        expiresOn: '2026-04-30',
        'documents[1].title': 'Annex',
        'documents[1].url': 'ftp://example.org/annex',
      }),
    );
    expect(result).toMatchObject({
      status: 'error',
      error: 'invalid',
      fieldErrors: {
        slug: ['slugFormat'],
        title: ['required'],
        kind: ['invalidChoice'],
        expiresOn: ['endBeforeStart'],
        'documents.1.url': ['invalidUrl'],
      },
      values: { slug: 'Not A Slug', documents: [{ title: 'Joint statement' }, { title: 'Annex' }] },
    });
  });

  it('refuse a slug another live agreement uses', async () => {
    await actAs(admin);
    const result = await expectNothingWritten(() => submit(createAgreementAction, agreementFields('lng-supply-socar')));
    expect(result).toMatchObject({ status: 'error', error: 'invalid', fieldErrors: { slug: ['slugTaken'] } });
  });

  it('save an edit made against the stored version, and refuse a stale one as a conflict that shows what is stored now', async () => {
    await actAs(admin);
    const id = await createAgreement('grid-study');
    const first = await submit(updateAgreementAction, { ...agreementFields('grid-study'), id, version: 1, title: 'Grid study (revised)' });
    expect(first).toMatchObject({ status: 'success', message: 'saved' });
    expect(invalidatedTags).toContain(publicAgreementTag(id));

    const stale = await expectNothingWritten(() =>
      submit(updateAgreementAction, { ...agreementFields('grid-study'), id, version: 1, title: 'Grid study (other tab)' }),
    );
    expect(stale).toMatchObject({
      status: 'error',
      error: 'conflict',
      current: { title: 'Grid study (revised)', version: 2 },
      values: { title: 'Grid study (other tab)' },
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: 'agreement.update' } });
    expect(event.before).toMatchObject({ title: 'Agreement grid-study' });
    expect(event.after).toMatchObject({ title: 'Grid study (revised)' });
  });

  it('are published and unpublished: the public list follows, and the public caches are invalidated', async () => {
    await actAs(admin);
    const id = await createAgreement('published-link');
    invalidatedTags.length = 0;
    expect(await submit(changeAgreementStateAction, { id, version: 1, change: 'publish' })).toMatchObject({
      status: 'success',
      message: 'publish',
    });
    expect(Object.keys(await loadPublicSlugs())).toContain('published-link');
    expect(invalidatedTags).toEqual(expect.arrayContaining(['public:agreements', publicAgreementTag(id)]));
    expect(await submit(changeAgreementStateAction, { id, version: 2, change: 'unpublish' })).toMatchObject({ status: 'success' });
    expect(Object.keys(await loadPublicSlugs())).not.toContain('published-link');
    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' }, select: { action: true } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['agreement.create', 'agreement.publish', 'agreement.unpublish']);
  });

  it('are archived, which frees their slug; restoring is refused, naming the rule, while a live agreement uses it', async () => {
    await actAs(admin);
    const id = await createAgreement('reused-slug');
    await submit(changeAgreementStateAction, { id, version: 1, change: 'publish' });
    expect(await submit(changeAgreementStateAction, { id, version: 2, change: 'archive' })).toMatchObject({ status: 'success' });
    expect(Object.keys(await loadPublicSlugs())).not.toContain('reused-slug');
    const successor = await createAgreement('reused-slug');

    const refused = await expectNothingWritten(() => submit(changeAgreementStateAction, { id, version: 3, change: 'restore' }));
    expect(refused).toMatchObject({ status: 'error', error: 'slugInUse' });
    await submit(updateAgreementAction, { ...agreementFields('reused-slug-2026'), id: successor, version: 1 });
    expect(await submit(changeAgreementStateAction, { id, version: 3, change: 'restore' })).toMatchObject({ status: 'success' });
    expect(await db.agreement.findUniqueOrThrow({ where: { id }, select: { archivedAt: true, publication: true } })).toEqual({
      archivedAt: null,
      publication: 'PUBLISHED',
    });
  });

  it('have analysts assigned and unassigned, audited on the agreement; admins cannot be assigned', async () => {
    await actAs(admin);
    const id = await createAgreement('assigned-link');
    const analyst = await createUser({ role: 'ANALYST', partyId: seedId('party', 'pakistan') });
    expect(await submit(assignAnalystAction, { agreementId: id, userId: analyst.id })).toMatchObject({ status: 'success' });
    expect(await submit(assignAnalystAction, { agreementId: id, userId: analyst.id })).toMatchObject({ status: 'success' });
    const refused = await expectNothingWritten(() => submit(assignAnalystAction, { agreementId: id, userId: admin.id }));
    expect(refused).toMatchObject({ status: 'error', error: 'invalid', fieldErrors: { userId: ['invalidChoice'] } });
    expect(await db.assignment.count({ where: { agreementId: id } })).toBe(1);
    expect(await submit(unassignAnalystAction, { agreementId: id, userId: analyst.id })).toMatchObject({ status: 'success' });
    expect(await db.assignment.count({ where: { agreementId: id } })).toBe(0);
    const events = await db.auditEvent.findMany({
      where: { entityType: 'agreement', entityId: id, action: { startsWith: 'assignment.' } },
      orderBy: { id: 'asc' },
    });
    expect(events.map((event) => [event.action, event.after ?? event.before])).toEqual([
      ['assignment.add', { analyst: analyst.email, userId: analyst.id }],
      ['assignment.remove', { analyst: analyst.email, userId: analyst.id }],
    ]);
  });
});
