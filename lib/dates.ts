// Calendar dates (no time of day) are handled as ISO strings, 'YYYY-MM-DD', in UTC. Lexical order is
// chronological order, and no time zone can shift a due date by a day.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && toIsoDate(date) === value;
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** `toIsoDate` for an optional date (a nullable date column). */
export function toIsoDateOrNull(date: Date | null): IsoDate | null {
  return date ? toIsoDate(date) : null;
}

export function fromIsoDate(value: IsoDate): Date {
  return new Date(`${value}T00:00:00Z`);
}

export function todayIso(now: Date = new Date()): IsoDate {
  return toIsoDate(now);
}

// Date arithmetic runs in the scores' inner loops (a recurring obligation's periods, for every month
// of the history), so it works on numbers rather than parsing and formatting date strings.
const pad = (value: number, width: number) => String(value).padStart(width, '0');

function isoOfTime(time: number): IsoDate {
  const date = new Date(time);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

const partsOf = (value: IsoDate) => [Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))] as const;

export function addDays(value: IsoDate, days: number): IsoDate {
  const [year, month, day] = partsOf(value);
  return isoOfTime(Date.UTC(year, month, day + days));
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(value: IsoDate, months: number): IsoDate {
  const [year, month, day] = partsOf(value);
  const lastDay = new Date(Date.UTC(year, month + months + 1, 0)).getUTCDate();
  return isoOfTime(Date.UTC(year, month + months, Math.min(day, lastDay)));
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** The first instant after the calendar day `value` ends (UTC). */
export function endOfDay(value: IsoDate): Date {
  return fromIsoDate(addDays(value, 1));
}

export function startOfMonth(value: IsoDate): IsoDate {
  return `${value.slice(0, 7)}-01`;
}

export function endOfMonth(value: IsoDate): IsoDate {
  return addDays(addMonths(startOfMonth(value), 1), -1);
}

/** First days of every month from `from`'s month to `to`'s month, inclusive. */
export function monthsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const months: IsoDate[] = [];
  for (let month = startOfMonth(from); month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}
