// Progress updates of one milestone, spread over 2020 to yesterday: values that move the way real
// implementation does, evidence items, reviews by the other side (mostly verified, some pending and
// rejected) and a few corrections that supersede an earlier verified update.
import { addDays, type IsoDate } from '../../lib/dates.ts';
import type { ProgressStatus, ReviewState } from '../../lib/generated/prisma/enums.ts';
import type { AgreementContext } from './generate-agreements.ts';
import { ID_TAGS } from './generate-base.ts';
import type { AgreementRow, Chunk, MilestoneRow, UpdateRow, UserRow } from './model.ts';
import type { Random } from './random.ts';
import { CITIES, CORRECTION_REASONS, NARRATIVE_OPENERS, PUBLISHERS, REJECTION_NOTES } from './vocabulary.ts';

const DATA_START = '2020-01-01';

export interface AssignedAnalyst {
  user: UserRow;
  side: 'PK' | 'AZ' | 'XX';
}

interface Subject {
  agreement: AgreementRow;
  milestone: MilestoneRow;
  analysts: AssignedAnalyst[];
}

/** An instant during office hours on `day`, but always before `cutoff`. */
export function timeOn(random: Random, day: IsoDate, cutoff: Date): Date {
  const instant = Date.parse(`${day}T00:00:00Z`) + random.int(6 * 3600, 19 * 3600) * 1000 + random.int(0, 999);
  return new Date(Math.min(instant, cutoff.getTime() - 1));
}

function progressStatus(random: Random, milestone: MilestoneRow, day: IsoDate, done: boolean, started: boolean): ProgressStatus {
  if (done) return 'ACHIEVED';
  if (!started) return 'NOT_STARTED';
  if (milestone.dueOn && milestone.dueOn < day) return random.chance(0.7) ? 'DELAYED' : 'STALLED';
  return random.chance(0.9) ? 'IN_PROGRESS' : 'STALLED';
}

/** Values of the i-th of n updates, moving from a starting point towards where the milestone ends up. */
function valuesFor(random: Random, milestone: MilestoneRow, plan: { start: number; end: number }, fraction: number, day: IsoDate) {
  if (milestone.kind === 'RECURRING') {
    const perPeriod = milestone.quantityPerPeriod ?? 1;
    const quantity = Math.max(1, Math.round(perPeriod * (0.5 + random.next() * 0.8)));
    return { progress: null, quantity, actualValue: null, status: random.chance(0.85) ? ('IN_PROGRESS' as const) : ('DELAYED' as const) };
  }
  const value = plan.start + (plan.end - plan.start) * fraction;
  if (milestone.kind === 'TARGET') {
    const actualValue = random.round(value, 1);
    const status = progressStatus(random, milestone, day, actualValue >= (milestone.target ?? 0), actualValue > (milestone.baseline ?? 0));
    return { progress: null, quantity: null, actualValue, status };
  }
  const progress = Math.round(value);
  return { progress, quantity: null, actualValue: null, status: progressStatus(random, milestone, day, progress >= 100, progress > 0) };
}

function reviewerFor(random: Random, author: AssignedAnalyst, analysts: AssignedAnalyst[], adminId: string): string {
  const otherSide = analysts.filter((analyst) => analyst.side !== author.side);
  if (otherSide.length) return random.pick(otherSide).user.id;
  const others = analysts.filter((analyst) => analyst.user.id !== author.user.id);
  return others.length ? random.pick(others).user.id : adminId;
}

/** Review outcome for an update entered on `createdOn`: reviews take 1–21 days and never reach today. */
function review(ctx: AgreementContext, author: AssignedAnalyst, analysts: AssignedAnalyst[], createdOn: IsoDate) {
  const { random } = ctx;
  const reviewedOn = addDays(createdOn, random.int(1, 21));
  const state: ReviewState = reviewedOn >= ctx.asOf ? 'PENDING' : random.weighted({ VERIFIED: 84, REJECTED: 8, PENDING: 8 });
  if (state === 'PENDING') return { reviewState: state, reviewerId: null, reviewedAt: null, reviewNote: null };
  return {
    reviewState: state,
    reviewerId: reviewerFor(random, author, analysts, ctx.base.adminId),
    reviewedAt: timeOn(random, reviewedOn, ctx.cutoff),
    reviewNote: state === 'REJECTED' ? random.pick(REJECTION_NOTES) : null,
  };
}

