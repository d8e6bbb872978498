import { beforeAll, describe, expect, it } from 'vitest';
import { listAgreements, loadPublicSlugs, loadSignedYears } from '../../lib/data/public-agreements.ts';
import { loadScoresAsOf } from '../../lib/data/public-scores.ts';
import { loadPartyFilterOptions } from '../../lib/data/public-taxonomy.ts';
import type { AgreementFilterInput, AgreementSort } from '../../lib/validation/public-query.ts';
import { seedDemo } from '../../prisma/seed/index.ts';

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

async function slugs(filters: AgreementFilterInput, sort?: AgreementSort) {
  return (await listAgreements(filters, { sort, all: true })).items.map((item) => item.slug);
}

describe('the public agreement list', () => {
  it('holds every published agreement and never the draft', async () => {
    const list = await listAgreements({}, { perPage: 100 });
    expect(list.total).toBe(10);
    expect(list.items.map((item) => item.slug)).not.toContain('it-outsourcing-partnership');
    expect(Object.keys(await loadPublicSlugs())).not.toContain('it-outsourcing-partnership');
  });

  it('filters by sector, party, kind, lifecycle status, signed year and band', async () => {
    expect((await slugs({ sector: 'energy-infrastructure' })).sort()).toEqual([
      'energy-infrastructure-investment-declaration',
      'lng-supply-socar',
    ]);
    expect((await slugs({ party: 'socar' })).sort()).toEqual(['energy-infrastructure-investment-declaration', 'lng-supply-socar']);
    expect(await slugs({ kind: 'CONTRACT' })).toEqual(['lng-supply-socar']);
    expect(await slugs({ status: 'UNDER_NEGOTIATION' })).toEqual(['energy-infrastructure-investment-declaration']);
    expect((await slugs({ signedYear: 2020 })).sort()).toEqual(['defence-cooperation-mou-2020', 'trade-investment-mou-2020']);
    expect((await slugs({ band: 'NOT_INITIATED' })).sort()).toEqual([
      'energy-infrastructure-investment-declaration',
      'textiles-fashion-letter-of-intent',
    ]);
    expect(await slugs({ sector: 'it-e-government', kind: 'AGREEMENT' })).toEqual([]);
  });

  it('offers the parties to the most published agreements as filter options, by name', async () => {
    const offered = await loadPartyFilterOptions(1000);
    const counts = new Map<string, number>();
    for (const party of offered) counts.set(party.slug, (await slugs({ party: party.slug })).length);
    // Every party offered has a published agreement, and every party to one is offered.
    expect([...counts.values()].every((count) => count > 0)).toBe(true);
    const linked = new Set((await listAgreements({}, { all: true })).items.flatMap((item) => item.parties.map((party) => party.slug)));
    expect(new Set(counts.keys())).toEqual(linked);

    const busiest = await loadPartyFilterOptions(3);
    expect(busiest).toHaveLength(3);
    expect(busiest.map((party) => party.name)).toEqual(busiest.map((party) => party.name).sort((a, b) => a.localeCompare(b)));
    const fewest = Math.min(...busiest.map((party) => counts.get(party.slug)!));
    const busier = [...counts].filter(([, count]) => count > fewest).map(([slug]) => slug);
    expect(busiest.map((party) => party.slug)).toEqual(expect.arrayContaining(busier));
    expect(busiest.map((party) => party.slug)).toContain('pakistan');
  });

  it('returns each agreement with its sectors and parties by role', async () => {
    const [lng] = (await listAgreements({ kind: 'CONTRACT' })).items;
    expect(lng).toMatchObject({
      slug: 'lng-supply-socar',
      signedOn: '2023-08-01',
      band: 'INTERMEDIATE',
      sectors: [
        { slug: 'energy-infrastructure', name: 'Energy & Infrastructure' },
        { slug: 'trade-investment', name: 'Trade & Investment' },
      ],
    });
    expect(lng!.parties.map((party) => `${party.slug}:${party.role}`)).toEqual([
      'pakistan-lng:SIGNATORY',
      'socar:SIGNATORY',
      'pakistan:OBSERVER',
      'azerbaijan:OBSERVER',
    ]);
  });

  it('finds exact words, word beginnings and small typos in titles, milestones and verified narratives', async () => {
    expect(await slugs({ q: 'cargoes' })).toEqual(['lng-supply-socar']);
    expect(await slugs({ q: 'Port Qasim' })).toEqual(['lng-supply-socar']);
    expect(await slugs({ q: 'schol' })).toEqual(['scholarships-exchange-programme']);
    expect(await slugs({ q: 'scholarhsip' })).toEqual(['scholarships-exchange-programme']);
    expect(await slugs({ q: 'Nakhchivn' })).toEqual(['defence-cooperation-mou-2020']);
    expect(await slugs({ q: 'scholarhsips anounced' })).toEqual(['scholarships-exchange-programme']);
    expect(await slugs({ q: 'Ali and Nino' })).toEqual(['film-drama-exchange-mou']);
  });

  it('never finds drafts or the narratives of pending and rejected updates', async () => {
    expect(await slugs({ q: 'outsourcing' })).toEqual([]);
    expect(await slugs({ q: 'festival' })).toEqual([]);
    expect(await slugs({ q: 'Overseas Employment' })).toEqual([]);
  });

  it('treats punctuation in a search as text, not as query syntax', async () => {
    await expect(slugs({ q: "'); delete from agreement; --" })).resolves.toBeInstanceOf(Array);
    expect(await slugs({ q: '&|!:*()' })).toEqual([]);
    expect(await slugs({ q: 'cargoes:* | !' })).toEqual(['lng-supply-socar']);
    expect((await listAgreements({})).total).toBe(10);
  });

  it('ranks a search by relevance unless another order is asked for', async () => {
    // The LNG contract has LNG in its title and throughout; the energy declaration mentions it once.
    expect(await slugs({ q: 'LNG' })).toEqual(['lng-supply-socar', 'energy-infrastructure-investment-declaration']);
    expect(await slugs({ q: 'LNG' }, 'score-asc')).toEqual(['energy-infrastructure-investment-declaration', 'lng-supply-socar']);
    const byTitle = (await listAgreements({ q: 'joint working group' }, { sort: 'title-asc', all: true })).items.map((item) => item.title);
    expect(byTitle).toEqual([...byTitle].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('sorts by score, signed date and title in both directions, unsigned agreements last by date', async () => {
    const scores = (await listAgreements({}, { sort: 'score-desc', all: true })).items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ascending = (await listAgreements({}, { sort: 'score-asc', all: true })).items.map((item) => item.score);
    expect(ascending).toEqual([...scores].reverse());
    const signed = (await listAgreements({}, { sort: 'signed-desc', all: true })).items.map((item) => item.signedOn);
    expect(signed.at(-1)).toBeNull();
    expect(signed.slice(0, -1)).toEqual([...signed.slice(0, -1)].sort().reverse());
    const oldest = (await listAgreements({}, { sort: 'signed-asc', all: true })).items.map((item) => item.signedOn);
    expect(oldest[0]).toBe('2020-06-15');
    expect(oldest.at(-1)).toBeNull();
    const titles = (await listAgreements({}, { sort: 'title-desc', all: true })).items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'en')));
  });

  it('paginates: pages partition the list and report the totals', async () => {
    const first = await listAgreements({}, { perPage: 4, page: 1 });
    const third = await listAgreements({}, { perPage: 4, page: 3 });
    expect([first.total, first.totalPages, first.items.length, third.items.length]).toEqual([10, 3, 4, 2]);
    const all = (await listAgreements({}, { all: true })).items.map((item) => item.slug);
    const paged = [];
    for (let page = 1; page <= 3; page++) paged.push(...(await listAgreements({}, { perPage: 4, page })).items.map((item) => item.slug));
    expect(paged).toEqual(all);
    expect((await listAgreements({}, { perPage: 4, page: 9 })).items).toEqual([]);
  });

  it('shows scores as of a past day, and filters bands by those scores', async () => {
    const today = await listAgreements({ kind: 'CONTRACT' });
    const before = await listAgreements({ kind: 'CONTRACT', asOf: '2023-12-31' });
    expect(today.items[0]!.score).toBeGreaterThan(50);
    // By the end of 2023 only the price and delivery terms (weight 1 of 4) were agreed.
    expect(before.items[0]!.score).toBeCloseTo(25, 9);
    expect(await slugs({ asOf: '2023-12-31', band: 'MINIMAL', kind: 'CONTRACT' })).toEqual(['lng-supply-socar']);
  });

  it('lists the signed years that occur among published agreements, newest first', async () => {
    expect(await loadSignedYears()).toEqual([2025, 2024, 2023, 2022, 2021, 2020]);
  });
});

describe('scores as of a day', () => {
  it('computed for today from the verified updates equal the stored scores', async () => {
    const { items } = await listAgreements({}, { all: true });
    const computed = await loadScoresAsOf(new Date().toISOString().slice(0, 10));
    for (const item of items) expect(computed.agreements[item.id], item.slug).toBeCloseTo(item.score, 9);
  });
});
