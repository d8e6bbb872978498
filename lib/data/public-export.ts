import 'server-only';
import { getDb } from '../db.ts';
import { toIsoDateOrNull, type IsoDate } from '../dates.ts';
import type { AgreementFilterInput, AgreementSort } from '../validation/public-query.ts';
import type { MilestoneFacts } from './public-agreement-detail.ts';
import { listAgreements } from './public-agreements.ts';
import { loadScoresAsOf, type AsOfScoresSource } from './public-scores.ts';

export interface MilestoneExportRow extends MilestoneFacts {
  agreementSlug: string;
  position: number;
  /** The responsible party's slug. */
  responsibleParty: string | null;
}

/**
 * The live milestones of the given public agreements, in the agreements' order, for the milestone
 * CSV; scores and statuses as of `asOf` when given.
 */
export async function loadMilestonesForExport(
  agreements: readonly { id: string; slug: string }[],
  asOf: IsoDate | null,
  scoresAsOf: AsOfScoresSource = loadScoresAsOf,
): Promise<MilestoneExportRow[]> {
  if (agreements.length === 0) return [];
  const [rows, asOfScores] = await Promise.all([
    getDb().milestone.findMany({
      where: {
        agreementId: { in: agreements.map((agreement) => agreement.id) },
        archivedAt: null,
        agreement: { publication: 'PUBLISHED', archivedAt: null },
      },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: {
        id: true,
        agreementId: true,
        position: true,
        title: true,
        description: true,
        clauseRef: true,
        clauseExcerpt: true,
        dueOn: true,
        weight: true,
        kind: true,
        frequency: true,
        quantityPerPeriod: true,
        unit: true,
        startsOn: true,
        endsOn: true,
        baseline: true,
        target: true,
        score: true,
        status: true,
        lastObservedOn: true,
        responsibleParty: { select: { slug: true } },
      },
    }),
    asOf ? scoresAsOf(asOf) : Promise.resolve(null),
  ]);
  const order = new Map(agreements.map((agreement, index) => [agreement.id, index]));
  const slugOf = new Map(agreements.map((agreement) => [agreement.id, agreement.slug]));
  return rows
    .sort((a, b) => order.get(a.agreementId)! - order.get(b.agreementId)!)
    .map(({ id, agreementId, responsibleParty, ...row }) => {
      const asOfScore = asOfScores?.milestones[id];
      return {
        ...row,
        agreementSlug: slugOf.get(agreementId)!,
        responsibleParty: responsibleParty?.slug ?? null,
        dueOn: toIsoDateOrNull(row.dueOn),
        startsOn: toIsoDateOrNull(row.startsOn),
        endsOn: toIsoDateOrNull(row.endsOn),
        ...(asOfScore ?? { score: row.score, status: row.status, lastObservedOn: toIsoDateOrNull(row.lastObservedOn) }),
      };
    });
}

/** Every milestone of every agreement matching the filters (all pages), in the list's order. */
export async function loadMilestoneExport(
  filters: AgreementFilterInput,
  sort: AgreementSort | undefined,
  scoresAsOf: AsOfScoresSource = loadScoresAsOf,
): Promise<MilestoneExportRow[]> {
  const { items } = await listAgreements(filters, { all: true, sort, scoresAsOf });
  return loadMilestonesForExport(items, filters.asOf ?? null, scoresAsOf);
}
