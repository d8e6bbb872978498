import { beforeAll, describe, expect, it } from 'vitest';
import { loadAgreementDetail } from '../../lib/data/public-agreement-detail.ts';
import { loadPublicSlugs } from '../../lib/data/public-agreements.ts';
import { todayIso } from '../../lib/dates.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';

let ids: Record<string, string>;
const today = todayIso();

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  ids = await loadPublicSlugs();
});

async function detail(slug: string, asOf: string | null = null) {
  const found = await loadAgreementDetail(ids[slug]!, asOf, today);
  if (!found) throw new Error(`${slug} not found`);
  return found;
}

describe('an agreement page', () => {
  it('shows the agreement with its parties by role, sectors, dates and source documents', async () => {
    const lng = await detail('lng-supply-socar');
    expect(lng).toMatchObject({
      slug: 'lng-supply-socar',
      kind: 'CONTRACT',
      status: 'IN_FORCE',
      signedOn: '2023-08-01',
      effectiveOn: '2024-01-01',
      expiresOn: '2026-12-31',
    });
    expect(lng.parties.map((party) => `${party.slug}:${party.role}`)).toEqual([
      'pakistan-lng:SIGNATORY',
      'socar:SIGNATORY',
      'pakistan:OBSERVER',
      'azerbaijan:OBSERVER',
    ]);
    expect(lng.sectors.map((sector) => sector.slug)).toEqual(['energy-infrastructure', 'trade-investment']);
    expect(lng.sourceDocuments.map((doc) => doc.kind)).toEqual(['OFFICIAL_STATEMENT', 'AGREEMENT_TEXT']);
    expect(lng.milestones.map((milestone) => milestone.clauseRef)).toEqual(['Clause 2', 'Clause 4.1']);
    expect(lng.milestones[1]!.responsibleParty).toEqual({
      slug: 'socar',
      name: 'State Oil Company of the Azerbaijan Republic',
      shortName: 'SOCAR',
    });
  });

  it('keeps a recurring obligation ledger of expected against delivered quantities, with the compliance rate', async () => {
    const cargoes = (await detail('lng-supply-socar', '2025-12-31')).milestones.find((milestone) => milestone.kind === 'RECURRING')!;
    expect(cargoes.ledger).toHaveLength(24);
    expect(cargoes.ledger![0]).toEqual({ start: '2024-01-01', end: '2024-01-31', expected: 1, delivered: 1, state: 'DELIVERED' });
    expect(cargoes.ledger![3]).toMatchObject({ start: '2024-04-01', delivered: 0, state: 'MISSED' });
    expect(cargoes.compliance).toEqual({ expected: 24, delivered: 20, rate: 20 / 24 });
    expect(cargoes.score).toBeCloseTo((100 * 20) / 24, 9);
  });

  it('shows a numeric target as baseline, latest actual value and target', async () => {
    const visits = (await detail('defence-cooperation-mou-2020')).milestones.find((milestone) => milestone.title.startsWith('Visits'))!;
    expect([visits.baseline, visits.actualValue, visits.target, visits.score]).toEqual([0, 6, 10, 60]);
    expect(visits.overdue).toBe(today > '2025-12-31');
  });

  it('shows each side latest verified assessment and the gap where both sides assessed a milestone', async () => {
    const nadra = await detail('nadra-asan-e-government-exchange', '2025-12-31');
    const pilot = nadra.milestones.find((milestone) => milestone.title.startsWith('Pilot'))!;
    // Sides in the order of their names: Islamic Republic of Pakistan, Republic of Azerbaijan.
    expect(pilot.sides!.assessments.map((side) => [side.side.slug, side.score, side.status])).toEqual([
      ['pakistan', 70, 'IN_PROGRESS'],
      ['azerbaijan', 30, 'DELAYED'],
    ]);
    expect(pilot.sides!.gap).toBe(40);
    expect(nadra.milestones.filter((milestone) => milestone.sides)).toHaveLength(1);
    const trade = (await detail('trade-investment-mou-2020')).milestones.find((milestone) => milestone.kind === 'TARGET')!;
    expect(trade.sides!.gap).toBeCloseTo(10, 9);
  });

  it('lists verified updates with their evidence and side, keeping a superseded update marked with its correction', async () => {
    const scholarships = await detail('scholarships-exchange-programme');
    const original = scholarships.updates.find((update) => update.id === seedId('update', 'sch-pk-2024'))!;
    const correction = scholarships.updates.find((update) => update.id === seedId('update', 'sch-pk-2024-correction'))!;
    expect(original.supersededBy).toEqual({ id: correction.id, observedOn: '2024-10-01', correctionReason: correction.correctionReason });
    expect(correction).toMatchObject({
      supersedesId: original.id,
      supersededBy: null,
      side: { slug: 'azerbaijan', shortName: 'Azerbaijan' },
    });
    expect(correction.evidence).toEqual([
      {
        url: 'https://example.org/edu-az/2024/enrolment',
        title: 'Enrolment statistics for international students',
        publisher: 'Ministry of Science and Education of Azerbaijan',
        publishedOn: null,
        kind: 'DATASET',
      },
    ]);
    const target = scholarships.milestones.find((milestone) => milestone.title.startsWith('Scholarships awarded to Pakistani'))!;
    expect(target.actualValue).toBe(15);
  });

  it('never shows pending or rejected updates, nor who reviewed anything', async () => {
    const film = await detail('film-drama-exchange-mou');
    expect(film.updates.map((update) => update.narrative)).not.toContain(
      'Co-production agreement close to signature after the joint film festival.',
    );
    const health = await detail('health-workforce-mou');
    expect(health.updates).toHaveLength(1);
    expect(JSON.stringify([film, health])).not.toMatch(/reviewNote|review_note|authorId|reviewerId|@ittifaq\.demo|Siddiqui|Mammadov/);
  });

  it('shows scores and the timeline as they stood at the end of a past day', async () => {
    const past = await detail('scholarships-exchange-programme', '2024-11-01');
    expect(past.updates.map((update) => update.id)).toContain(seedId('update', 'sch-pk-2024'));
    expect(past.updates.map((update) => update.id)).not.toContain(seedId('update', 'sch-pk-2024-correction'));
    expect(past.updates.find((update) => update.id === seedId('update', 'sch-pk-2024'))!.supersededBy).toBeNull();
    expect(past.updates.every((update) => update.observedOn <= '2024-11-01' && update.verifiedAt < '2024-11-02')).toBe(true);
    const lng = await detail('lng-supply-socar', '2023-12-31');
    expect(lng.score).toBeCloseTo(25, 9);
    expect(lng.band).toBe('MINIMAL');
    expect(lng.history.at(-1)).toEqual({ month: '2023-12-01', score: lng.score });
  });

  it('ends its score history with the score it states', async () => {
    const lng = await detail('lng-supply-socar');
    expect(lng.history[0]!.month).toBe('2023-08-01');
    expect(lng.history.at(-1)!.score).toBe(lng.score);
  });

  it('does not exist for drafts', async () => {
    expect(await loadAgreementDetail(seedId('agreement', 'it-outsourcing-partnership'), null, today)).toBeNull();
  });
});
