// Parties, sectors and people of the synthetic data set: the 9 real sectors, the real parties plus
// generated ones, one administrator and analysts split across the two sides (and a few independents).
import { PARTIES, SECTORS } from '../../prisma/seed/demo-data.ts';
import type { BaseSet, PartyRow, UserRow } from './model.ts';
import type { IdFactory, Random } from './random.ts';
import { CITIES, FIRST_NAMES, LAST_NAMES, PARTY_FIELDS, PARTY_PATTERNS } from './vocabulary.ts';

export const ID_TAGS = { party: 1, sector: 2, user: 3, agreement: 4, document: 5, milestone: 6, update: 7, evidence: 8 } as const;

/** Every generated account signs in with this password (benchmark data only, never a real instance). */
export const BENCH_PASSWORD = 'ittifaq-bench-analyst';
export const BENCH_ADMIN_EMAIL = 'admin@bench.ittifaq.test';

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface BaseSizes {
  generatedParties: number;
  analysts: number;
}

/** 1,000 agreements: 100 generated parties on top of the real ones and 200 analysts. */
export function baseSizes(agreements: number): BaseSizes {
  return { generatedParties: Math.max(20, Math.round(agreements / 10)), analysts: Math.max(20, Math.round(agreements / 5)) };
}

function generateParties(random: Random, ids: IdFactory, count: number): PartyRow[] {
  const real: PartyRow[] = PARTIES.map((party) => ({
    id: ids.next(ID_TAGS.party),
    slug: party.slug,
    name: party.name,
    shortName: party.shortName ?? null,
    kind: party.kind,
    countryCode: party.countryCode,
    description: '',
  }));
  const generated: PartyRow[] = [];
  for (let i = 0; i < count; i++) {
    const pattern = random.pick(PARTY_PATTERNS);
    const name = random.pick(pattern.names).replace('{x}', random.pick(PARTY_FIELDS)).replace('{c}', random.pick(CITIES));
    generated.push({
      id: ids.next(ID_TAGS.party),
      slug: `${slugify(name)}-${i + 1}`,
      name,
      shortName: null,
      kind: pattern.kind,
      countryCode: pattern.country,
      description: `Synthetic party for benchmarks (${pattern.country}).`,
    });
  }
  return [...real, ...generated];
}

export function generateBase(random: Random, ids: IdFactory, agreements: number, passwordHash: string, asOf: Date): BaseSet {
  const sizes = baseSizes(agreements);
  const parties = generateParties(random, ids, sizes.generatedParties);
  const sectors = SECTORS.map((sector, position) => ({ id: ids.next(ID_TAGS.sector), ...sector, position }));
  const partiesByCountry = {
    PK: parties.filter((party) => party.countryCode === 'PK'),
    AZ: parties.filter((party) => party.countryCode === 'AZ'),
  };
  const state = (country: 'PK' | 'AZ') => partiesByCountry[country].find((party) => party.kind === 'STATE')!;
  const bodies = (country: 'PK' | 'AZ') => partiesByCountry[country].filter((party) => party.kind === 'GOVERNMENT_BODY');

  const admin: UserRow = {
    id: ids.next(ID_TAGS.user),
    email: BENCH_ADMIN_EMAIL,
    name: 'Benchmark Administrator',
    role: 'ADMIN',
    partyId: null,
    passwordHash,
    passwordChangedAt: asOf,
  };
  const analysts: BaseSet['analysts'] = { PK: [], AZ: [], XX: [] };
  for (let i = 0; i < sizes.analysts; i++) {
    // 45% for each side, 10% independent.
    const side = i % 20 < 9 ? 'PK' : i % 20 < 18 ? 'AZ' : 'XX';
    const partyId = side === 'XX' ? null : random.chance(0.7) ? state(side).id : random.pick(bodies(side)).id;
    analysts[side].push({
      id: ids.next(ID_TAGS.user),
      email: `analyst-${String(i + 1).padStart(4, '0')}@bench.ittifaq.test`,
      name: `${random.pick(FIRST_NAMES[side])} ${random.pick(LAST_NAMES[side])}`,
      role: 'ANALYST',
      partyId,
      passwordHash,
      passwordChangedAt: asOf,
    });
  }
  return {
    parties,
    sectors,
    partiesByCountry,
    adminId: admin.id,
    analysts,
    users: [admin, ...analysts.PK, ...analysts.AZ, ...analysts.XX],
  };
}
