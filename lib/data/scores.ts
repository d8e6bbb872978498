import 'server-only';
import type { Tx } from '../db-client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { startOfMonth, todayIso, toIsoDate, toIsoDateOrNull, type IsoDate } from '../dates.ts';
import type { AgreementResult, ProgressStatus, ScoredMilestone, ScoredUpdate } from '../scoring/index.ts';
import { searchTextOf, storedScores } from '../scoring/stored.ts';

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
 * Serialises every transaction that changes an agreement's scoring inputs, taken before anything
 * else the transaction locks (lib/data/write-transaction.ts has the order). It makes the
 * recomputation read the committed result of the previous such transaction (read committed takes a
 * fresh snapshot per statement), so concurrent reviews cannot overwrite each other's scores. NO KEY
 * UPDATE, because nothing changes the agreement's key: inserts that only reference the agreement
 * (their foreign-key check takes KEY SHARE) need not wait for it.
 */
export async function lockAgreement(tx: Tx, agreementId: string) {
  await lockAgreements(tx, [agreementId]);
}

/** `lockAgreement` for many agreements in one statement, in id order so two such callers cannot deadlock. */
export async function lockAgreements(tx: Tx, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return;
  await tx.$queryRaw`select id from agreement where id = any(${[...agreementIds]}::uuid[]) order by id for no key update`;
}

export interface RecomputeOptions {
  today?: IsoDate;
  /**
   * First month of the stored history to rewrite, for every agreement or per agreement; earlier
   * months are kept. A month's value is the score at its end, from updates verified by then, so a
   * review today changes only the current month. Omit to rebuild the whole history (after the
   * milestones themselves changed).
   */
  fromMonth?: IsoDate | ReadonlyMap<string, IsoDate>;
  /**
   * The public search text: rebuilt from the live milestones and verified narratives (the default),
   * kept as it is (nothing in it changed), or with one newly verified narrative appended (the text
   * runs to tens of kilobytes on a busy agreement; appending never reads it back).
   */
  searchText?: 'rebuild' | 'keep' | { append: string };
}

/** Agreements per round of statements: keeps the arrays of one statement to some hundred thousand values. */
const CHUNK = 1_000;

/**
 * THE score recomputation: for each agreement, the milestones' scores and statuses, the agreement's
 * score, its month-by-month history and its public search text, from its live milestones and
 * verified updates, writing only what changed. Used by the review, the admin edits, the import, the
 * daily refresh and the seed, for one agreement or thousands: a few statements per thousand
 * agreements. Call inside the transaction that changed the inputs, with the agreements locked. An
 * appended narrative (a verification) is for one agreement.
 */
export async function recomputeScores(
  tx: Tx,
  agreementIds: readonly string[],
  options: RecomputeOptions = {},
): Promise<Map<string, AgreementResult>> {
  const results = new Map<string, AgreementResult>();
  const chunkOptions = { ...options, today: options.today ?? todayIso() };
  for (let start = 0; start < agreementIds.length; start += CHUNK) {
    for (const [id, result] of await recomputeChunk(tx, agreementIds.slice(start, start + CHUNK), chunkOptions)) results.set(id, result);
  }
  return results;
}

type StoredMilestone = ScoredMilestone & { agreementId: string; score: number; status: ProgressStatus; lastObservedOn: IsoDate | null };
type MilestoneText = { title: string; description: string; clauseRef: string | null; clauseExcerpt: string | null };
type VerifiedUpdate = ScoredUpdate & { agreementId: string; narrative?: string };

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

async function recomputeChunk(tx: Tx, ids: readonly string[], options: RecomputeOptions & { today: IsoDate }) {
  const { today } = options;
  const rebuild = (options.searchText ?? 'rebuild') === 'rebuild';
  // Dates as ISO text, as scoring takes them; the text columns only when the search text is rebuilt.
  const agreements = await tx.$queryRaw<{ id: string; signedOn: IsoDate | null; title: string; summary: string; searchText?: string }[]>`
    select id, signed_on::text as "signedOn", title, summary ${rebuild ? Prisma.sql`, search_text as "searchText"` : Prisma.empty}
    from agreement where id = any(${ids}::uuid[])`;
  const milestones = await tx.$queryRaw<(StoredMilestone & Partial<MilestoneText>)[]>`
    select agreement_id as "agreementId", id, kind::text as kind, weight, frequency::text as frequency,
      quantity_per_period as "quantityPerPeriod", starts_on::text as "startsOn", ends_on::text as "endsOn", baseline, target,
      score, status::text as status, last_observed_on::text as "lastObservedOn"
      ${rebuild ? Prisma.sql`, title, description, clause_ref as "clauseRef", clause_excerpt as "clauseExcerpt"` : Prisma.empty}
    from milestone where agreement_id = any(${ids}::uuid[]) and archived_at is null
    order by agreement_id, position, created_at, id`;
  const updates = await tx.$queryRaw<VerifiedUpdate[]>`
    select agreement_id as "agreementId", id, milestone_id as "milestoneId", observed_on::text as "observedOn", status::text as status,
      progress, quantity, actual_value as "actualValue", review_state::text as "reviewState", reviewed_at as "reviewedAt",
      supersedes_id as "supersedesId", author_side_id as "authorSideId" ${rebuild ? Prisma.sql`, narrative` : Prisma.empty}
    from progress_update where agreement_id = any(${ids}::uuid[]) and review_state = 'VERIFIED'
    order by observed_on, id`;

  const milestonesOf = groupBy(milestones, (row) => row.agreementId);
  const updatesOf = groupBy(updates, (row) => row.agreementId);
  const w = new ChunkWrites();
  const results = new Map<string, AgreementResult>();
  for (const agreement of agreements) {
    const live = milestonesOf.get(agreement.id) ?? [];
    const verified = updatesOf.get(agreement.id) ?? [];
    const fromMonth = typeof options.fromMonth === 'string' ? options.fromMonth : options.fromMonth?.get(agreement.id);
    const { result, history } = storedScores({ signedOn: agreement.signedOn, milestones: live, updates: verified }, { today, fromMonth });
    results.set(agreement.id, result);
    w.milestones(live, result);
    w.history(agreement.id, history);
    w.scores.ids.push(agreement.id);
    w.scores.scores.push(result.score);
    if (rebuild) {
      const liveIds = new Set(live.map((row) => row.id));
      const narratives = verified.filter((row) => liveIds.has(row.milestoneId)).map((row) => row.narrative!);
      const text = searchTextOf(agreement, live as (StoredMilestone & MilestoneText)[], narratives);
      if (text !== agreement.searchText) w.texts.push([agreement.id, text]);
    }
  }
  await w.write(tx, today, options.searchText);
  return results;
}

