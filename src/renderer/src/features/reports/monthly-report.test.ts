/** Issue 16: the monthly report's month: its inclusive range, and the last complete month it defaults to. */
import { describe, expect, it } from 'vitest';
import { lastCompleteMonth, MONTH, monthRange } from './monthly-report';

describe('the monthly complaints report’s month', () => {
  it('covers the whole calendar month, leap years included', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('defaults to the last complete month, across the turn of the year', () => {
    expect(lastCompleteMonth('2026-12-07')).toBe('2026-11');
    expect(lastCompleteMonth('2027-01-01')).toBe('2026-12');
  });

  it('accepts only a real YYYY-MM month', () => {
    expect(['2026-11', '2026-13', '2026-1', 'x'].map((month) => MONTH.test(month))).toEqual([true, false, false, false]);
  });
});
