import { beforeAll, describe, expect, it } from 'vitest';
import {
  changeMilestoneStateAction,
  createMilestoneAction,
  moveMilestoneAction,
  updateMilestoneAction,
} from '../../app/(signed-in)/admin/agreements/[id]/milestones/actions.ts';
import { publicAgreementTag } from '../../lib/cache-tags.ts';
import { createAgreement } from '../../lib/data/admin/agreements.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { expectNothingWritten, submit } from '../support/actions.ts';
import { adminViewer } from '../support/admin.ts';
import { actAs, createUser, testDb } from '../support/auth.ts';
import { invalidatedTags } from '../support/next-request.ts';

const db = testDb();
let admin: { id: string; sessionVersion: number };

async function newAgreement(slug: string) {
  const { id } = await createAgreement(await adminViewer(), {
    slug,
    title: `Agreement ${slug}`,
    kind: 'MOU',
    status: 'SIGNED',
    signedOn: new Date('2026-01-01'),
    effectiveOn: null,
    expiresOn: null,
    summary: '',
    parties: [],
    sectors: [],
    documents: [],
  });
  return id;
}

async function addMilestone(agreementId: string, fields: Record<string, string>) {
  const result = await submit(createMilestoneAction, { agreementId, weight: '1', kind: 'ONE_OFF', ...fields });
  expect(result, JSON.stringify(result)).toMatchObject({
    status: 'redirect',
    to: `/admin/agreements/${agreementId}?notice=milestone-created#milestones`,
  });
  return db.milestone.findFirstOrThrow({
    where: { agreementId, title: fields.title },
    select: { id: true, version: true, position: true },
  });
}

const score = async (id: string) => (await db.agreement.findUniqueOrThrow({ where: { id }, select: { score: true } })).score;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  admin = await createUser({ role: 'ADMIN', twoFactor: true });
});

