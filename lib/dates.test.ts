import { describe, expect, it } from 'vitest';
import { addMonths, endOfMonth, isIsoDate, monthsBetween } from './dates.ts';

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
});
