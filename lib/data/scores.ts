import 'server-only';
import type { Tx } from '../db-client.ts';
import { endOfMonth, minDate, monthsBetween, startOfMonth, todayIso, toIsoDate, type IsoDate } from '../dates.ts';
import { scoreAgreement, type ScoredMilestone, type ScoredUpdate } from '../scoring/index.ts';

const milestoneScoringFields = {
  id: true, kind: true, weight: true, frequency: true, quantityPerPeriod: true,
  startsOn: true, endsOn: true, baseline: true, target: true,
} as const;

const updateScoringFields = {
  id: true, milestoneId: true, observedOn: true, status: true, progress: true, quantity: true,
  actualValue: true, reviewState: true, reviewedAt: true, supersedesId: true,
} as const;

type MilestoneRow = { [K in keyof typeof milestoneScoringFields]: unknown } & { startsOn: Date | null; endsOn: Date | null };
type UpdateRow = { observedOn: Date } & Record<string, unknown>;

export function toScoredMilestone(row: MilestoneRow): ScoredMilestone {
  return {
    ...(row as unknown as ScoredMilestone),
    startsOn: row.startsOn ? toIsoDate(row.startsOn) : null,
    endsOn: row.endsOn ? toIsoDate(row.endsOn) : null,
  };
}

export function toScoredUpdate(row: UpdateRow): ScoredUpdate {
  return { ...(row as unknown as ScoredUpdate), observedOn: toIsoDate(row.observedOn) };
}

/** Loads what scoring one agreement needs: its live milestones and its verified updates. */
export async function loadScoringInputs(tx: Tx, agreementId: string) {
  const [milestones, updates] = await Promise.all([
    tx.milestone.findMany({ where: { agreementId, archivedAt: null }, select: milestoneScoringFields }),
    tx.progressUpdate.findMany({ where: { agreementId, reviewState: 'VERIFIED' }, select: updateScoringFields }),
  ]);
  return { milestones: milestones.map(toScoredMilestone), updates: updates.map(toScoredUpdate) };
}

/**
 * Serialises every transaction that changes an agreement's scoring inputs. Taken first, it makes the
 * recomputation below read the committed result of the previous such transaction (read committed
 * takes a fresh snapshot per statement), so concurrent reviews cannot overwrite each other's scores.
 */
export async function lockAgreement(tx: Tx, agreementId: string) {
  await tx.$queryRaw`select id from agreement where id = ${agreementId}::uuid for update`;
}

/**
 * Recomputes and stores the milestones' scores and statuses, the agreement's score, its month-by-month
 * history and its public search text. Call inside the transaction that changed them, after
 * `lockAgreement`.
 */
export async function recomputeAgreement(tx: Tx, agreementId: string, today: IsoDate = todayIso()) {
  const agreement = await tx.agreement.findUniqueOrThrow({
    where: { id: agreementId },
    select: { signedOn: true, title: true, summary: true },
  });
  const { milestones, updates } = await loadScoringInputs(tx, agreementId);
  const now = scoreAgreement(milestones, updates, today);

  await Promise.all(
    now.milestones.map((result) =>
      tx.milestone.update({
        where: { id: result.milestoneId },
        data: {
          score: result.score,
          status: result.status,
          lastObservedOn: result.latest ? new Date(`${result.latest.observedOn}T00:00:00Z`) : null,
        },
      }),
    ),
  );

  const firstDay = [agreement.signedOn ? toIsoDate(agreement.signedOn) : null, ...updates.map((u) => u.observedOn)]
    .filter((day): day is IsoDate => day !== null)
    .sort()[0];
  const history = firstDay
    ? monthsBetween(startOfMonth(firstDay), today).map((month) => ({
        agreementId,
        month: new Date(`${month}T00:00:00Z`),
        score: scoreAgreement(milestones, updates, minDate(endOfMonth(month), today)).score,
      }))
    : [];
  await tx.agreementScoreMonth.deleteMany({ where: { agreementId } });
  if (history.length) await tx.agreementScoreMonth.createMany({ data: history });

  await tx.agreement.update({
    where: { id: agreementId },
    data: { score: now.score, scoredAt: new Date(), searchText: await publicSearchText(tx, agreementId, agreement) },
  });
  return now;
}

/** Everything the public may search for an agreement: never pending or rejected narratives, nothing of archived milestones. */
async function publicSearchText(tx: Tx, agreementId: string, agreement: { title: string; summary: string }) {
  const [milestones, narratives] = await Promise.all([
    tx.milestone.findMany({
      where: { agreementId, archivedAt: null },
      select: { title: true, description: true, clauseRef: true, clauseExcerpt: true },
      orderBy: { position: 'asc' },
    }),
    tx.progressUpdate.findMany({
      where: { agreementId, reviewState: 'VERIFIED', milestone: { archivedAt: null } },
      select: { narrative: true },
      orderBy: { observedOn: 'asc' },
    }),
  ]);
  return [
    agreement.title,
    agreement.summary,
    ...milestones.flatMap((m) => [m.title, m.description, m.clauseRef ?? '', m.clauseExcerpt ?? '']),
    ...narratives.map((n) => n.narrative),
  ]
    .filter((text) => text.trim())
    .join('\n');
}
