import 'server-only';
import { getDb } from '../db.ts';

/** Live sectors in display order. */
export async function loadPublicSectors() {
  return getDb().sector.findMany({
    where: { archivedAt: null },
    select: { id: true, slug: true, name: true, description: true },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
}

/** Live parties (merged ones are archived), by name. */
export async function loadPublicParties() {
  return getDb().party.findMany({
    where: { archivedAt: null },
    select: { id: true, slug: true, name: true, shortName: true, kind: true, countryCode: true, description: true, website: true },
    orderBy: { name: 'asc' },
  });
}

/**
 * The parties the agreement filter offers: the `limit` parties to the most published agreements, by
 * name. A register can hold a thousand parties, and a select of all of them (twice over, since the
 * page also carries its React payload) would outweigh the list it filters; every party keeps its own
 * page and can be filtered on by its slug in the address.
 */
export async function loadPartyFilterOptions(limit: number) {
  return getDb().$queryRaw<{ slug: string; name: string }[]>`
    select slug, name from (
      select p.slug, p.name from party p
      join agreement_party x on x.party_id = p.id
      join agreement a on a.id = x.agreement_id and a.publication = 'PUBLISHED' and a.archived_at is null
      where p.archived_at is null
      group by p.id
      order by count(distinct a.id) desc, p.name
      limit ${limit}
    ) busiest
    order by name`;
}

export type PublicSector = Awaited<ReturnType<typeof loadPublicSectors>>[number];
export type PublicParty = Awaited<ReturnType<typeof loadPublicParties>>[number];
