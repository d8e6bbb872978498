import 'server-only';
import { getDb } from '../db.ts';
import { bandOf } from '../scoring/index.ts';

/** Where-clause for everything the public may see: published, not archived. */
export const publicAgreementWhere = { publication: 'PUBLISHED', archivedAt: null } as const;

export async function listPublishedAgreements() {
  const rows = await getDb().agreement.findMany({
    where: publicAgreementWhere,
    select: { id: true, slug: true, title: true, kind: true, status: true, signedOn: true, score: true },
    orderBy: [{ score: 'desc' }, { title: 'asc' }],
  });
  return rows.map((row) => ({ ...row, band: bandOf(row.score) }));
}