describe('milestones in the admin console', () => {
  it('are created in each of the three kinds, with what each kind needs, at the end of the order', async () => {
    await actAs(admin);
    const agreementId = await newAgreement('three-kinds');
    const oneOff = await addMilestone(agreementId, {
      title: 'Study approved',
      clauseRef: 'Art. 2',
      clauseExcerpt: 'The parties shall…',
      responsiblePartyId: seedId('party', 'socar'),
    });
    const recurring = await addMilestone(agreementId, {
      title: 'Monthly cargoes',
      kind: 'RECURRING',
      frequency: 'MONTHLY',
      quantityPerPeriod: '1',
      unit: 'cargo',
      startsOn: '2026-02-01',
    });
    const target = await addMilestone(agreementId, {
      title: 'Capacity',
      kind: 'TARGET',
      baseline: '0',
      target: '500',
      unit: 'MW',
      weight: '2.5',
    });
    expect([oneOff.position, recurring.position, target.position]).toEqual([0, 1, 2]);
    expect(
      await db.milestone.findUniqueOrThrow({
        where: { id: recurring.id },
        select: { frequency: true, quantityPerPeriod: true, startsOn: true, baseline: true },
      }),
    ).toEqual({ frequency: 'MONTHLY', quantityPerPeriod: 1, startsOn: new Date('2026-02-01'), baseline: null });
    expect(
      await db.milestone.findUniqueOrThrow({ where: { id: oneOff.id }, select: { responsiblePartyId: true, clauseRef: true } }),
    ).toEqual({ responsiblePartyId: seedId('party', 'socar'), clauseRef: 'Art. 2' });
    expect(invalidatedTags).toContain(publicAgreementTag(agreementId));
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: target.id, action: 'milestone.create' } });
    expect(event.after).toMatchObject({ agreementId, kind: 'TARGET', target: 500, weight: 2.5 });
  });

  it('refuse what their kind lacks, field by field, writing nothing', async () => {
    await actAs(admin);
    const agreementId = await newAgreement('refused-kinds');
    const recurring = await expectNothingWritten(() =>
      submit(createMilestoneAction, { agreementId, title: 'Cargoes', weight: '1', kind: 'RECURRING', unit: 'cargo' }),
    );
    expect(recurring).toMatchObject({
      status: 'error',
      error: 'invalid',
      fieldErrors: { frequency: ['required'], quantityPerPeriod: ['required'], startsOn: ['required'] },
    });
    const target = await expectNothingWritten(() =>
      submit(createMilestoneAction, {
        agreementId,
        title: 'Capacity',
        weight: '0',
        kind: 'TARGET',
        baseline: '3',
        target: '3',
        unit: 'MW',
      }),
    );
    expect(target).toMatchObject({ status: 'error', fieldErrors: { weight: ['positive'], target: ['baselineEqualsTarget'] } });
    const archivedParty = await db.party.create({
      data: { slug: 'gone-party', name: 'Gone', kind: 'COMPANY', countryCode: 'PK', archivedAt: new Date() },
    });
    const party = await expectNothingWritten(() =>
      submit(createMilestoneAction, { agreementId, title: 'Study', weight: '1', kind: 'ONE_OFF', responsiblePartyId: archivedParty.id }),
    );
    expect(party).toMatchObject({ status: 'error', fieldErrors: { responsiblePartyId: ['invalidChoice'] } });
  });

  it("recompute the agreement's score when their weight changes or they are archived or restored", async () => {
    await actAs(admin);
    const agreementId = await newAgreement('recomputed');
    const done = await addMilestone(agreementId, { title: 'Done' });
    const open = await addMilestone(agreementId, { title: 'Open', weight: '3' });
    const analyst = await createUser({ role: 'ANALYST', partyId: seedId('party', 'pakistan') });
    await db.progressUpdate.create({
      data: {
        milestoneId: done.id,
        agreementId,
        authorId: analyst.id,
        observedOn: new Date('2026-01-10'),
        status: 'ACHIEVED',
        progress: 100,
        reviewState: 'VERIFIED',
        reviewerId: admin.id,
        reviewedAt: new Date('2026-01-11T09:00:00Z'),
      },
    });
    // The stored score follows only when something recomputes it: edit the open milestone's weight.
    expect(
      await submit(updateMilestoneAction, { id: open.id, version: open.version, title: 'Open', weight: '1', kind: 'ONE_OFF' }),
    ).toMatchObject({ status: 'success' });
    expect(await score(agreementId)).toBe(50);
    expect(await submit(changeMilestoneStateAction, { id: open.id, version: open.version + 1, change: 'archive' })).toMatchObject({
      status: 'success',
      message: 'archive',
    });
    expect(await score(agreementId)).toBe(100);
    expect((await db.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { searchText: true } })).searchText).not.toContain(
      'Open',
    );
    expect(await submit(changeMilestoneStateAction, { id: open.id, version: open.version + 2, change: 'restore' })).toMatchObject({
      status: 'success',
    });
    expect(await score(agreementId)).toBe(50);
    const actions = (await db.auditEvent.findMany({ where: { entityId: open.id }, orderBy: { id: 'asc' }, select: { action: true } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['milestone.create', 'milestone.update', 'milestone.archive', 'milestone.restore']);
  });

  it('refuse an edit made against an old version, showing what is stored now', async () => {
    await actAs(admin);
    const agreementId = await newAgreement('stale-edit');
    const milestone = await addMilestone(agreementId, { title: 'First title' });
    await submit(updateMilestoneAction, { id: milestone.id, version: 1, title: 'Second title', weight: '1', kind: 'ONE_OFF' });
    const stale = await expectNothingWritten(() =>
      submit(updateMilestoneAction, { id: milestone.id, version: 1, title: 'Third title', weight: '1', kind: 'ONE_OFF' }),
    );
    expect(stale).toMatchObject({
      status: 'error',
      error: 'conflict',
      current: { title: 'Second title', version: 2 },
      values: { title: 'Third title' },
    });
  });

  it('move up and down by swapping with their neighbour; a move from a stale page is refused', async () => {
    await actAs(admin);
    const agreementId = await newAgreement('reordered');
    const a = await addMilestone(agreementId, { title: 'A' });
    const b = await addMilestone(agreementId, { title: 'B' });
    const c = await addMilestone(agreementId, { title: 'C' });
    const order = async () =>
      (
        await db.milestone.findMany({ where: { agreementId, archivedAt: null }, orderBy: { position: 'asc' }, select: { title: true } })
      ).map((m) => m.title);

    expect(await submit(moveMilestoneAction, { id: c.id, version: c.version, direction: 'up' })).toMatchObject({ status: 'success' });
    expect(await order()).toEqual(['A', 'C', 'B']);
    // B moved too (C took its place), so a move of B from the page loaded before is stale.
    expect(await expectNothingWritten(() => submit(moveMilestoneAction, { id: b.id, version: b.version, direction: 'up' }))).toMatchObject({
      status: 'error',
      error: 'conflict',
    });
    expect(await submit(moveMilestoneAction, { id: a.id, version: a.version, direction: 'down' })).toMatchObject({ status: 'success' });
    expect(await order()).toEqual(['C', 'A', 'B']);
    // The first cannot move up: nothing changes.
    const first = await db.milestone.findUniqueOrThrow({ where: { id: c.id }, select: { version: true } });
    expect(
      await expectNothingWritten(() => submit(moveMilestoneAction, { id: c.id, version: first.version, direction: 'up' })),
    ).toMatchObject({ status: 'success' });
  });
});
