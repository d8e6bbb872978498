// Concrete things for the scenarios to ask for, picked from the data set itself so every URL names
// something that exists and is public: a detail page on the heavy side, the busiest sector and party,
// and a search term that matches a realistic few percent of agreements.
import pg from 'pg';

export interface Fixtures {
  agreementSlug: string;
  sectorSlug: string;
  partySlug: string;
  searchTerm: string;
  /** Published, not archived. */
  publicAgreements: number;
}

/** Words the generator's vocabulary puts in titles; the harness searches for one of them. */
const SEARCH_CANDIDATES = ['telemedicine', 'refinery', 'scholarships', 'pipeline', 'cotton', 'cybersecurity', 'irrigation', 'festivals'];
/** Share of public agreements the search term should match. */
const SEARCH_SHARE = 0.03;

const PUBLIC = `a.publication = 'PUBLISHED' and a.archived_at is null`;

export async function pickFixtures(url: string): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
      const { rows } = await client.query<T>(sql, params);
      if (!rows[0]) throw new Error(`The benchmark data set has nothing for: ${sql.replace(/\s+/g, ' ').slice(0, 80)}…`);
      return rows[0];
    };
    const { count } = await one<{ count: number }>(`select count(*)::int as count from agreement a where ${PUBLIC}`);
    // The detail page at the 90th percentile of milestones: heavy, not pathological. Milestones, not
    // updates: the write scenarios add and verify updates on every run, and a page's weight follows its
    // milestones (each with its ledger or target) more than its updates (the timeline shows the latest
    // 30), so the pick stays put from run to run and weighs about the same at every data size.
    const { slug } = await one<{ slug: string }>(`
      with ranked as (
        select a.slug, count(m.id) as milestones from agreement a left join milestone m on m.agreement_id = a.id and m.archived_at is null
        where ${PUBLIC} group by a.id, a.slug
      )
      select slug from ranked order by milestones, slug offset floor(0.9 * (select count(*) from ranked)) limit 1`);
    const sector = await one<{ slug: string }>(`
      select s.slug from sector s join agreement_sector x on x.sector_id = s.id join agreement a on a.id = x.agreement_id
      where ${PUBLIC} and s.archived_at is null group by s.slug order by count(*) desc, s.slug limit 1`);
    const party = await one<{ slug: string }>(`
      select p.slug from party p join agreement_party x on x.party_id = p.id join agreement a on a.id = x.agreement_id
      where ${PUBLIC} and p.archived_at is null group by p.slug order by count(distinct a.id) desc, p.slug limit 1`);
    const matches = await client.query<{ term: string; hits: number }>(
      `select term, (select count(*)::int from agreement a where ${PUBLIC} and a.search_vector @@ websearch_to_tsquery('english', term)) as hits
       from unnest($1::text[]) as term`,
      [SEARCH_CANDIDATES],
    );
    const term = matches.rows
      .filter((row) => row.hits > 0)
      .sort((a, b) => Math.abs(a.hits / count - SEARCH_SHARE) - Math.abs(b.hits / count - SEARCH_SHARE))[0];
    if (!term) throw new Error("No search term of the generator's vocabulary matches a public agreement.");
    return { agreementSlug: slug, sectorSlug: sector.slug, partySlug: party.slug, searchTerm: term.term, publicAgreements: count };
  } finally {
    await client.end();
  }
}
