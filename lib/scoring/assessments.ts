// When analysts of both sides report on the same milestone, the public sees each side's latest
// verified assessment and how far apart the two are. Recurring obligations are left out: their
// updates are individual deliveries that add up, not competing assessments of the same thing.
import { type IsoDate } from '../dates.ts';
import { effectiveUpdates, latestOf, scoreMilestone, type ScoredMilestone, type ScoredUpdate } from './index.ts';

export interface SidedUpdate extends ScoredUpdate {
  /** The party the author reported for; null for independent analysts. */
  authorSideId: string | null;
}

export interface SideAssessment {
  sideId: string;
  latest: SidedUpdate;
  /** The score the milestone would have if only this side's updates counted. */
  score: number;
}

export interface SideComparison {
  sides: SideAssessment[];
  /** Highest minus lowest side score, in points. */
  gap: number;
}

/** Each side's latest effective assessment of a milestone, or null unless two or more sides have one. */
export function compareSides(milestone: ScoredMilestone, updates: readonly SidedUpdate[], asOf: IsoDate): SideComparison | null {
  if (milestone.kind === 'RECURRING') return null;
  const own = updates.filter((update) => update.milestoneId === milestone.id);
  const bySide = new Map<string, SidedUpdate[]>();
  for (const update of effectiveUpdates(own, asOf) as SidedUpdate[]) {
    if (update.authorSideId === null) continue;
    bySide.set(update.authorSideId, [...(bySide.get(update.authorSideId) ?? []), update]);
  }
  if (bySide.size < 2) return null;
  const sides = [...bySide.entries()].map(([sideId, sideUpdates]) => ({
    sideId,
    latest: latestOf(sideUpdates) as SidedUpdate,
    score: scoreMilestone(milestone, sideUpdates, asOf).score,
  }));
  const scores = sides.map((side) => side.score);
  return { sides, gap: Math.max(...scores) - Math.min(...scores) };
}
