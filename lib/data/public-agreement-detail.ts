import 'server-only';
import { getDb } from '../db.ts';
import { endOfDay, toIsoDate, toIsoDateOrNull, type IsoDate } from '../dates.ts';
import type {
  EvidenceKind,
  MilestoneKind,
  PartyKind,
  PartyRole,
  RecurrenceFrequency,
  SourceDocumentKind,
} from '../generated/prisma/enums.ts';
import { agreementMonthly, type MonthScore } from '../scoring/aggregates.ts';
import { compareSides, type SidedUpdate } from '../scoring/assessments.ts';
import { isOverdue } from '../scoring/deadlines.ts';
import {
  complianceOf,
  bandOf,
  countsTowardsAggregates,
  recurringLedger,
  scoreAgreement,
  scoreMilestone,
  type LedgerRow,
  type ProgressStatus,
} from '../scoring/index.ts';
import { publicAgreementWhere, ROLE_ORDER, type AgreementListItem } from './public-agreements.ts';
import { loadScoreHistory, toScoredMilestoneRow } from './public-scores.ts';

export interface SideRef {
  slug: string;
  name: string;
  shortName: string | null;
}

/** What a milestone says and where it stands: the same on the agreement page and in the CSV download. */
export interface MilestoneFacts {
  title: string;
  description: string;
  clauseRef: string | null;
  clauseExcerpt: string | null;
  dueOn: IsoDate | null;
  weight: number;
  kind: MilestoneKind;
  frequency: RecurrenceFrequency | null;
  quantityPerPeriod: number | null;
  unit: string | null;
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
  baseline: number | null;
  target: number | null;
  score: number;
  status: ProgressStatus;
  lastObservedOn: IsoDate | null;
}

export interface MilestoneView extends MilestoneFacts {
  id: string;
  responsibleParty: SideRef | null;
  /** Cancelled milestones do not count towards the agreement's score. */
  counted: boolean;
  overdue: boolean;
  /** Numeric targets: the latest verified actual value. */
  actualValue: number | null;
  /** Recurring obligations: expected against delivered per period, and the totals over elapsed periods. */
  ledger: LedgerRow[] | null;
  compliance: { expected: number; delivered: number; rate: number | null } | null;
  /** Present when analysts of two or more sides have assessed the milestone. */
  sides: {
    gap: number;
    assessments: { side: SideRef; updateId: string; observedOn: IsoDate; status: ProgressStatus; score: number }[];
  } | null;
}

export interface UpdateView {
  id: string;
  milestoneId: string;
  milestoneTitle: string;
  observedOn: IsoDate;
  verifiedAt: string;
  status: ProgressStatus;
  progress: number | null;
  quantity: number | null;
  actualValue: number | null;
  narrative: string;
  side: SideRef | null;
  supersedesId: string | null;
  correctionReason: string | null;
  /** Set when a later verified correction replaced this update; history is never edited. */
  supersededBy: { id: string; observedOn: IsoDate; correctionReason: string | null } | null;
  evidence: { url: string; title: string; publisher: string | null; publishedOn: IsoDate | null; kind: EvidenceKind }[];
}

/** An agreement as the list shows it, and everything its own page adds. */
export interface AgreementDetail extends Omit<AgreementListItem, 'parties'> {
  /** The day the figures describe: the as-of day, or today. */
  reference: IsoDate;
  asOf: IsoDate | null;
  countsTowardsAggregates: boolean;
  parties: (SideRef & { role: PartyRole; kind: PartyKind; countryCode: string })[];
  sourceDocuments: { title: string; url: string; kind: SourceDocumentKind; publishedOn: IsoDate | null }[];
  milestones: MilestoneView[];
  /** Verified updates, newest first, superseded ones included and marked. */
  updates: UpdateView[];
  history: MonthScore[];
}

/**
 * One public agreement as it stands today (stored scores) or as it stood at the end of `asOf`
 * (computed from the updates verified by then). Null when the agreement is not public.
 */
