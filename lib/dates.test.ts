import { describe, expect, it } from 'vitest';
import { addDays, addMonths, endOfMonth, fromIsoDate, isIsoDate, monthsBetween, toIsoDate } from './dates.ts';

describe('calendar dates', () => {
  it('accept only real days in YYYY-MM-DD form', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
  });

  it('add months clamping to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });

  it('list the months between two days and find month ends', () => {
    expect(monthsBetween('2024-11-20', '2025-02-03')).toEqual(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']);
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
  });

  it('add days and months exactly as Date arithmetic does, across month, year and leap-day boundaries', () => {
    for (let offset = 0; offset < 1500; offset += 1) {
      const day = toIsoDate(new Date(Date.UTC(2023, 0, 1 + offset)));
      for (const days of [-400, -1, 1, 7, 30, 366]) {
        const expected = fromIsoDate(day);
        expected.setUTCDate(expected.getUTCDate() + days);
        expect(addDays(day, days)).toBe(toIsoDate(expected));
      }
      for (const months of [-13, -1, 1, 3, 6, 12, 25]) {
        const [year, month, date] = day.split('-').map(Number) as [number, number, number];
        const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
        expect(addMonths(day, months)).toBe(toIsoDate(new Date(Date.UTC(year, month - 1 + months, Math.min(date, lastDay)))));
      }
    }
  });
});
