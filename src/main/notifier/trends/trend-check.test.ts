/**
 * P-5.2: the weeks a check looks at (office weeks, Monday to Sunday, across daylight saving) and
 * the series it judges: every value of every dimension, counted in the week it was received.
 */
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '@shared/sla';
import { trendSpikes } from './trend-check';
import { trendWeeks } from './trend-weeks';
import { TREND_RULE } from './trend-rule';

const london = { timeZone: 'Europe/London' } as WorkingCalendar;
const riga = { timeZone: 'Europe/Riga' } as WorkingCalendar;

describe('P-5.2 the weeks of a check', () => {
  it('checks the last complete office week and the 8 before it, from office midnights', () => {
    // Wednesday 2 December 2026: the week checked is Monday 23 to Sunday 29 November (ISO week 48).
    const weeks = trendWeeks(london, new Date('2026-12-02T10:00:00Z'), TREND_RULE.baselineWeeks);
    expect(weeks.week).toBe('2026-W48');
    expect(weeks.monday).toBe('2026-11-23');
    expect(weeks.bounds).toHaveLength(10);
    expect(new Date(weeks.bounds[8] ?? 0).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(new Date(weeks.bounds[9] ?? 0).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    // Eight weeks before, in British Summer Time: midnight is 23:00 UTC the day before.
    expect(new Date(weeks.bounds[0] ?? 0).toISOString()).toBe('2026-09-27T23:00:00.000Z');
  });

  it('takes "now" in the office time zone: late Sunday evening UTC is already Monday in Riga', () => {
    expect(trendWeeks(riga, new Date('2026-11-29T22:30:00Z'), 8).week).toBe('2026-W48');
    expect(trendWeeks(london, new Date('2026-11-29T22:30:00Z'), 8).week).toBe('2026-W47');
  });
});

describe('P-5.2 series judged by the rule', () => {
  const weeks = trendWeeks(london, new Date('2026-12-02T10:00:00Z'), TREND_RULE.baselineWeeks);
  let next = 0;
  const received = (week: number, type: string, product = '', rootCauseId: string | null = null) => ({
    id: `c${(next += 1)}`,
    receivedAt: new Date((weeks.bounds[week] ?? 0) + 3_600_000).toISOString(),
    type,
    product,
    rootCauseId,
  });

  it('flags the type that spiked, with its week’s cases, and not the steady one', () => {
    const cases = [
      ...Array.from({ length: 8 }, (_, week) => received(week, 'billing')),
      ...Array.from({ length: 7 }, () => received(8, 'billing', 'Router X1')),
      ...Array.from({ length: 9 }, (_, week) => [received(week, 'delivery'), received(week, 'delivery')]).flat(),
    ];
    const spikes = trendSpikes(cases, weeks);
    expect(spikes.map((spike) => [spike.dimension, spike.value, spike.count])).toEqual([
      ['product', 'Router X1', 7],
      ['type', 'billing', 7],
    ]);
    const billing = spikes.find((spike) => spike.dimension === 'type');
    expect(billing?.baselineMean).toBe(1);
    expect(billing?.caseIds).toEqual(cases.slice(8, 15).map((record) => record.id));
  });

  it('ignores cases outside the nine weeks and cases with no product in the product series', () => {
    const before = { id: 'old', receivedAt: new Date((weeks.bounds[0] ?? 0) - 1).toISOString(), type: 'billing', product: '', rootCauseId: null };
    const after = { id: 'new', receivedAt: new Date(weeks.bounds[9] ?? 0).toISOString(), type: 'billing', product: '', rootCauseId: null };
    const spikes = trendSpikes([before, after, ...Array.from({ length: 6 }, () => received(8, 'billing', '  '))], weeks);
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ dimension: 'type', value: 'billing', count: 6 });
  });

  it('flags a root cause that spiked (P-5.3) with exactly that week’s cases with it; cases with no cause yet are not in the series', () => {
    const steady = ['service', 'billing', 'product', 'communication', 'other'];
    const baseline = Array.from({ length: 8 }, (_, week) => received(week, steady[week % steady.length] ?? 'other', '', 'late-dispatch'));
    const spiked = Array.from({ length: 6 }, (_, index) => received(8, steady[index % steady.length] ?? 'other', '', 'late-dispatch'));
    const uncaused = Array.from({ length: 6 }, (_, index) => received(8, steady[(index + 2) % steady.length] ?? 'other'));
    const spikes = trendSpikes([...baseline, ...spiked, ...uncaused], weeks);
    expect(spikes.map((spike) => [spike.dimension, spike.value, spike.count])).toEqual([['rootCause', 'late-dispatch', 6]]);
    expect(spikes[0]?.caseIds).toEqual(spiked.map((record) => record.id));
  });
});
