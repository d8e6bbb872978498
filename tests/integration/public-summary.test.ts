import { beforeAll, describe, expect, it } from 'vitest';
import { listAgreements } from '../../lib/data/public-agreements.ts';
import { loadGroupScores, loadLatestUpdates, loadSummary } from '../../lib/data/public-summary.ts';
import { todayIso } from '../../lib/dates.ts';
import { meanScore } from '../../lib/scoring/index.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';

const today = todayIso();

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

describe('the dashboard summary', () => {
  it('scores the relationship as the mean of the signed published agreements', async () => {
    const summary = await loadSummary({ kind: 'all' }, null, today);
    const signed = (await listAgreements({}, { all: true })).items.filter((item) => item.status !== 'UNDER_NEGOTIATION');
    expect(summary.agreementCount).toBe(10);
    expect(summary.counted).toBe(9);
    expect(summary.score).toBeCloseTo(meanScore(signed.map((item) => item.score))!, 9);
  });

  it('counts agreements by lifecycle status, drafts excluded', async () => {
    const { statusCounts } = await loadSummary({ kind: 'all' }, null, today);
    expect(statusCounts).toEqual([
      { status: 'UNDER_NEGOTIATION', count: 1 },
      { status: 'SIGNED', count: 3 },
      { status: 'IN_FORCE', count: 6 },
    ]);
  });

  it('lists overdue milestones and those due within ninety days, as of the day', async () => {
    const mid2025 = await loadSummary({ kind: 'all' }, '2025-06-30', today);
    expect(mid2025.overdue.items.map((item) => item.title).sort()).toEqual([
      'Film co-production agreement concluded',
      'Framework for mutual recognition of medical qualifications',
      'Preferential trade agreement negotiated',
    ]);
    expect(mid2025.overdue.count).toBe(3);
    const autumn = await loadSummary({ kind: 'all' }, '2025-10-15', today);
    expect(autumn.dueSoon.items.map((item) => item.title).sort()).toEqual([
      'Bilateral trade reaches USD 100 million a year',
      'Pilot one-stop service centre in Pakistan on the ASAN model',
      'Visits by senior military officials exchanged',
    ]);
  });

  it('shows the latest verified updates as of the day, newest verification first, with their side', async () => {
    const updates = await loadLatestUpdates({ kind: 'all' }, '2023-12-31', 3);
    expect(updates[0]).toMatchObject({
      id: seedId('update', 'sch-az-2023'),
      side: { slug: 'pakistan' },
      agreement: { slug: 'scholarships-exchange-programme' },
    });
    expect(updates.every((update) => update.verifiedAt < '2024-01-01')).toBe(true);
    const verifiedTimes = updates.map((update) => update.verifiedAt);
    expect(verifiedTimes).toEqual([...verifiedTimes].sort().reverse());
  });

  it('charts the relationship month by month from the first signature, ending at the headline score', async () => {
    const summary = await loadSummary({ kind: 'all' }, '2024-12-31', today);
    expect(summary.history[0]!.month).toBe('2020-06-01');
    expect(summary.history.at(-1)).toEqual({ month: '2024-12-01', score: summary.score });
  });

  it('summarises one sector or one party with only their agreements', async () => {
    const energy = await loadSummary({ kind: 'sector', id: seedId('sector', 'energy-infrastructure') }, null, today);
    const lng = (await listAgreements({ kind: 'CONTRACT' })).items[0]!;
    expect([energy.agreementCount, energy.counted, energy.score]).toEqual([2, 1, lng.score]);
    const socar = await loadSummary({ kind: 'party', id: seedId('party', 'socar') }, null, today);
    expect(
      socar.latestUpdates.every((update) =>
        ['lng-supply-socar', 'energy-infrastructure-investment-declaration'].includes(update.agreement.slug),
      ),
    ).toBe(true);
  });
});

describe('sector and party scores', () => {
  it('score every live sector and party from the published agreements linked to it', async () => {
    const { sectors, parties } = await loadGroupScores(null, today);
    expect(sectors.map((sector) => sector.slug)).toContain('health');
    const energy = sectors.find((sector) => sector.slug === 'energy-infrastructure')!;
    expect([energy.agreementCount, energy.counted]).toEqual([2, 1]);
    const pakistan = parties.find((party) => party.slug === 'pakistan')!;
    // Defence, trade, LNG (as observer) and the unsigned energy declaration; the draft is left out.
    expect([pakistan.agreementCount, pakistan.counted]).toEqual([4, 3]);
    expect(pakistan.party).toEqual({ kind: 'STATE', countryCode: 'PK' });
  });

  it('have no score before anything was signed', async () => {
    const { sectors } = await loadGroupScores('2019-12-31', today);
    expect(sectors.every((sector) => sector.score === null && sector.band === null)).toBe(true);
  });
});
