import 'server-only';
import type { Tx } from '../db-client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { endOfMonth, minDate, monthsBetween, startOfMonth, todayIso, toIsoDate, toIsoDateOrNull, type IsoDate } from '../dates.ts';
import { scoreAgreement, type AgreementResult, type ProgressStatus, type ScoredMilestone, type ScoredUpdate } from '../scoring/index.ts';

export const milestoneScoringFields = {
  id: true, kind: true, weight: true, frequency: true, quantityPerPeriod: true,
  startsOn: true, endsOn: true, baseline: true, target: true,
} as const;

export const updateScoringFields = {
  id: true, milestoneId: true, observedOn: true, status: true, progress: true, quantity: true,
  actualValue: true, reviewState: true, reviewedAt: true, supersedesId: true, authorSideId: true,
} as const;

type MilestoneRow = { [K in keyof typeof milestoneScoringFields]: unknown } & { startsOn: Date | null; endsOn: Date | null };
type UpdateRow = { observedOn: Date } & Record<string, unknown>;

export function toScoredMilestone(row: MilestoneRow): ScoredMilestone {
  return {
    ...(row as unknown as ScoredMilestone),
    startsOn: toIsoDateOrNull(row.startsOn),
    endsOn: toIsoDateOrNull(row.endsOn),
  };
}

export function toScoredUpdate(row: UpdateRow): ScoredUpdate {
  return { ...(row as unknown as ScoredUpdate), observedOn: toIsoDate(row.observedOn) };
}

