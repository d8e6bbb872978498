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

export type PublicSector = Awaited<ReturnType<typeof loadPublicSectors>>[number];
export type PublicParty = Awaited<ReturnType<typeof loadPublicParties>>[number];
