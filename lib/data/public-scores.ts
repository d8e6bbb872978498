import 'server-only';
import { getDb } from '../db.ts';
import { endOfDay, toIsoDate, type IsoDate } from '../dates.ts';
import type { StoredMonth } from '../scoring/aggregates.ts';
import { scoreAgreement, type ProgressStatus, type ScoredMilestone, type ScoredUpdate } from '../scoring/index.ts';

/** Scores of every public agreement and its milestones as they stood at the end of a day. */
export interface AsOfScores {
  asOf: IsoDate;
  agreements: Record<string, number>;
  milestones: Record<string, { score: number; status: ProgressStatus; lastObservedOn: IsoDate | null }>;
}

/** Where the as-of scores come from: computed here, or the cached copy (lib/data/public-cache.ts). */
export type AsOfScoresSource = (asOf: IsoDate) => Promise<AsOfScores>;

interface MilestoneRow {
  id: string;
  agreementId: string;
  kind: ScoredMilestone['kind'];
  weight: number;
  frequency: ScoredMilestone['frequency'];
  quantityPerPeriod: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  baseline: number | null;
  target: number | null;
}

interface UpdateRow {
  id: string;
  milestoneId: string;
  observedOn: Date;
  status: ProgressStatus;
  progress: number | null;
  quantity: number | null;
  actualValue: number | null;
  reviewedAt: Date;
  supersedesId: string | null;
}

export function toScoredMilestoneRow(row: Omit<MilestoneRow, 'agreementId'>): ScoredMilestone {
  return { ...row, startsOn: row.startsOn ? toIsoDate(row.startsOn) : null, endsOn: row.endsOn ? toIsoDate(row.endsOn) : null };
}

export function toScoredUpdateRow(row: UpdateRow): ScoredUpdate {
  return { ...row, observedOn: toIsoDate(row.observedOn), reviewState: 'VERIFIED' };
}

/**
 * Computes every public agreement's score as of a day from the verified updates alone. SQL keeps
 * only what could count (verified before the day ended, observed by then, not superseded by such an
 * update, on live milestones of public agreements); the scoring library decides the rest.
 */
export async function loadScoresAsOf(asOf: IsoDate): Promise<AsOfScores> {
  const db = getDb();
  const cutoff = endOfDay(asOf);
  const [agreements, milestones, updates] = await Promise.all([
    db.agreement.findMany({ where: { publication: 'PUBLISHED', archivedAt: null }, select: { id: true } }),
    db.$queryRaw<MilestoneRow[]>`
      select m.id, m.agreement_id as "agreementId", m.kind::text as kind, m.weight, m.frequency::text as frequency,
             m.quantity_per_period as "quantityPerPeriod", m.starts_on as "startsOn", m.ends_on as "endsOn",
             m.baseline, m.target
      from milestone m join agreement a on a.id = m.agreement_id
      where a.publication = 'PUBLISHED' and a.archived_at is null and m.archived_at is null`,
    db.$queryRaw<UpdateRow[]>`
      with counted as (
        select u.id, u.milestone_id, u.observed_on, u.status, u.progress, u.quantity, u.actual_value,
               u.reviewed_at, u.supersedes_id
        from progress_update u
        join agreement a on a.id = u.agreement_id
        join milestone m on m.id = u.milestone_id
        where a.publication = 'PUBLISHED' and a.archived_at is null and m.archived_at is null
          and u.review_state = 'VERIFIED' and u.reviewed_at < ${cutoff} and u.observed_on <= ${asOf}::date
      )
      select c.id, c.milestone_id as "milestoneId", c.observed_on as "observedOn", c.status::text as status,
             c.progress, c.quantity, c.actual_value as "actualValue", c.reviewed_at as "reviewedAt",
             c.supersedes_id as "supersedesId"
      from counted c
      where not exists (select 1 from counted s where s.supersedes_id = c.id)`,
  ]);

  const milestonesByAgreement = new Map<string, ScoredMilestone[]>();
  const agreementOfMilestone = new Map<string, string>();
  for (const { agreementId, ...row } of milestones) {
    agreementOfMilestone.set(row.id, agreementId);
    milestonesByAgreement.set(agreementId, [...(milestonesByAgreement.get(agreementId) ?? []), toScoredMilestoneRow(row)]);
  }
  const updatesByAgreement = new Map<string, ScoredUpdate[]>();
  for (const row of updates) {
    const agreementId = agreementOfMilestone.get(row.milestoneId);
    if (!agreementId) continue;
    const list = updatesByAgreement.get(agreementId) ?? [];
    list.push(toScoredUpdateRow(row));
    updatesByAgreement.set(agreementId, list);
  }

  const result: AsOfScores = { asOf, agreements: {}, milestones: {} };
  for (const { id } of agreements) {
    const scored = scoreAgreement(milestonesByAgreement.get(id) ?? [], updatesByAgreement.get(id) ?? [], asOf);
    result.agreements[id] = scored.score;
    for (const milestone of scored.milestones) {
      result.milestones[milestone.milestoneId] = {
        score: milestone.score,
        status: milestone.status,
        lastObservedOn: milestone.latest?.observedOn ?? null,
      };
    }
  }
  return result;
}

/** Month-end score history of the given public agreements, up to the month of `until`, oldest first. */
export async function loadScoreHistory(agreementIds: readonly string[], until: IsoDate): Promise<Map<string, StoredMonth[]>> {
  const rows = await getDb().agreementScoreMonth.findMany({
    where: { agreementId: { in: [...agreementIds] }, month: { lte: new Date(`${until}T00:00:00Z`) } },
    select: { agreementId: true, month: true, score: true },
    orderBy: [{ agreementId: 'asc' }, { month: 'asc' }],
  });
  const history = new Map<string, StoredMonth[]>();
  for (const row of rows) {
    const list = history.get(row.agreementId) ?? [];
    list.push({ month: toIsoDate(row.month), score: row.score });
    history.set(row.agreementId, list);
  }
  return history;
}
