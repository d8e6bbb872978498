import 'server-only';
import { getDb } from '../db.ts';
import { toIsoDateOrNull, type IsoDate } from '../dates.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { AgreementKind, LifecycleStatus, PartyRole } from '../generated/prisma/enums.ts';
import { bandOf, SIGNED_STATUSES, type Band } from '../scoring/index.ts';
import type { AgreementFilterInput, AgreementSort } from '../validation/public-query.ts';
import { loadScoresAsOf, type AsOfScoresSource } from './public-scores.ts';

/** Where-clause for everything the public may see: published, not archived. */
export const publicAgreementWhere = { publication: 'PUBLISHED', archivedAt: null } as const;

/** A misspelt search word is replaced by public words at least this similar (pg_trgm similarity of stems). */
const TYPO_SIMILARITY = 0.4;
/** At most this many replacements per misspelt word, the most similar first. */
const TYPO_ALTERNATIVES = 3;
const MAX_SEARCH_WORDS = 8;
/** Shorter words ("gas", "pta") resemble too many others to be corrected. */
const MIN_FUZZY_WORD = 4;

export interface AgreementListItem {
  id: string;
  slug: string;
  title: string;
  kind: AgreementKind;
  status: LifecycleStatus;
  signedOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  expiresOn: IsoDate | null;
  summary: string;
  score: number;
  band: Band;
  sectors: { slug: string; name: string }[];
  parties: { slug: string; name: string; shortName: string | null; role: PartyRole }[];
}

