/** Issue 16: the small rules the dashboard is built from. */
import { describe, expect, it } from 'vitest';
import { deadlineVerdict } from './deadline-compliance';
import { nearestRank } from './percentile';
import { resolveRange } from './report-range';
import { london, handBuiltCase } from './test-support';
import { nextDeadlineStanding } from './workload';

describe('P-5.1 percentiles by nearest rank', () => {
  it('answers a value some case really took', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([4, 1, 3, 2], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });
});

describe('the report range (issue 16: default the last 12 months)', () => {
  it('defaults to this month and the 11 before it, with the 12 months before as the previous period', () => {
    const resolved = resolveRange(london, new Date('2026-12-01T12:00:00.000Z'), undefined, undefined);
    expect(resolved.range).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(resolved.previousRange).toEqual({ from: '2025-01-01', to: '2025-12-01' });
    expect(resolved.months).toHaveLength(12);
    expect(resolved.months[0]).toBe('2026-01');
  });

  it('a start after today with no end is a one-day range, not a reversed one', () => {
    const resolved = resolveRange(london, new Date('2026-12-01T12:00:00.000Z'), '2027-03-10', undefined);
    expect(resolved.range).toEqual({ from: '2027-03-10', to: '2027-03-10' });
    expect(resolved.months).toEqual(['2027-03']);
  });

  it('counts the day in the office time zone (just after midnight in London in summer is the next day)', () => {
    const resolved = resolveRange(london, new Date('2026-07-31T23:30:00.000Z'), undefined, undefined);
    expect(resolved.range.to).toBe('2026-08-01');
  });
});

describe('deadline verdicts (P-3.2, P-4.1; issue 18 breaches stay breaches)', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');

  it('a closed case that never reached a deadline is not counted; one closed after it passed is a breach', () => {
    const withdrawnEarly = handBuiltCase({
      id: 'W',
      receivedAt: '2026-10-05T09:00:00.000Z',
      acknowledgedAt: '2026-10-05T10:00:00.000Z',
      closedAt: '2026-10-06T09:00:00.000Z',
    });
    const stage1 = withdrawnEarly.deadlines.find((deadline) => deadline.kind === 'stage1Resolution');
    if (!stage1) throw new Error('stage 1 deadline');
    expect(deadlineVerdict(withdrawnEarly, stage1, now)).toBe('not-counted');
    const closedLate = { ...withdrawnEarly, closedAt: '2026-11-30T09:00:00.000Z' };
    expect(deadlineVerdict(closedLate, stage1, now)).toBe('breached');
  });

  it('a deadline breached and then extended counts as breached even when the new deadline is met', () => {
    const record = handBuiltCase({
      id: 'X',
      receivedAt: '2026-10-05T09:00:00.000Z',
      acknowledgedAt: '2026-10-05T10:00:00.000Z',
      resolved: { at: '2026-11-02T10:00:00.000Z', outcome: 'upheld' },
    });
    const stage1 = record.deadlines.find((deadline) => deadline.kind === 'stage1Resolution');
    if (!stage1) throw new Error('stage 1 deadline');
    expect(deadlineVerdict(record, { ...stage1, dueAt: '2026-11-30T23:59:59.999Z', breachedAt: '2026-10-19T22:59:59.999Z' }, now)).toBe('breached');
    expect(deadlineVerdict(record, { ...stage1, dueAt: '2026-11-30T23:59:59.999Z' }, now)).toBe('on-time');
  });
});

describe('workload standing: the case list filters "breached" and "due soon"', () => {
  it('past due is breached; warned and not yet due is due soon', () => {
    const now = new Date('2026-12-01T12:00:00.000Z');
    expect(nextDeadlineStanding({ nextDueAt: now.getTime() - 1, nextWarnAt: 0 }, now)).toBe('breached');
    expect(nextDeadlineStanding({ nextDueAt: now.getTime(), nextWarnAt: now.getTime() }, now)).toBe('dueSoon');
    expect(nextDeadlineStanding({ nextDueAt: now.getTime() + 10, nextWarnAt: now.getTime() + 1 }, now)).toBeNull();
  });
});