export async function loadAgreementDetail(id: string, asOf: IsoDate | null, today: IsoDate): Promise<AgreementDetail | null> {
  const db = getDb();
  const reference = asOf ?? today;
  const [agreement, milestones, updates, history] = await Promise.all([
    db.agreement.findFirst({
      where: { id, ...publicAgreementWhere },
      select: {
        id: true,
        slug: true,
        title: true,
        kind: true,
        status: true,
        signedOn: true,
        effectiveOn: true,
        expiresOn: true,
        summary: true,
        score: true,
        sectors: { where: { sector: { archivedAt: null } }, select: { sector: { select: { slug: true, name: true, position: true } } } },
        parties: {
          where: { party: { archivedAt: null } },
          select: { role: true, party: { select: { slug: true, name: true, shortName: true, kind: true, countryCode: true } } },
        },
        sourceDocuments: { select: { title: true, url: true, kind: true, publishedOn: true }, orderBy: { position: 'asc' } },
      },
    }),
    db.milestone.findMany({
      where: { agreementId: id, archivedAt: null, agreement: publicAgreementWhere },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
      select: {
        id: true,
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
        responsibleParty: { select: { slug: true, name: true, shortName: true } },
      },
    }),
    db.progressUpdate.findMany({
      where: {
        agreementId: id,
        reviewState: 'VERIFIED',
        milestone: { archivedAt: null },
        agreement: publicAgreementWhere,
        ...(asOf ? { reviewedAt: { lt: endOfDay(asOf) }, observedOn: { lte: new Date(`${asOf}T00:00:00Z`) } } : {}),
      },
      orderBy: [{ observedOn: 'desc' }, { reviewedAt: 'desc' }],
      select: {
        id: true,
        milestoneId: true,
        observedOn: true,
        reviewedAt: true,
        status: true,
        progress: true,
        quantity: true,
        actualValue: true,
        narrative: true,
        supersedesId: true,
        correctionReason: true,
        authorSideId: true,
        authorSide: { select: { slug: true, name: true, shortName: true } },
        evidence: { select: { url: true, title: true, publisher: true, publishedOn: true, kind: true }, orderBy: { position: 'asc' } },
      },
    }),
    loadScoreHistory([id], reference),
  ]);
  if (!agreement) return null;

  const scoredMilestones = milestones.map(toScoredMilestoneRow);
  const scoredUpdates: SidedUpdate[] = updates.map((update) => ({
    ...update,
    observedOn: toIsoDate(update.observedOn),
    reviewState: 'VERIFIED',
    reviewedAt: update.reviewedAt,
  }));
  const computed = asOf ? scoreAgreement(scoredMilestones, scoredUpdates, asOf) : null;
  const score = computed ? computed.score : agreement.score;
  const signedOn = toIsoDateOrNull(agreement.signedOn);

  const sideOf = new Map(updates.map((update) => [update.id, update.authorSide]));
  const milestoneViews = milestones.map((milestone, index): MilestoneView => {
    const scored = scoredMilestones[index]!;
    const result = computed?.milestones[index] ?? scoreMilestone(scored, scoredUpdates, reference);
    const stored = { score: milestone.score, status: milestone.status, lastObservedOn: toIsoDateOrNull(milestone.lastObservedOn) };
    const current = computed ? { score: result.score, status: result.status, lastObservedOn: result.latest?.observedOn ?? null } : stored;
    const comparison = compareSides(scored, scoredUpdates, reference);
    return {
      ...milestone,
      ...current,
      dueOn: toIsoDateOrNull(milestone.dueOn),
      startsOn: scored.startsOn ?? null,
      endsOn: scored.endsOn ?? null,
      counted: current.status !== 'CANCELLED',
      overdue: isOverdue({ dueOn: toIsoDateOrNull(milestone.dueOn), ...current }, reference),
      actualValue: milestone.kind === 'TARGET' ? (result.latest?.actualValue ?? null) : null,
      ledger:
        milestone.kind === 'RECURRING'
          ? recurringLedger(
              scored,
              scoredUpdates.filter((u) => u.milestoneId === milestone.id),
              reference,
            )
          : null,
      compliance: milestone.kind === 'RECURRING' ? complianceOf(result) : null,
      sides: comparison && {
        gap: comparison.gap,
        assessments: comparison.sides
          .flatMap((side) => {
            const ref = sideOf.get(side.latest.id);
            return ref
              ? [{ side: ref, updateId: side.latest.id, observedOn: side.latest.observedOn, status: side.latest.status, score: side.score }]
              : [];
          })
          .sort((a, b) => a.side.name.localeCompare(b.side.name)),
      },
    };
  });

  const titleOf = new Map(milestones.map((milestone) => [milestone.id, milestone.title]));
  const correctionOf = new Map(updates.filter((u) => u.supersedesId).map((u) => [u.supersedesId!, u]));
  const updateViews = updates.map(({ authorSide, authorSideId: _side, reviewedAt, ...update }): UpdateView => {
    const correction = correctionOf.get(update.id);
    return {
      ...update,
      milestoneTitle: titleOf.get(update.milestoneId) ?? '',
      observedOn: toIsoDate(update.observedOn),
      // Verified updates always carry their review time.
      verifiedAt: reviewedAt!.toISOString(),
      side: authorSide,
      supersededBy: correction
        ? { id: correction.id, observedOn: toIsoDate(correction.observedOn), correctionReason: correction.correctionReason }
        : null,
      evidence: update.evidence.map((item) => ({ ...item, publishedOn: toIsoDateOrNull(item.publishedOn) })),
    };
  });

  return {
    id: agreement.id,
    slug: agreement.slug,
    title: agreement.title,
    kind: agreement.kind,
    status: agreement.status,
    signedOn,
    effectiveOn: toIsoDateOrNull(agreement.effectiveOn),
    expiresOn: toIsoDateOrNull(agreement.expiresOn),
    summary: agreement.summary,
    reference,
    asOf,
    score,
    band: bandOf(score),
    countsTowardsAggregates: countsTowardsAggregates({ status: agreement.status, signedOn }, reference),
    sectors: agreement.sectors
      .map(({ sector }) => sector)
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map(({ slug, name }) => ({ slug, name })),
    parties: agreement.parties
      .map(({ role, party }) => ({ ...party, role }))
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name)),
    sourceDocuments: agreement.sourceDocuments.map((doc) => ({ ...doc, publishedOn: toIsoDateOrNull(doc.publishedOn) })),
    milestones: milestoneViews,
    updates: updateViews,
    history: agreementMonthly(history.get(id) ?? [], score, reference),
  };
}