export interface AgreementListPage {
  items: AgreementListItem[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
}

interface CandidateRow {
  id: string;
  slug: string;
  title: string;
  signedOn: Date | null;
  score: number;
  rank: number;
}

/** The words of a search, for prefix matching: letters and digits only, so to_tsquery cannot fail. */
export function searchWords(q: string): string[] {
  return (
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_SEARCH_WORDS);
}

function filterConditions(filters: AgreementFilterInput): Prisma.Sql[] {
  const conditions = [Prisma.sql`a.publication = 'PUBLISHED' and a.archived_at is null`];
  if (filters.sector) {
    conditions.push(Prisma.sql`exists (select 1 from agreement_sector x join sector s on s.id = x.sector_id
      where x.agreement_id = a.id and s.slug = ${filters.sector} and s.archived_at is null)`);
  }
  if (filters.party) {
    conditions.push(Prisma.sql`exists (select 1 from agreement_party x join party p on p.id = x.party_id
      where x.agreement_id = a.id and p.slug = ${filters.party} and p.archived_at is null)`);
  }
  if (filters.kind) conditions.push(Prisma.sql`a.kind = ${filters.kind}::"AgreementKind"`);
  if (filters.status) conditions.push(Prisma.sql`a.status = ${filters.status}::"LifecycleStatus"`);
  if (filters.signedYear) {
    conditions.push(
      Prisma.sql`a.signed_on >= ${`${filters.signedYear}-01-01`}::date and a.signed_on < ${`${filters.signedYear + 1}-01-01`}::date`,
    );
  }
  return conditions;
}

/**
 * Typo tolerance: for each longer search word whose stem begins no word of any public agreement,
 * the most similar public words (pg_trgm trigram similarity against the full-text vocabulary). Matching
 * the vocabulary, not each agreement's whole text, keeps a search fast with a thousand long texts.
 */
async function loadCorrections(words: string[]): Promise<Map<string, string[]>> {
  const fuzzy = words.filter((word) => word.length >= MIN_FUZZY_WORD);
  if (fuzzy.length === 0) return new Map();
  const rows = await getDb().$queryRaw<{ term: string; lexeme: string }[]>`
    with vocabulary as materialized (
      select word from ts_stat('select search_vector from agreement where publication = ''PUBLISHED'' and archived_at is null')
    ),
    terms as (
      select term, (tsvector_to_array(to_tsvector('english', term)))[1] as stem from unnest(${fuzzy}::text[]) as term
    )
    select t.term, v.word as lexeme
    from terms t join vocabulary v on v.word % t.stem
    where t.stem is not null
      and not exists (select 1 from vocabulary known where starts_with(known.word, t.stem))
      and similarity(v.word, t.stem) >= ${TYPO_SIMILARITY}
    order by t.term, similarity(v.word, t.stem) desc, v.word`;
  const corrections = new Map<string, string[]>();
  for (const { term, lexeme } of rows) {
    // Only plain words go into the query text, so it can never be malformed.
    if (!/^[\p{L}\p{N}]+$/u.test(lexeme)) continue;
    const list = corrections.get(term) ?? [];
    if (list.length < TYPO_ALTERNATIVES) corrections.set(term, [...list, lexeme]);
  }
  return corrections;
}

/**
 * The text-search query for a search: the words as typed (web-search syntax: quoted phrases,
 * or, -word), or every word as a prefix ("schol" finds scholarships) or one of its corrections.
 */
async function searchQuery(q: string): Promise<Prisma.Sql> {
  const words = searchWords(q);
  if (words.length === 0) return Prisma.sql`websearch_to_tsquery('english', ${q})`;
  const corrections = await loadCorrections(words);
  const expression = words
    .map((word) => `(${[word, ...(corrections.get(word) ?? [])].map((term) => `${term}:*`).join(' | ')})`)
    .join(' & ');
  return Prisma.sql`(websearch_to_tsquery('english', ${q}) || to_tsquery('english', ${expression}))`;
}

/** Agreements matching the filters (not yet the band, which depends on the as-of score), with a search rank. */
async function loadCandidates(filters: AgreementFilterInput): Promise<CandidateRow[]> {
  const conditions = filterConditions(filters);
  const query = filters.q ? await searchQuery(filters.q) : null;
  if (query) conditions.push(Prisma.sql`a.search_vector @@ ${query}`);
  return getDb().$queryRaw<CandidateRow[]>`
    select a.id, a.slug, a.title, a.signed_on as "signedOn", a.score,
           ${query ? Prisma.sql`ts_rank(a.search_vector, ${query})::float8` : Prisma.sql`0::float8`} as rank
    from agreement a where ${Prisma.join(conditions, ' and ')}`;
}

const byTitle = (a: { title: string; slug: string }, b: { title: string; slug: string }) =>
  a.title.localeCompare(b.title, 'en') || a.slug.localeCompare(b.slug);

function comparator(sort: AgreementSort): (a: CandidateRow, b: CandidateRow) => number {
  const signed = (row: CandidateRow) => row.signedOn?.getTime() ?? null;
  switch (sort) {
    case 'relevance':
      return (a, b) => b.rank - a.rank || b.score - a.score || byTitle(a, b);
    case 'score-desc':
      return (a, b) => b.score - a.score || byTitle(a, b);
    case 'score-asc':
      return (a, b) => a.score - b.score || byTitle(a, b);
    case 'title-asc':
      return byTitle;
    case 'title-desc':
      return (a, b) => byTitle(b, a);
    case 'signed-desc':
    case 'signed-asc': {
      const direction = sort === 'signed-desc' ? -1 : 1;
      // Unsigned agreements go last in either direction.
      return (a, b) => {
        const [x, y] = [signed(a), signed(b)];
        if (x === y) return byTitle(a, b);
        if (x === null) return 1;
        if (y === null) return -1;
        return direction * (x - y);
      };
    }
  }
}

/** The sort in effect: relevance needs a search; without one the list starts with the best scores. */
export function effectiveSort(sort: AgreementSort | undefined, q: string | undefined): AgreementSort {
  if (sort === 'relevance' && !q) return 'score-desc';
  return sort ?? (q ? 'relevance' : 'score-desc');
}

export interface ListOptions {
  sort?: AgreementSort;
  page?: number;
  perPage?: number;
  /** Every matching agreement on one page (CSV downloads). */
  all?: boolean;
  scoresAsOf?: AsOfScoresSource;
}

/**
 * Public agreements matching the filters, with the scores they had on `filters.asOf` (stored scores
 * without it), sorted and paginated. Filtering and sorting by score happen here, after the as-of
 * scores are known; the page's agreements are then loaded in full.
 */
export async function listAgreements(filters: AgreementFilterInput, options: ListOptions = {}): Promise<AgreementListPage> {
  const { scoresAsOf = loadScoresAsOf } = options;
  const [candidates, asOfScores] = await Promise.all([
    loadCandidates(filters),
    filters.asOf ? scoresAsOf(filters.asOf) : Promise.resolve(null),
  ]);
  const scored = candidates
    .map((row) => ({ ...row, score: asOfScores ? (asOfScores.agreements[row.id] ?? 0) : row.score }))
    .filter((row) => !filters.band || bandOf(row.score) === filters.band)
    .sort(comparator(effectiveSort(options.sort, filters.q)));

  const perPage = options.all ? Math.max(scored.length, 1) : (options.perPage ?? 25);
  const totalPages = Math.max(1, Math.ceil(scored.length / perPage));
  const page = options.all ? 1 : Math.max(options.page ?? 1, 1);
  const slice = scored.slice((page - 1) * perPage, page * perPage);
  const details = await loadListDetails(slice.map((row) => row.id));
  const items = slice.flatMap((row) => {
    const detail = details.get(row.id);
    return detail ? [{ ...detail, score: row.score, band: bandOf(row.score) }] : [];
  });
  return { items, total: scored.length, page, perPage, totalPages };
}

async function loadListDetails(ids: string[]) {
  if (ids.length === 0) return new Map<string, Omit<AgreementListItem, 'score' | 'band'>>();
  const rows = await getDb().agreement.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      signedOn: true,
      effectiveOn: true,
      expiresOn: true,
      summary: true,
      sectors: {
        where: { sector: { archivedAt: null } },
        select: { sector: { select: { slug: true, name: true, position: true } } },
      },
      parties: {
        where: { party: { archivedAt: null } },
        select: { role: true, party: { select: { slug: true, name: true, shortName: true } } },
      },
    },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        ...row,
        signedOn: toIsoDateOrNull(row.signedOn),
        effectiveOn: toIsoDateOrNull(row.effectiveOn),
        expiresOn: toIsoDateOrNull(row.expiresOn),
        sectors: row.sectors
          .map(({ sector }) => sector)
          .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
          .map(({ slug, name }) => ({ slug, name })),
        parties: row.parties
          .map(({ role, party }) => ({ ...party, role }))
          .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name)),
      },
    ]),
  );
}

