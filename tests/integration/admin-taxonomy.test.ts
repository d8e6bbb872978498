import { beforeAll, describe, expect, it } from 'vitest';
import { createPartyAction, mergePartyAction, updatePartyAction } from '../../app/(signed-in)/admin/parties/actions.ts';
import { createSectorAction, mergeSectorAction } from '../../app/(signed-in)/admin/sectors/actions.ts';
import { viewerFromSessionToken } from '../../lib/auth/session.ts';
import { PUBLIC_TAXONOMY_TAG, publicAgreementTag } from '../../lib/cache-tags.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { expectNothingWritten, submit } from '../support/actions.ts';
import { actAs, createUser, sessionTokenFor, testDb } from '../support/auth.ts';
import { invalidatedTags } from '../support/next-request.ts';

const db = testDb();
let admin: { id: string; sessionVersion: number };

async function createParty(slug: string) {
  const result = await submit(createPartyAction, { slug, name: `Party ${slug}`, kind: 'GOVERNMENT_BODY', countryCode: 'pk' });
  expect(result, JSON.stringify(result)).toMatchObject({ status: 'redirect' });
  return db.party.findFirstOrThrow({ where: { slug, archivedAt: null } });
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  admin = await createUser({ role: 'ADMIN', twoFactor: true });
});

