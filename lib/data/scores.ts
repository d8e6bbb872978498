import 'server-only';
import type { Tx } from '../db-client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { endOfMonth, minDate, monthsBetween, startOfMonth, todayIso, toIsoDate, toIsoDateOrNull, type IsoDate } from '../dates.ts';
import { scoreAgreement, type AgreementResult, type ProgressStatus, type ScoredMilestone, type ScoredUpdate } from '../scoring/index.ts';

export const milestoneScoringFields = {
  id: true,
  kind: true,
  weight: true,
  frequency: true,
  quantityPerPeriod: true,
  startsOn: true,
  endsOn: true,
  baseline: true,
  target: true,
} as const;

export const updateScoringFields = {
  id: true,
  milestoneId: true,
  observedOn: true,
  status: true,
  progress: true,
  quantity: true,
  actualValue: true,
  reviewState: true,
  reviewedAt: true,
  supersedesId: true,
  authorSideId: true,
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
}

/** The columns scoring reads of a verified update, named as `ScoredUpdate`; dates as ISO text, the same from every driver. */
export const SCORED_UPDATE_COLUMNS =
  Prisma.raw(`id, milestone_id as "milestoneId", observed_on::text as "observedOn", status::text as status,
  progress, quantity, actual_value as "actualValue", review_state::text as "reviewState", reviewed_at as "reviewedAt",
  supersedes_id as "supersedesId", author_side_id as "authorSideId"`);

/** A live milestone as scoring reads it, with what is stored of its last scoring. */
export type StoredMilestone = ScoredMilestone & { score: number; status: ProgressStatus; lastObservedOn: IsoDate | null };

export interface RecomputeInputs {
  agreement: { signedOn: IsoDate | null; title: string; summary: string };
  milestones: StoredMilestone[];
  updates: ScoredUpdate[];
}

/**
 * The statements that read what recomputing one agreement needs; `recomputeInputsOf` takes their rows.
 * Plain SQL, so both Prisma and a pipelined connection (lib/db-pipeline.ts) can run them. The agreement
 * is its id, or SQL that finds it (for a batch sent before the id is known).
 */
export function recomputeReads(agreement: string | Prisma.Sql): Prisma.Sql[] {
  const agreementId = typeof agreement === 'string' ? Prisma.sql`${agreement}::uuid` : agreement;
  return [
    Prisma.sql`select signed_on::text as "signedOn", title, summary from agreement where id = ${agreementId}`,
    Prisma.sql`select id, kind::text as kind, weight, frequency::text as frequency, quantity_per_period as "quantityPerPeriod",
        starts_on::text as "startsOn", ends_on::text as "endsOn", baseline, target,
        score, status::text as status, last_observed_on::text as "lastObservedOn"
      from milestone where agreement_id = ${agreementId} and archived_at is null order by position, id`,
    Prisma.sql`select ${SCORED_UPDATE_COLUMNS} from progress_update where agreement_id = ${agreementId} and review_state = 'VERIFIED'`,
  ];
}

export function recomputeInputsOf(rows: readonly unknown[][]): RecomputeInputs {
  const [[agreement], milestones, updates] = rows as [[RecomputeInputs['agreement']], StoredMilestone[], ScoredUpdate[]];
  return { agreement, milestones, updates };
}

/** How the public search text changes: a verification appends its narrative; anything else replaces it. */
export type SearchTextChange = { append: string } | { replace: string };

/**
 * Scores the agreement from its inputs and returns the result with the statements that store it: the
 * milestones whose score, status or latest observation changed, the month-by-month history (from
 * `fromMonth`, or rebuilt whole) and the agreement's score and search text.
 */
export function recomputeWrites(
  agreementId: string,
  inputs: RecomputeInputs,
  options: { today: IsoDate; fromMonth?: IsoDate; searchText: SearchTextChange; at: Date },
) {
  const { milestones, updates, agreement } = inputs;
  const result = scoreAgreement(milestones, updates, options.today);
  const writes: Prisma.Sql[] = [];

  const changed = milestoneChanges(
    milestones.map((m) => ({ ...m, lastObservedOn: m.lastObservedOn ? day(m.lastObservedOn) : null })),
    result,
  );
  if (changed.length) {
    writes.push(milestoneScoresUpdate(changed, options.at));
  }

  const history = historyOf({
    milestones,
    updates,
    signedOn: agreement.signedOn,
    today: options.today,
    fromMonth: options.fromMonth,
    todayScore: result.score,
  });
  if (!history) {
    writes.push(Prisma.sql`delete from agreement_score_month where agreement_id = ${agreementId}::uuid`);
  } else {
    if (history.from === history.firstMonth) {
      // A full rebuild: months before the first or after the current one no longer belong.
      writes.push(Prisma.sql`delete from agreement_score_month where agreement_id = ${agreementId}::uuid
        and (month < ${history.firstMonth}::date or month > ${startOfMonth(options.today)}::date)`);
    }
    writes.push(scoreMonthsUpsert({ ids: history.months.map(() => agreementId), months: history.months, scores: history.scores }));
  }

  // The search text runs to tens of kilobytes on a busy agreement: it is appended to in the database, never read back.
  const { searchText } = options;
  const text =
    'replace' in searchText
      ? Prisma.sql`${searchText.replace}`
      : searchText.append.trim()
        ? Prisma.sql`search_text || ${`\n${searchText.append}`}`
        : Prisma.sql`search_text`;
  writes.push(Prisma.sql`update agreement set score = ${result.score}, scored_at = ${options.at}, updated_at = ${options.at}, search_text = ${text}
    where id = ${agreementId}::uuid`);
  return { result, writes };
}