export const ROLE_ORDER: PartyRole[] = ['SIGNATORY', 'IMPLEMENTING', 'FUNDING', 'OBSERVER'];

/** Choices for the list's filter form: the signed years that occur among public agreements. */
export async function loadSignedYears(): Promise<number[]> {
  const rows = await getDb().$queryRaw<{ year: number }[]>`
    select distinct extract(year from signed_on)::int as year from agreement
    where publication = 'PUBLISHED' and archived_at is null and signed_on is not null order by year desc`;
  return rows.map((row) => row.year);
}

/** Slug → id of every public agreement: one small cached map instead of a cache entry per requested slug. */
export async function loadPublicSlugs(): Promise<Record<string, string>> {
  const rows = await getDb().agreement.findMany({ where: publicAgreementWhere, select: { id: true, slug: true } });
  return Object.fromEntries(rows.map((row) => [row.slug, row.id]));
}

/** The methodology page's worked example: the public signed agreement with the widest mix of milestone kinds. */
export async function loadExampleAgreementSlug(): Promise<string | null> {
  const rows = await getDb().$queryRaw<{ slug: string }[]>`
    select a.slug from agreement a join milestone m on m.agreement_id = a.id and m.archived_at is null
    where a.publication = 'PUBLISHED' and a.archived_at is null
      and a.status::text in (${Prisma.join([...SIGNED_STATUSES])})
    group by a.id, a.slug
    order by count(distinct m.kind) desc, count(*) desc, a.slug
    limit 1`;
  return rows[0]?.slug ?? null;
}