describe('parties and sectors', () => {
  it('are created and edited with the version check; a taken slug or a bad country code is refused at its field', async () => {
    await actAs(admin);
    const party = await createParty('wapda');
    expect(party).toMatchObject({ countryCode: 'PK', shortName: null, version: 1 });
    const badCountry = await expectNothingWritten(() =>
      submit(createPartyAction, { slug: 'socar-2', name: 'SOCAR again', kind: 'STATE_COMPANY', countryCode: 'Azerbaijan' }),
    );
    expect(badCountry).toMatchObject({
      status: 'error',
      error: 'invalid',
      fieldErrors: { countryCode: ['countryCode'] },
      values: { name: 'SOCAR again', countryCode: 'Azerbaijan' },
    });
    const takenSlug = await expectNothingWritten(() =>
      submit(createPartyAction, { slug: 'socar', name: 'SOCAR again', kind: 'STATE_COMPANY', countryCode: 'AZ' }),
    );
    expect(takenSlug).toMatchObject({ status: 'error', error: 'invalid', fieldErrors: { slug: ['slugTaken'] } });

    const edit = {
      id: party.id,
      slug: 'wapda',
      name: 'Water and Power Development Authority',
      shortName: 'WAPDA',
      kind: 'GOVERNMENT_BODY',
      countryCode: 'PK',
    };
    expect(await submit(updatePartyAction, { ...edit, version: 1 })).toMatchObject({ status: 'success' });
    expect(await expectNothingWritten(() => submit(updatePartyAction, { ...edit, version: 1, name: 'Stale' }))).toMatchObject({
      status: 'error',
      error: 'conflict',
      current: { name: 'Water and Power Development Authority', version: 2 },
    });
    expect(invalidatedTags).toContain(PUBLIC_TAXONOMY_TAG);
  });

  it('merge a duplicate party into the survivor: links move once, milestones, users (signed out) and reports follow, and the duplicate is archived', async () => {
    await actAs(admin);
    const socar = seedId('party', 'socar');
    const lng = seedId('agreement', 'lng-supply-socar');
    const duplicate = await createParty('socar-duplicate');
    // The duplicate is a signatory of the LNG agreement, as SOCAR already is, and implements it.
    await db.agreementParty.createMany({
      data: [
        { agreementId: lng, partyId: duplicate.id, role: 'SIGNATORY' },
        { agreementId: lng, partyId: duplicate.id, role: 'IMPLEMENTING' },
      ],
    });
    const milestone = await db.milestone.findFirstOrThrow({ where: { agreementId: lng }, select: { id: true } });
    await db.milestone.update({ where: { id: milestone.id }, data: { responsiblePartyId: duplicate.id } });
    const analyst = await createUser({ role: 'ANALYST', partyId: duplicate.id });
    const token = await sessionTokenFor(analyst);
    const update = await db.progressUpdate.create({
      data: {
        milestoneId: milestone.id,
        agreementId: lng,
        authorId: analyst.id,
        authorSideId: duplicate.id,
        observedOn: new Date('2026-10-01'),
        status: 'IN_PROGRESS',
        progress: 20,
      },
    });
    invalidatedTags.length = 0;

    const result = await submit(mergePartyAction, { id: duplicate.id, version: duplicate.version, survivorId: socar });
    expect(result).toEqual({ status: 'redirect', to: `/admin/parties/${socar}?notice=merged` });
    const links = await db.agreementParty.findMany({
      where: { agreementId: lng, partyId: { in: [socar, duplicate.id] } },
      select: { partyId: true, role: true },
      orderBy: { role: 'asc' },
    });
    expect(links).toEqual([
      { partyId: socar, role: 'SIGNATORY' },
      { partyId: socar, role: 'IMPLEMENTING' },
    ]);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).responsiblePartyId).toBe(socar);
    expect((await db.user.findUniqueOrThrow({ where: { id: analyst.id } })).partyId).toBe(socar);
    expect(await viewerFromSessionToken(token)).toEqual({ kind: 'public', role: 'PUBLIC' });
    expect((await db.progressUpdate.findUniqueOrThrow({ where: { id: update.id } })).authorSideId).toBe(socar);
    expect(await db.party.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({
      mergedIntoId: socar,
      archivedAt: expect.any(Date),
    });
    expect(invalidatedTags).toEqual(expect.arrayContaining([PUBLIC_TAXONOMY_TAG, publicAgreementTag(lng)]));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'party.merge', entityId: duplicate.id } });
    expect(event.after).toMatchObject({ survivor: 'socar', moved: { agreementLinks: 2, milestones: 1, users: 1, updates: 1 } });

    // An archived party cannot be merged again, and nothing merges into itself.
    expect(await expectNothingWritten(() => submit(mergePartyAction, { id: duplicate.id, version: 2, survivorId: socar }))).toMatchObject({
      status: 'error',
      error: 'archived',
    });
    expect(await expectNothingWritten(() => submit(mergePartyAction, { id: socar, version: 1, survivorId: socar }))).toMatchObject({
      status: 'error',
      fieldErrors: { survivorId: ['mergeIntoSelf'] },
    });
  });

  it('merge a duplicate sector into the survivor, skipping agreements already in it', async () => {
    await actAs(admin);
    const energy = seedId('sector', 'energy-infrastructure');
    const lng = seedId('agreement', 'lng-supply-socar');
    // The LNG agreement is in the energy sector already; the e-government one is not.
    const other = seedId('agreement', 'nadra-asan-e-government-exchange');
    expect(await db.agreementSector.count({ where: { agreementId: lng, sectorId: energy } })).toBe(1);
    expect(await db.agreementSector.count({ where: { agreementId: other, sectorId: energy } })).toBe(0);
    expect(await submit(createSectorAction, { slug: 'energy', name: 'Energy' })).toMatchObject({ status: 'redirect' });
    const duplicate = await db.sector.findFirstOrThrow({ where: { slug: 'energy' } });
    await db.agreementSector.createMany({ data: [lng, other].map((agreementId) => ({ agreementId, sectorId: duplicate.id })) });

    expect(await submit(mergeSectorAction, { id: duplicate.id, version: 1, survivorId: energy })).toMatchObject({ status: 'redirect' });
    expect(await db.agreementSector.count({ where: { sectorId: duplicate.id } })).toBe(0);
    for (const agreementId of [lng, other]) expect(await db.agreementSector.count({ where: { agreementId, sectorId: energy } })).toBe(1);
    expect(await db.sector.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({
      mergedIntoId: energy,
      archivedAt: expect.any(Date),
    });
  });
});
