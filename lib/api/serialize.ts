// The open API's JSON shapes (docs/api.md). Field names are part of the contract: internal shapes may
// change, these may not. Agreements are identified by slug; milestones and updates by id.
import { roundScore } from '../csv/format.ts';
import type { AgreementDetail } from '../data/public-agreement-detail.ts';
import type { AgreementListItem, AgreementListPage } from '../data/public-agreements.ts';
import type { GroupScore, PublicSummary } from '../data/public-summary.ts';
import type { IsoDate } from '../dates.ts';
import { METHOD_VERSION } from '../scoring/index.ts';

const scoreOrNull = (score: number | null) => (score === null ? null : roundScore(score));

export function meta(asOf: IsoDate | null, extra: Record<string, unknown> = {}) {
  return { asOf, methodVersion: METHOD_VERSION, ...extra };
}

export function agreementJson(item: AgreementListItem) {
  return {
    slug: item.slug,
    title: item.title,
    kind: item.kind,
    status: item.status,
    signedOn: item.signedOn,
    effectiveOn: item.effectiveOn,
    expiresOn: item.expiresOn,
    summary: item.summary,
    score: roundScore(item.score),
    band: item.band,
    sectors: item.sectors.map(({ slug, name }) => ({ slug, name })),
    parties: item.parties.map(({ slug, name, shortName, role }) => ({ slug, name, shortName, role })),
    links: { self: `/api/v1/agreements/${item.slug}`, html: `/agreements/${item.slug}` },
  };
}

export function agreementPageJson(page: AgreementListPage, asOf: IsoDate | null, sort: string) {
  return {
    data: page.items.map(agreementJson),
    meta: meta(asOf, { page: page.page, perPage: page.perPage, total: page.total, totalPages: page.totalPages, sort }),
  };
}

export function agreementDetailJson(detail: AgreementDetail) {
  return {
    data: {
      slug: detail.slug,
      title: detail.title,
      kind: detail.kind,
      status: detail.status,
      signedOn: detail.signedOn,
      effectiveOn: detail.effectiveOn,
      expiresOn: detail.expiresOn,
      summary: detail.summary,
      score: roundScore(detail.score),
      band: detail.band,
      countsTowardsAggregates: detail.countsTowardsAggregates,
      sectors: detail.sectors,
      parties: detail.parties.map(({ slug, name, shortName, role, kind, countryCode }) => ({
        slug,
        name,
        shortName,
        role,
        kind,
        countryCode,
      })),
      sourceDocuments: detail.sourceDocuments,
      milestones: detail.milestones.map((milestone) => ({
        id: milestone.id,
        title: milestone.title,
        description: milestone.description,
        clauseRef: milestone.clauseRef,
        clauseExcerpt: milestone.clauseExcerpt,
        responsibleParty: milestone.responsibleParty,
        dueOn: milestone.dueOn,
        weight: milestone.weight,
        kind: milestone.kind,
        frequency: milestone.frequency,
        quantityPerPeriod: milestone.quantityPerPeriod,
        unit: milestone.unit,
        startsOn: milestone.startsOn,
        endsOn: milestone.endsOn,
        baseline: milestone.baseline,
        target: milestone.target,
        actualValue: milestone.actualValue,
        score: roundScore(milestone.score),
        status: milestone.status,
        counted: milestone.counted,
        overdue: milestone.overdue,
        lastObservedOn: milestone.lastObservedOn,
        ledger: milestone.ledger,
        compliance: milestone.compliance,
        sides: milestone.sides && {
          gap: roundScore(milestone.sides.gap),
          assessments: milestone.sides.assessments.map((assessment) => ({ ...assessment, score: roundScore(assessment.score) })),
        },
      })),
      updates: detail.updates.map((update) => ({
        id: update.id,
        milestoneId: update.milestoneId,
        observedOn: update.observedOn,
        verifiedAt: update.verifiedAt,
        status: update.status,
        progress: update.progress,
        quantity: update.quantity,
        actualValue: update.actualValue,
        narrative: update.narrative,
        side: update.side,
        supersedesId: update.supersedesId,
        correctionReason: update.correctionReason,
        supersededBy: update.supersededBy,
        evidence: update.evidence,
      })),
      history: detail.history.map(({ month, score }) => ({ month, score: scoreOrNull(score) })),
      links: { self: `/api/v1/agreements/${detail.slug}`, html: `/agreements/${detail.slug}` },
    },
    meta: meta(detail.asOf),
  };
}

export function groupScoreJson(group: GroupScore, kind: 'sector' | 'party') {
  return {
    slug: group.slug,
    name: group.name,
    ...(kind === 'party' ? { shortName: group.shortName, kind: group.party?.kind, countryCode: group.party?.countryCode } : {}),
    description: group.description,
    agreementCount: group.agreementCount,
    countedAgreements: group.counted,
    score: scoreOrNull(group.score),
    band: group.band,
    links: { html: `/${kind === 'sector' ? 'sectors' : 'parties'}/${group.slug}` },
  };
}

export function overallJson(summary: PublicSummary) {
  return {
    score: scoreOrNull(summary.score),
    band: summary.band,
    agreementCount: summary.agreementCount,
    countedAgreements: summary.counted,
    history: summary.history.map(({ month, score }) => ({ month, score: scoreOrNull(score) })),
  };
}
