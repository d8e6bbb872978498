// Agreements and what hangs off them: sectors, parties with roles, source documents, assignments and
// milestones of all three kinds with plausible schedules, targets, weights and clause references.
import { addDays, type IsoDate } from '../../lib/dates.ts';
import type { AgreementKind, LifecycleStatus, RecurrenceFrequency } from '../../lib/generated/prisma/enums.ts';
import { ID_TAGS, slugify } from './generate-base.ts';
import { generateUpdates, timeOn, type AssignedAnalyst } from './generate-updates.ts';
import { emptyChunk, type AgreementRow, type BaseSet, type Chunk, type MilestoneRow, type PartyRow } from './model.ts';
import type { IdFactory, Random } from './random.ts';
import { CITIES, KIND_PHRASES, QUALIFIERS, SECTOR_VOCABULARY } from './vocabulary.ts';

const KIND_WEIGHTS: Record<AgreementKind, number> = {
  MOU: 35,
  AGREEMENT: 20,
  PROTOCOL: 10,
  PROGRAMME: 10,
  CONTRACT: 8,
  LETTER_OF_INTENT: 7,
  JOINT_DECLARATION: 6,
  TREATY: 4,
};
const STATUS_WEIGHTS: Record<LifecycleStatus, number> = {
  IN_FORCE: 40,
  SIGNED: 18,
  COMPLETED: 8,
  SUSPENDED: 4,
  TERMINATED: 3,
  EXPIRED: 5,
  PROPOSED: 10,
  UNDER_NEGOTIATION: 12,
};
const FREQUENCY_WEIGHTS: Record<RecurrenceFrequency, number> = { MONTHLY: 30, QUARTERLY: 35, SEMIANNUAL: 15, ANNUAL: 17, WEEKLY: 3 };
const UNSIGNED: LifecycleStatus[] = ['PROPOSED', 'UNDER_NEGOTIATION'];
const EARLIEST_SIGNING = '2016-01-01';

export interface AgreementContext {
  random: Random;
  ids: IdFactory;
  base: BaseSet;
  asOf: IsoDate;
  /** Nothing generated happens on or after this instant (the start of `asOf`). */
  cutoff: Date;
}

function signatory(random: Random, parties: PartyRow[]): PartyRow {
  return random.chance(0.4) ? parties.find((party) => party.kind === 'STATE')! : random.pick(parties);
}

/** One or two analysts of each side, sometimes an independent one too. */
function assignAnalysts(random: Random, base: BaseSet): AssignedAnalyst[] {
  const chosen: AssignedAnalyst[] = [
    ...random.sample(base.analysts.PK, random.int(1, 2)).map((user) => ({ user, side: 'PK' as const })),
    ...random.sample(base.analysts.AZ, random.int(1, 2)).map((user) => ({ user, side: 'AZ' as const })),
  ];
  if (base.analysts.XX.length && random.chance(0.2)) chosen.push({ user: random.pick(base.analysts.XX), side: 'XX' });
  return chosen;
}

function milestone(
  ctx: AgreementContext,
  agreement: AgreementRow,
  sectorSlug: string,
  parties: PartyRow[],
  position: number,
): MilestoneRow {
  const { random } = ctx;
  const words = SECTOR_VOCABULARY[sectorSlug]!;
  const kind = random.weighted({ ONE_OFF: 55, RECURRING: 25, TARGET: 20 });
  const start = agreement.signedOn ?? addDays(ctx.asOf, 90);
  const common = {
    id: ctx.ids.next(ID_TAGS.milestone),
    agreementId: agreement.id,
    position,
    kind,
    clauseRef: `Art. ${position + 2}(${'abcd'[random.int(0, 3)]})`,
    responsiblePartyId: random.chance(0.8) ? random.pick(parties).id : null,
    weight: Number(random.weighted({ 1: 60, 2: 25, 3: 10, 0.5: 5 })),
    frequency: null,
    quantityPerPeriod: null,
    unit: null,
    startsOn: null,
    endsOn: null,
    baseline: null,
    target: null,
    score: 0,
    status: 'NOT_STARTED' as const,
    lastObservedOn: null,
    createdAt: agreement.createdAt,
  };
  const excerpt = (text: string) =>
    random.chance(0.5) ? `The Parties shall ensure that the following is achieved: ${text.toLowerCase()}.` : null;
  if (kind === 'RECURRING') {
    const obligation = random.pick(words.recurring);
    const frequency = random.weighted(FREQUENCY_WEIGHTS);
    const startsOn = addDays(start, random.int(30, 400));
    const endsOn =
      frequency === 'WEEKLY'
        ? addDays(startsOn, random.int(180, 360))
        : random.chance(0.3)
          ? addDays(startsOn, random.int(700, 2200))
          : null;
    const perPeriod = random.int(...obligation.perPeriod);
    return {
      ...common,
      title: obligation.title,
      clauseExcerpt: excerpt(obligation.title),
      dueOn: null,
      description: `${perPeriod} ${obligation.unit} per ${frequency.toLowerCase()} period under the agreement.`,
      frequency,
      quantityPerPeriod: perPeriod,
      unit: obligation.unit,
      startsOn,
      endsOn,
    };
  }
  const dueOn = addDays(start, random.int(90, 1500));
  if (kind === 'TARGET') {
    const measure = random.pick(words.targets);
    const target = random.int(...measure.range);
    const baseline = random.chance(0.5) ? 0 : Math.round(target * random.next() * 0.3);
    return {
      ...common,
      title: `${measure.title}: ${target} ${measure.unit}`,
      clauseExcerpt: excerpt(measure.title),
      dueOn,
      description: `From ${baseline} to ${target} ${measure.unit} by ${dueOn}.`,
      unit: measure.unit,
      baseline,
      target,
    };
  }
  const title = random.pick(words.oneOff);
  return { ...common, title, clauseExcerpt: excerpt(title), dueOn, description: `${title} in ${random.pick(CITIES)}, due by ${dueOn}.` };
}