function addEvidence(ctx: AgreementContext, chunk: Chunk, update: UpdateRow, slug: string, count: number) {
  for (let position = 0; position < count; position++) {
    const kind = ctx.random.weighted({ OFFICIAL_STATEMENT: 30, NEWS_REPORT: 35, DOCUMENT: 20, DATASET: 10, SITE_VISIT: 5 });
    chunk.evidence.push({
      id: ctx.ids.next(ID_TAGS.evidence),
      updateId: update.id,
      position,
      kind,
      url: `https://example.org/bench/${slug}/${update.id.slice(0, 13)}/${position + 1}`,
      title: `${kind === 'NEWS_REPORT' ? 'Report' : 'Statement'} on ${update.observedOn}`,
      publisher: kind === 'SITE_VISIT' ? null : ctx.random.pick(PUBLISHERS),
      publishedOn: addDays(update.observedOn, -ctx.random.int(0, 5)),
    });
  }
}

function narrative(
  random: Random,
  milestone: MilestoneRow,
  values: { progress: number | null; quantity: number | null; actualValue: number | null },
) {
  const measure =
    values.quantity !== null
      ? `${values.quantity} ${milestone.unit} delivered`
      : values.actualValue !== null
        ? `${values.actualValue} ${milestone.unit} so far`
        : `${values.progress}% complete`;
  return `${random.pick(NARRATIVE_OPENERS)} ${milestone.title.toLowerCase()}, ${measure} (${random.pick(CITIES)}).`;
}

/** A correction of a verified update: same observation day, revised value, entered after the review. */
function correct(ctx: AgreementContext, chunk: Chunk, subject: Subject, original: UpdateRow, author: AssignedAnalyst) {
  const { random } = ctx;
  const createdOn = addDays(original.reviewedAt!.toISOString().slice(0, 10), random.int(1, 30));
  if (createdOn >= ctx.asOf) return;
  const progress = original.progress === null ? null : Math.min(100, Math.max(0, original.progress + random.int(-10, 5)));
  const correction: UpdateRow = {
    ...original,
    id: ctx.ids.next(ID_TAGS.update),
    progress,
    status: progress === 100 ? 'ACHIEVED' : original.status === 'ACHIEVED' && progress !== null ? 'IN_PROGRESS' : original.status,
    quantity: original.quantity === null ? null : Math.max(0, original.quantity - 1),
    actualValue: original.actualValue === null ? null : random.round(original.actualValue * 0.95, 1),
    narrative: `Correction: ${original.narrative}`,
    supersedesId: original.id,
    correctionReason: random.pick(CORRECTION_REASONS),
    createdAt: timeOn(random, createdOn, ctx.cutoff),
    ...review(ctx, author, subject.analysts, createdOn),
  };
  chunk.updates.push(correction);
  addEvidence(ctx, chunk, correction, subject.agreement.slug, 1);
}

export function generateUpdates(ctx: AgreementContext, chunk: Chunk, subject: Subject) {
  const { random } = ctx;
  const { agreement, milestone } = subject;
  const from = [DATA_START, agreement.signedOn ?? DATA_START, milestone.startsOn ?? DATA_START].sort().at(-1)!;
  const yesterday = addDays(ctx.asOf, -1);
  const to = milestone.endsOn && milestone.endsOn < yesterday ? milestone.endsOn : yesterday;
  if (from > to) return;

  const count = random.int(9, 18);
  const days = Array.from({ length: count }, () => random.day(from, to)).sort();
  const span = milestone.kind === 'TARGET' ? (milestone.target ?? 0) - (milestone.baseline ?? 0) : 100;
  const base = milestone.kind === 'TARGET' ? (milestone.baseline ?? 0) : 0;
  // Four in ten milestones reach their goal by their last update; the rest stop part of the way.
  const plan = { start: base + span * random.next() * 0.2, end: base + span * (random.chance(0.4) ? 1 : 0.1 + random.next() * 0.85) };
  const cancelled = milestone.kind !== 'RECURRING' && random.chance(0.03);

  days.forEach((observedOn, index) => {
    const author = random.pick(subject.analysts);
    const values = valuesFor(random, milestone, plan, (index + 1) / count, observedOn);
    const createdOn = addDays(observedOn, random.int(0, 2));
    const update: UpdateRow = {
      id: ctx.ids.next(ID_TAGS.update),
      milestoneId: milestone.id,
      agreementId: agreement.id,
      authorId: author.user.id,
      authorSideId: author.user.partyId,
      observedOn,
      ...values,
      status: cancelled && index === count - 1 ? 'CANCELLED' : values.status,
      narrative: narrative(random, milestone, values),
      supersedesId: null,
      correctionReason: null,
      createdAt: timeOn(random, createdOn, ctx.cutoff),
      ...review(ctx, author, subject.analysts, createdOn),
    };
    chunk.updates.push(update);
    addEvidence(ctx, chunk, update, agreement.slug, update.reviewState === 'REJECTED' ? random.int(0, 1) : random.int(1, 2));
    if (update.reviewState === 'VERIFIED' && random.chance(0.02)) correct(ctx, chunk, subject, update, author);
  });
}
