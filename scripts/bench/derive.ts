// The stored derived columns of a generated chunk, computed exactly as lib/data/scores.ts's
// recomputeAgreement does (same lib/scoring functions, same inputs), but in memory and in bulk.
import { endOfMonth, minDate, monthsBetween, startOfMonth, type IsoDate } from '../../lib/dates.ts';
import { scoreAgreement, type ScoredMilestone, type ScoredUpdate } from '../../lib/scoring/index.ts';
import type { AgreementRow, Chunk, MilestoneRow, UpdateRow } from './model.ts';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function toScoredMilestone(row: MilestoneRow): ScoredMilestone {
  return {
    id: row.id,
    kind: row.kind,
    weight: row.weight,
    frequency: row.frequency,
    quantityPerPeriod: row.quantityPerPeriod,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    baseline: row.baseline,
    target: row.target,
  };
}

function toScoredUpdate(row: UpdateRow): ScoredUpdate {
  return {
    id: row.id,
    milestoneId: row.milestoneId,
    observedOn: row.observedOn,
    status: row.status,
    progress: row.progress,
    quantity: row.quantity,
    actualValue: row.actualValue,
    reviewState: row.reviewState,
    reviewedAt: row.reviewedAt,
    supersedesId: row.supersedesId,
  };
}

/** Public text only: never a pending or rejected narrative (same order as publicSearchText). */
export function searchTextOf(agreement: AgreementRow, milestones: readonly MilestoneRow[], verified: readonly UpdateRow[]): string {
  return [
    agreement.title,
    agreement.summary,
    ...[...milestones]
      .sort((a, b) => a.position - b.position)
      .flatMap((m) => [m.title, m.description, m.clauseRef ?? '', m.clauseExcerpt ?? '']),
    ...[...verified].sort((a, b) => (a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : 0)).map((u) => u.narrative),
  ]
    .filter((text) => text.trim())
    .join('\n');
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Fills in milestone score/status/last observation, agreement score and search text, and the
 * month-by-month history, as of `asOf`, for every agreement of the chunk. Scoring is the slow part
 * (the history scores every agreement once per month); it yields between agreements so that the
 * previous chunk's inserts keep the database busy meanwhile.
 */
export async function deriveScores(chunk: Chunk, asOf: IsoDate, scoredAt: Date) {
  const milestonesOf = groupBy(chunk.milestones, (m) => m.agreementId);
  const verifiedOf = groupBy(
    chunk.updates.filter((u) => u.reviewState === 'VERIFIED'),
    (u) => u.agreementId,
  );
  for (const agreement of chunk.agreements) {
    await yieldToEventLoop();
    const milestoneRows = milestonesOf.get(agreement.id) ?? [];
    const verifiedRows = verifiedOf.get(agreement.id) ?? [];
    const milestones = milestoneRows.map(toScoredMilestone);
    const updates = verifiedRows.map(toScoredUpdate);

    const now = scoreAgreement(milestones, updates, asOf);
    now.milestones.forEach((result, index) => {
      const row = milestoneRows[index]!;
      row.score = result.score;
      row.status = result.status;
      row.lastObservedOn = result.latest?.observedOn ?? null;
    });
    agreement.score = now.score;
    agreement.scoredAt = scoredAt;
    agreement.searchText = searchTextOf(agreement, milestoneRows, verifiedRows);

    const firstDay = [agreement.signedOn, ...updates.map((u) => u.observedOn)].filter((day): day is IsoDate => day !== null).sort()[0];
    if (!firstDay) continue;
    for (const month of monthsBetween(startOfMonth(firstDay), asOf)) {
      chunk.scoreMonths.push({
        agreementId: agreement.id,
        month,
        score: scoreAgreement(milestones, updates, minDate(endOfMonth(month), asOf)).score,
      });
    }
  }
}
