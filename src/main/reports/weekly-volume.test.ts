/**
 * Issue 16 (P-5.1, P-5.2): volumes grouped by ISO week (Monday to Sunday) in the office time zone:
 * the weeks of a range across a year end (2026 has a week 53), a case counted in the week of its
 * office day across a daylight-saving change, and the previous period shifted by whole weeks, so
 * week N sits beside week N of the previous period, cut to the same days.
 */
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '@shared/sla/public-holidays';
import { resolveRange } from './report-range';
import { london } from './test-support';
import { volumeReport } from './volume';

const riga = createWorkingCalendar({ region: 'LV', timeZone: 'Europe/Riga' });
const now = new Date('2027-06-01T12:00:00.000Z');
const received = (id: string, receivedAt: string) => ({ id, receivedAt, type: 'billing', channel: 'email' as const, product: '' });

describe('the weeks of a range', () => {
  it('across the year end: ISO weeks 51 to 53 of 2026, then weeks 1 and 2 of 2027; the previous period is as many whole weeks before', () => {
    const resolved = resolveRange(london, now, '2026-12-16', '2027-01-13', 'week');
    expect(resolved.periods).toEqual([
      { period: '2026-W51', start: '2026-12-14', previous: '2026-W46' },
      { period: '2026-W52', start: '2026-12-21', previous: '2026-W47' },
      { period: '2026-W53', start: '2026-12-28', previous: '2026-W48' },
      { period: '2027-W01', start: '2027-01-04', previous: '2026-W49' },
      { period: '2027-W02', start: '2027-01-11', previous: '2026-W50' },
    ]);
    // Five weeks: the same days 35 days earlier (a Wednesday to a Wednesday again).
    expect(resolved.previousRange).toEqual({ from: '2026-11-11', to: '2026-12-09' });
    // By month, as before.
    expect(resolveRange(london, now, '2026-12-16', '2027-01-13').periods.map((period) => period.period)).toEqual(['2026-12', '2027-01']);
    expect(resolveRange(london, now, '2026-12-16', '2027-01-13').previousRange).toEqual({ from: '2026-10-16', to: '2026-11-13' });
  });

  it('counts a case in the week of its office day: late Sunday 3 January 2027 is week 53 of 2026, Monday midnight is week 1', () => {
    const context = { calendar: london, now, range: resolveRange(london, now, '2026-12-28', '2027-01-10', 'week') };
    const volume = volumeReport(
      [received('sunday-late', '2027-01-03T23:59:59.999Z'), received('monday', '2027-01-04T00:00:00.000Z'), received('new-year', '2027-01-01T10:00:00.000Z')],
      [received('before', '2026-12-14T09:00:00.000Z')],
      context,
    );
    expect(volume.grouping).toBe('week');
    expect(volume.periods.map((row) => [row.period, row.start, row.current.caseIds, row.previous.caseIds])).toEqual([
      ['2026-W53', '2026-12-28', ['sunday-late', 'new-year'], ['before']],
      ['2027-W01', '2027-01-04', ['monday'], []],
    ]);
  });

  it('across the change to summer time (28 March 2027): Sunday 23:30 BST is still week 12, 00:30 BST Monday is week 13', () => {
    const context = { calendar: london, now, range: resolveRange(london, now, '2027-03-22', '2027-04-04', 'week') };
    const volume = volumeReport(
      [received('sunday', '2027-03-28T22:30:00.000Z'), received('monday', '2027-03-28T23:30:00.000Z'), received('week-start', '2027-03-22T00:00:00.000Z')],
      [],
      context,
    );
    expect(volume.periods.map((row) => [row.period, row.current.caseIds])).toEqual([
      ['2027-W12', ['sunday', 'week-start']],
      ['2027-W13', ['monday']],
    ]);
  });

  it('in the office time zone, not the machine’s: 22:30 UTC on Sunday is already Monday in Riga', () => {
    const context = { calendar: riga, now, range: resolveRange(riga, now, '2027-03-22', '2027-04-04', 'week') };
    const volume = volumeReport([received('riga-monday', '2027-03-28T22:30:00.000Z')], [], context);
    expect(volume.periods.map((row) => [row.period, row.current.caseIds])).toEqual([
      ['2027-W12', []],
      ['2027-W13', ['riga-monday']],
    ]);
  });
});
