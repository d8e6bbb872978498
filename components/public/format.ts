// Formatting shared by the public components. Calendar dates are UTC ISO strings (lib/dates.ts).
import type { getFormatter } from 'next-intl/server';

export type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export function formatDay(format: Formatter, day: string, style: 'long' | 'medium' = 'medium'): string {
  return format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: style, timeZone: 'UTC' });
}

export function formatMonth(format: Formatter, month: string): string {
  return format.dateTime(new Date(`${month}T00:00:00Z`), { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function formatScore(format: Formatter, score: number | null): string {
  if (score === null) return '—';
  return format.number(score / 100, { style: 'percent', maximumFractionDigits: 0 });
}

export function formatQuantity(format: Formatter, value: number): string {
  return format.number(value, { maximumFractionDigits: 2 });
}