function agreementDates(random: Random, status: LifecycleStatus, asOf: IsoDate) {
  if (UNSIGNED.includes(status)) return { signedOn: null, effectiveOn: null, expiresOn: null };
  const signedOn = random.day(EARLIEST_SIGNING, addDays(asOf, -90));
  const effectiveOn = random.chance(0.8) ? addDays(signedOn, random.int(0, 180)) : null;
  const expiresOn =
    status === 'EXPIRED' ? random.day(signedOn, addDays(asOf, -1)) : random.chance(0.3) ? addDays(signedOn, random.int(3, 10) * 365) : null;
  return { signedOn, effectiveOn, expiresOn: expiresOn && expiresOn > signedOn ? expiresOn : null };
}

/** Generates agreements number `from` to `from + count - 1` (1-based numbering feeds the slugs). */
export function generateAgreements(ctx: AgreementContext, from: number, count: number): Chunk {
  const { random, ids, base } = ctx;
  const chunk = emptyChunk();
  for (let n = from; n < from + count; n++) {
    const sectors = random.sample(base.sectors, Number(random.weighted({ 1: 50, 2: 30, 3: 15, 4: 5 })));
    const primary = SECTOR_VOCABULARY[sectors[0]!.slug]!;
    const kind = random.weighted(KIND_WEIGHTS);
    const status = random.weighted(STATUS_WEIGHTS);
    const topic = random.pick(primary.topics);
    const title = `${KIND_PHRASES[kind]} ${random.pick(QUALIFIERS)} ${topic}${random.chance(0.3) ? ` in ${random.pick(CITIES)}` : ''}`;
    const dates = agreementDates(random, status, ctx.asOf);
    const createdOn = dates.signedOn ?? random.day('2020-01-01', addDays(ctx.asOf, -1));
    const state = random.weighted({ PUBLISHED: 86, DRAFT: 10, ARCHIVED: 4 });
    const agreement: AgreementRow = {
      id: ids.next(ID_TAGS.agreement),
      slug: `${slugify(title)}-${n}`,
      title,
      kind,
      status,
      ...dates,
      summary: `${title} between Pakistan and Azerbaijan. It covers ${topic} and sets out ${
        sectors.length > 1
          ? 'related work in ' +
            sectors
              .slice(1)
              .map((s) => s.name)
              .join(', ')
          : 'the steps each side takes'
      }.`,
      publication: state === 'DRAFT' ? 'DRAFT' : 'PUBLISHED',
      publishedAt: state === 'DRAFT' ? null : timeOn(random, createdOn, ctx.cutoff),
      archivedAt: state === 'ARCHIVED' ? timeOn(random, random.day(createdOn, addDays(ctx.asOf, -1)), ctx.cutoff) : null,
      createdAt: timeOn(random, createdOn, ctx.cutoff),
      score: 0,
      scoredAt: null,
      searchText: '',
    };
    chunk.agreements.push(agreement);
    chunk.agreementSectors.push(...sectors.map((sector) => ({ agreementId: agreement.id, sectorId: sector.id })));

    const parties = [signatory(random, base.partiesByCountry.PK), signatory(random, base.partiesByCountry.AZ)];
    chunk.agreementParties.push(...parties.map((party) => ({ agreementId: agreement.id, partyId: party.id, role: 'SIGNATORY' as const })));
    for (const party of random.sample(
      base.parties.filter((p) => !parties.includes(p)),
      random.int(0, 2),
    )) {
      parties.push(party);
      chunk.agreementParties.push({
        agreementId: agreement.id,
        partyId: party.id,
        role: random.weighted({ IMPLEMENTING: 60, FUNDING: 25, OBSERVER: 15 }),
      });
    }

    const documentCount = random.int(1, 2);
    for (let position = 0; position < documentCount; position++) {
      chunk.sourceDocuments.push({
        id: ids.next(ID_TAGS.document),
        agreementId: agreement.id,
        position,
        title: position === 0 ? `Text of the ${title}` : `Joint press release on the ${topic}`,
        url: `https://example.org/bench/${agreement.slug}/document-${position + 1}`,
        kind: position === 0 ? 'AGREEMENT_TEXT' : 'PRESS_RELEASE',
        publishedOn: dates.signedOn,
      });
    }

    const analysts = assignAnalysts(random, base);
    chunk.assignments.push(
      ...analysts.map(({ user }) => ({
        userId: user.id,
        agreementId: agreement.id,
        createdById: base.adminId,
        createdAt: agreement.createdAt,
      })),
    );

    const milestoneCount = random.int(5, 15);
    for (let position = 0; position < milestoneCount; position++) {
      const row = milestone(ctx, agreement, random.pick(sectors).slug, parties, position);
      chunk.milestones.push(row);
      if (dates.signedOn) generateUpdates(ctx, chunk, { agreement, milestone: row, analysts });
    }
  }
  return chunk;
}