/**
 * Recomputes and stores the milestones' scores and statuses, the agreement's score, its month-by-month
 * history and its public search text, writing only what changed. Call inside the transaction that
 * changed the inputs, after `lockAgreement`.
 */
export async function recomputeAgreement(tx: Tx, agreementId: string, options: RecomputeOptions = {}) {
  const inputs = recomputeInputsOf(await Promise.all(recomputeReads(agreementId).map((statement) => tx.$queryRaw<unknown[]>(statement))));
  const searchText = { replace: await publicSearchText(tx, agreementId, inputs.agreement) };
  const { result, writes } = recomputeWrites(agreementId, inputs, {
    today: options.today ?? todayIso(),
    fromMonth: options.fromMonth,
    searchText,
    at: new Date(),
  });
  for (const statement of writes) await tx.$executeRaw(statement);
  return result;
}

export type MilestoneChange = { id: string; score: number; status: ProgressStatus; lastObservedOn: Date | null };

/** The statement that stores `milestoneChanges`' rows; the dates go as ISO text, which every driver passes unchanged. */
export function milestoneScoresUpdate(changed: readonly MilestoneChange[], at: Date): Prisma.Sql {
  return Prisma.sql`update milestone m set score = c.score, status = c.status::"ProgressStatus", last_observed_on = c.last_observed_on, updated_at = ${at}
    from unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.score)}::float8[], ${changed.map((c) => c.status)}::text[],
      ${changed.map((c) => toIsoDateOrNull(c.lastObservedOn))}::date[]) as c(id, score, status, last_observed_on)
    where m.id = c.id`;
}

/** The statement that stores month-by-month scores, replacing those already stored; the arrays run in step. */
export function scoreMonthsUpsert(history: { ids: readonly string[]; months: readonly IsoDate[]; scores: readonly number[] }): Prisma.Sql {
  return Prisma.sql`insert into agreement_score_month (agreement_id, month, score)
    select * from unnest(${history.ids}::uuid[], ${history.months}::date[], ${history.scores}::float8[])
    on conflict (agreement_id, month) do update set score = excluded.score`;
}

/** The milestones whose stored score, status or latest observation differ from the computed ones. */
export function milestoneChanges(
  stored: readonly { id: string; score: number; status: ProgressStatus; lastObservedOn: Date | null }[],
  result: AgreementResult,
): MilestoneChange[] {
  const storedById = new Map(stored.map((row) => [row.id, row]));
  return result.milestones.flatMap((milestone) => {
    const lastObservedOn = milestone.latest ? day(milestone.latest.observedOn) : null;
    const before = storedById.get(milestone.milestoneId);
    const unchanged =
      before &&
      before.score === milestone.score &&
      before.status === milestone.status &&
      (before.lastObservedOn?.getTime() ?? null) === (lastObservedOn?.getTime() ?? null);
    return unchanged ? [] : [{ id: milestone.milestoneId, score: milestone.score, status: milestone.status, lastObservedOn }];
  });
}

export interface HistoryInput {
  milestones: ScoredMilestone[];
  updates: ScoredUpdate[];
  signedOn: IsoDate | null;
  today: IsoDate;
  fromMonth?: IsoDate;
  /** The score as of today, when the caller has it: the current month's value, not scored again. */
  todayScore?: number;
}

/**
 * The months of the stored history to (re)write and their scores, from `fromMonth` (or the first
 * month: signature or first verified observation) to the current month; null when there is no first month.
 */
export function historyOf(input: HistoryInput): { firstMonth: IsoDate; from: IsoDate; months: IsoDate[]; scores: number[] } | null {
  const firstDay = [input.signedOn, ...input.updates.map((u) => u.observedOn)]
    .filter((value): value is IsoDate => value !== null)
    .sort()[0];
  if (!firstDay) return null;
  const firstMonth = startOfMonth(firstDay);
  const from = input.fromMonth && input.fromMonth > firstMonth ? startOfMonth(input.fromMonth) : firstMonth;
  const months = monthsBetween(from, input.today);
  const scores = months.map((month) => {
    const asOf = minDate(endOfMonth(month), input.today);
    return asOf === input.today && input.todayScore !== undefined
      ? input.todayScore
      : scoreAgreement(input.milestones, input.updates, asOf).score;
  });
  return { firstMonth, from, months, scores };
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
  return searchTextOf(
    agreement,
    milestones,
    narratives.map((n) => n.narrative),
  );
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