/** What one chunk stores, collected per agreement and written a statement per kind. */
class ChunkWrites {
  changed: { id: string; score: number; status: ProgressStatus; lastObservedOn: IsoDate | null }[] = [];
  months = { ids: [] as string[], months: [] as IsoDate[], scores: [] as number[] };
  /** Fully rebuilt histories: months before the first or after the current one no longer belong. */
  rebuilt = { ids: [] as string[], firstMonths: [] as IsoDate[] };
  /** Agreements without a first month (no signature date, nothing observed): no history at all. */
  emptied: string[] = [];
  scores = { ids: [] as string[], scores: [] as number[] };
  texts: [string, string][] = [];

  milestones(stored: readonly StoredMilestone[], result: AgreementResult) {
    const storedById = new Map(stored.map((row) => [row.id, row]));
    for (const milestone of result.milestones) {
      const lastObservedOn = milestone.latest?.observedOn ?? null;
      const before = storedById.get(milestone.milestoneId);
      const unchanged =
        before && before.score === milestone.score && before.status === milestone.status && before.lastObservedOn === lastObservedOn;
      if (!unchanged) this.changed.push({ id: milestone.milestoneId, score: milestone.score, status: milestone.status, lastObservedOn });
    }
  }

  history(agreementId: string, history: ReturnType<typeof storedScores>['history']) {
    if (!history) {
      this.emptied.push(agreementId);
      return;
    }
    if (history.from === history.firstMonth) {
      this.rebuilt.ids.push(agreementId);
      this.rebuilt.firstMonths.push(history.firstMonth);
    }
    this.months.ids.push(...history.months.map(() => agreementId));
    this.months.months.push(...history.months);
    this.months.scores.push(...history.scores);
  }

  async write(tx: Tx, today: IsoDate, searchText: RecomputeOptions['searchText']) {
    const at = new Date();
    const { changed, months, rebuilt, emptied, scores, texts } = this;
    if (changed.length) {
      await tx.$executeRaw`
        update milestone m set score = c.score, status = c.status::"ProgressStatus", last_observed_on = c.last_observed_on, updated_at = ${at}
        from unnest(${changed.map((c) => c.id)}::uuid[], ${changed.map((c) => c.score)}::float8[], ${changed.map((c) => c.status)}::text[],
          ${changed.map((c) => c.lastObservedOn)}::date[]) as c(id, score, status, last_observed_on)
        where m.id = c.id`;
    }
    if (emptied.length) await tx.$executeRaw`delete from agreement_score_month where agreement_id = any(${emptied}::uuid[])`;
    if (rebuilt.ids.length) {
      await tx.$executeRaw`
        delete from agreement_score_month s using unnest(${rebuilt.ids}::uuid[], ${rebuilt.firstMonths}::date[]) as u(id, first_month)
        where s.agreement_id = u.id and (s.month < u.first_month or s.month > ${startOfMonth(today)}::date)`;
    }
    if (months.ids.length) {
      await tx.$executeRaw`
        insert into agreement_score_month (agreement_id, month, score)
        select * from unnest(${months.ids}::uuid[], ${months.months}::date[], ${months.scores}::float8[])
        on conflict (agreement_id, month) do update set score = excluded.score`;
    }
    // The appended narrative goes in with the score; a rebuilt text separately, so the search vector
    // trigger runs only where the text changed.
    const appended = typeof searchText === 'object' && searchText.append.trim() ? `\n${searchText.append}` : null;
    await tx.$executeRaw`
      update agreement a set score = u.score, scored_at = ${at}, updated_at = ${at}
        ${appended === null ? Prisma.empty : Prisma.sql`, search_text = a.search_text || ${appended}`}
      from unnest(${scores.ids}::uuid[], ${scores.scores}::float8[]) as u(id, score) where a.id = u.id`;
    if (texts.length) {
      await tx.$executeRaw`
        update agreement a set search_text = u.search_text
        from unnest(${texts.map(([id]) => id)}::uuid[], ${texts.map(([, text]) => text)}::text[]) as u(id, search_text) where a.id = u.id`;
    }
  }
}
