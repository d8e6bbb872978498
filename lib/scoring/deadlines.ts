// Deadline flags shown to the public. Pure: the caller says which day "now" is (today or the as-of day).
import { addDays, type IsoDate } from '../dates.ts';
import type { ProgressStatus } from './index.ts';

/** "Due soon" looks this many days ahead of the reference day. */
export const DUE_SOON_DAYS = 90;

export interface DeadlineInput {
  dueOn: IsoDate | null;
  status: ProgressStatus;
  score: number;
}

/** Still to be done: neither achieved nor cancelled, and not yet scoring in full. */
export function isOpen(milestone: DeadlineInput): boolean {
  return milestone.status !== 'ACHIEVED' && milestone.status !== 'CANCELLED' && milestone.score < 100;
}

/** Due before the reference day and still open. */
export function isOverdue(milestone: DeadlineInput, reference: IsoDate): boolean {
  return milestone.dueOn !== null && milestone.dueOn < reference && isOpen(milestone);
}

/** Due on the reference day or within the next DUE_SOON_DAYS days, and still open. */
export function isDueSoon(milestone: DeadlineInput, reference: IsoDate): boolean {
  return (
    milestone.dueOn !== null && milestone.dueOn >= reference && milestone.dueOn <= addDays(reference, DUE_SOON_DAYS) && isOpen(milestone)
  );
}