/** Loads what scoring one agreement needs: its live milestones and its verified updates. */
export async function loadScoringInputs(tx: Tx, agreementId: string) {
  const [milestones, updates] = await Promise.all([
    tx.milestone.findMany({ where: { agreementId, archivedAt: null }, select: milestoneScoringFields, orderBy: { position: 'asc' } }),
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

/** `lockAgreement` for many agreements in one statement, in id order so two such callers cannot deadlock. */
export async function lockAgreements(tx: Tx, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return;
  await tx.$queryRaw`select id from agreement where id = any(${[...agreementIds]}::uuid[]) order by id for update`;
}

export const day = (value: IsoDate) => new Date(`${value}T00:00:00Z`);

export interface RecomputeOptions {
  today?: IsoDate;
  /**
   * First month of the stored history to recompute; earlier months are kept. A month's value is the
   * score at its end, from updates verified by then, so a review today changes only the current month.
   * Omit to rebuild the whole history (after the milestones themselves changed).
   */
  fromMonth?: IsoDate;
  /**
   * A verification adds one narrative to the public search text; appending it spares rebuilding the
   * text from every milestone and update. Omit to rebuild.
   */
  appendToSearchText?: string;
}

/**
 * Recomputes and stores the milestones' scores and statuses, the agreement's score, its month-by-month
 * history and its public search text, writing only what changed. Call inside the transaction that
 * changed the inputs, after `lockAgreement`.
 */
export async function recomputeAgreement(tx: Tx, agreementId: string, options: RecomputeOptions = {}) {
  const today = options.today ?? todayIso();
  const [agreement, stored, updates] = await Promise.all([
    tx.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { signedOn: true, title: true, summary: true } }),
    tx.milestone.findMany({
      where: { agreementId, archivedAt: null },
      select: { ...milestoneScoringFields, score: true, status: true, lastObservedOn: true },
      orderBy: { position: 'asc' },
    }),
    tx.progressUpdate.findMany({ where: { agreementId, reviewState: 'VERIFIED' }, select: updateScoringFields }),
  ]);
  const milestones = stored.map(toScoredMilestone);
  const scoredUpdates = updates.map(toScoredUpdate);
  const now = scoreAgreement(milestones, scoredUpdates, today);

  await Promise.all(milestoneChanges(stored, now).map(({ id, ...data }) => tx.milestone.update({ where: { id }, data })));

  await storeHistory(tx, agreementId, { milestones, updates: scoredUpdates, signedOn: agreement.signedOn, today, fromMonth: options.fromMonth });

  // The search text runs to tens of kilobytes on a busy agreement: it is appended to or replaced in
  // the database, never read back.
  const { appendToSearchText } = options;
  const searchText = appendToSearchText === undefined
    ? Prisma.sql`${await publicSearchText(tx, agreementId, agreement)}`
    : appendToSearchText.trim() ? Prisma.sql`search_text || ${`\n${appendToSearchText}`}` : Prisma.sql`search_text`;
  const scoredAt = new Date();
  await tx.$executeRaw`update agreement set score = ${now.score}, scored_at = ${scoredAt}, updated_at = ${scoredAt}, search_text = ${searchText}
    where id = ${agreementId}::uuid`;
  return now;
}

/** The milestones whose stored score, status or latest observation differ from the computed ones. */
export function milestoneChanges(
  stored: readonly { id: string; score: number; status: ProgressStatus; lastObservedOn: Date | null }[],
  result: AgreementResult,
): { id: string; score: number; status: ProgressStatus; lastObservedOn: Date | null }[] {
  const storedById = new Map(stored.map((row) => [row.id, row]));
  return result.milestones.flatMap((milestone) => {
    const lastObservedOn = milestone.latest ? day(milestone.latest.observedOn) : null;
    const before = storedById.get(milestone.milestoneId);
    const unchanged = before && before.score === milestone.score && before.status === milestone.status
      && (before.lastObservedOn?.getTime() ?? null) === (lastObservedOn?.getTime() ?? null);
    return unchanged ? [] : [{ id: milestone.milestoneId, score: milestone.score, status: milestone.status, lastObservedOn }];
  });
}

export interface HistoryInput {
  milestones: ScoredMilestone[];
  updates: ScoredUpdate[];
  signedOn: Date | null;
  today: IsoDate;
  fromMonth?: IsoDate;
}

/**
 * The months of the stored history to (re)write and their scores, from `fromMonth` (or the first
 * month: signature or first verified observation) to the current month; null when there is no first month.
 */
export function historyOf(input: HistoryInput): { firstMonth: IsoDate; from: IsoDate; months: IsoDate[]; scores: number[] } | null {
  const firstDay = [input.signedOn ? toIsoDate(input.signedOn) : null, ...input.updates.map((u) => u.observedOn)]
    .filter((value): value is IsoDate => value !== null)
    .sort()[0];
  if (!firstDay) return null;
  const firstMonth = startOfMonth(firstDay);
  const from = input.fromMonth && input.fromMonth > firstMonth ? startOfMonth(input.fromMonth) : firstMonth;
  const months = monthsBetween(from, input.today);
  const scores = months.map((month) => scoreAgreement(input.milestones, input.updates, minDate(endOfMonth(month), input.today)).score);
  return { firstMonth, from, months, scores };
}

async function storeHistory(tx: Tx, agreementId: string, input: HistoryInput) {
  const history = historyOf(input);
  if (!history) {
    await tx.agreementScoreMonth.deleteMany({ where: { agreementId } });
    return;
  }
  const { firstMonth, from, months, scores } = history;
  if (from === firstMonth) {
    // A full rebuild: months before the first or after the current one no longer belong.
    await tx.agreementScoreMonth.deleteMany({
      where: { agreementId, OR: [{ month: { lt: day(firstMonth) } }, { month: { gt: day(startOfMonth(input.today)) } }] },
    });
  }
  await tx.$executeRaw`
    insert into agreement_score_month (agreement_id, month, score)
    select ${agreementId}::uuid, month, score from unnest(${months}::date[], ${scores}::float8[]) as t(month, score)
    on conflict (agreement_id, month) do update set score = excluded.score`;
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
      orderBy: [{ observedOn: 'asc' }, { id: 'asc' }],
    }),
  ]);
  return searchTextOf(agreement, milestones, narratives.map((n) => n.narrative));
}

/** The public search text from its parts: live milestones in order, verified narratives in order. */
export function searchTextOf(
  agreement: { title: string; summary: string },
  milestones: readonly { title: string; description: string; clauseRef: string | null; clauseExcerpt: string | null }[],
  narratives: readonly string[],
): string {
  return [
    agreement.title,
    agreement.summary,
    ...milestones.flatMap((m) => [m.title, m.description, m.clauseRef ?? '', m.clauseExcerpt ?? '']),
    ...narratives,
  ]
    .filter((text) => text.trim())
    .join('\n');
}
