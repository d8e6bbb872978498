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

export function toScoredMilestoneRow(row: Omit<MilestoneRow, 'agreementId'>): ScoredMilestone {
  return { ...row, startsOn: row.startsOn ? toIsoDate(row.startsOn) : null, endsOn: row.endsOn ? toIsoDate(row.endsOn) : null };
}

/** One update as the as-of query sends it: [id, observedOn, status, progress, quantity, actualValue, reviewedAt in ms]. */
type PackedUpdate = [string, IsoDate, ProgressStatus, number | null, number | null, number | null, number];

function unpackUpdate(
  milestoneId: string,
  [id, observedOn, status, progress, quantity, actualValue, reviewedAt]: PackedUpdate,
): ScoredUpdate {
  return {
    id,
    milestoneId,
    observedOn,
    status,
    progress,
    quantity,
    actualValue,
    reviewState: 'VERIFIED',
    reviewedAt: new Date(reviewedAt),
  };
}

/**
 * Computes every public agreement's score as of a day from the verified updates alone. SQL keeps
 * only what can decide a score: updates verified before the day ended and observed by then, not
 * superseded by such an update, on live milestones of public agreements; of those, only the latest
 * for a one-off milestone or a numeric target (the only one their score reads), every delivery for
 * a recurring obligation. They arrive packed as one JSON array per milestone, because 100,000
 * separate rows cost seconds to transfer. The scoring library decides the rest.
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
    db.$queryRaw<{ milestoneId: string; updates: string }[]>`
      with counted as (
        select u.id, u.milestone_id, u.observed_on, u.status, u.progress, u.quantity, u.actual_value, u.reviewed_at, m.kind
        from progress_update u
        join milestone m on m.id = u.milestone_id and m.archived_at is null
        join agreement a on a.id = u.agreement_id and a.publication = 'PUBLISHED' and a.archived_at is null
        where u.review_state = 'VERIFIED' and u.reviewed_at < ${cutoff} and u.observed_on <= ${asOf}::date
          and not exists (
            select 1 from progress_update s
            where s.supersedes_id = u.id and s.review_state = 'VERIFIED' and s.reviewed_at < ${cutoff} and s.observed_on <= ${asOf}::date)
      ),
      relevant as (
        (select distinct on (milestone_id) * from counted where kind <> 'RECURRING'
         order by milestone_id, observed_on desc, reviewed_at desc, id desc)
        union all
        (select * from counted where kind = 'RECURRING')
      )
      select milestone_id as "milestoneId",
             json_agg(json_build_array(id, observed_on, status, progress, quantity, actual_value,
                                       (extract(epoch from reviewed_at) * 1000)::bigint))::text as updates
      from relevant group by milestone_id`,
  ]);

  const milestonesByAgreement = new Map<string, ScoredMilestone[]>();
  const agreementOfMilestone = new Map<string, string>();
  for (const { agreementId, ...row } of milestones) {
    agreementOfMilestone.set(row.id, agreementId);
    const list = milestonesByAgreement.get(agreementId) ?? [];
    list.push(toScoredMilestoneRow(row));
    milestonesByAgreement.set(agreementId, list);
  }
  const updatesByAgreement = new Map<string, ScoredUpdate[]>();
  for (const row of updates) {
    const agreementId = agreementOfMilestone.get(row.milestoneId);
    if (!agreementId) continue;
    const list = updatesByAgreement.get(agreementId) ?? [];
    for (const packed of JSON.parse(row.updates) as PackedUpdate[]) list.push(unpackUpdate(row.milestoneId, packed));
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

/**
 * Month-end score history of the given public agreements, up to the month of `until`, oldest first;
 * one JSON array per agreement rather than a row per month (a dashboard reads tens of thousands).
 */
export async function loadScoreHistory(agreementIds: readonly string[], until: IsoDate): Promise<Map<string, StoredMonth[]>> {
  const rows = await getDb().$queryRaw<{ agreementId: string; months: string }[]>`
    select agreement_id as "agreementId", json_agg(json_build_array(month, score) order by month)::text as months
    from agreement_score_month
    where agreement_id = any(${[...agreementIds]}::uuid[]) and month <= ${until}::date
    group by agreement_id`;
  return new Map(
    rows.map((row) => [row.agreementId, (JSON.parse(row.months) as [IsoDate, number][]).map(([month, score]) => ({ month, score }))]),
  );
}
