import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  explainWorkingDays,
  isWorkingDay,
  nextWorkingMorning,
  officeDay,
  officeInstant,
  workingDaysBetween,
  type WorkingCalendar,
} from './index';
import { createWorkingCalendar } from './public-holidays';

const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });
const riga = createWorkingCalendar({ region: 'LV', timeZone: 'Europe/Riga', closures: ['2026-07-10'] });
const calendars = [
  london,
  riga,
  createWorkingCalendar({ region: 'GB-SCT', timeZone: 'Europe/London' }),
  createWorkingCalendar({ region: 'GB-NIR', timeZone: 'Europe/London' }),
];

const localTime = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

describe('Working days (procedure) — worked example', () => {
  it('acknowledged Thursday 17 December 2026: the 10th working day is Tuesday 5 January 2027, 23:59:59 London', () => {
    const acknowledged = new Date('2026-12-17T11:30:00Z');
    const due = addWorkingDays(london, acknowledged, 10);
    expect(due.toISOString()).toBe('2027-01-05T23:59:59.999Z');
    expect(localTime(due, 'Europe/London')).toBe('05/01/2027, 23:59:59');
  });

  it('skips weekends, the 25 and 28 December 2026 and 1 January 2027 bank holidays', () => {
    for (const day of ['2026-12-19', '2026-12-20', '2026-12-25', '2026-12-28', '2027-01-01'])
      expect(isWorkingDay(london, new Date(`${day}T12:00:00Z`)), day).toBe(false);
    for (const day of ['2026-12-18', '2026-12-24', '2026-12-29', '2027-01-04']) expect(isWorkingDay(london, new Date(`${day}T12:00:00Z`)), day).toBe(true);
  });
});

describe('isWorkingDay', () => {
  it('uses the calendar day in the office time zone, not UTC', () => {
    // 23:30 UTC on Friday 2 October 2026 is already Saturday 00:30 in Riga (and 00:30 BST London).
    expect(isWorkingDay(riga, new Date('2026-10-02T22:30:00Z'))).toBe(false);
    expect(isWorkingDay(london, new Date('2026-10-02T22:30:00Z'))).toBe(true);
    expect(isWorkingDay(london, new Date('2026-10-02T23:30:00Z'))).toBe(false);
  });

  it('knows each region: Latvian midsummer, Scottish 2 January, Northern Irish St Patrick, and office closures', () => {
    expect(isWorkingDay(riga, new Date('2026-06-23T10:00:00Z'))).toBe(false);
    expect(isWorkingDay(riga, new Date('2026-07-10T10:00:00Z'))).toBe(false);
    expect(isWorkingDay(london, new Date('2026-06-23T10:00:00Z'))).toBe(true);
    expect(isWorkingDay(calendars[2]!, new Date('2026-01-02T12:00:00Z'))).toBe(false);
    expect(isWorkingDay(calendars[3]!, new Date('2026-03-17T12:00:00Z'))).toBe(false);
  });

  it('rejects unknown regions, time zones and malformed closures', () => {
    expect(() => createWorkingCalendar({ region: 'XX', timeZone: 'Europe/London' })).toThrow(/Unknown holiday region/);
    expect(() => createWorkingCalendar({ region: 'GB-XYZ', timeZone: 'Europe/London' })).toThrow(/Unknown holiday region/);
    expect(() => createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone/);
    expect(() => createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London', closures: ['25/12/2026'] })).toThrow(/not a YYYY-MM-DD/);
  });
});

describe('addWorkingDays across daylight-saving changes and year ends', () => {
  it('spring forward (29 March 2026): due at 23:59:59.999 BST, which is 22:59:59.999 UTC', () => {
    const due = addWorkingDays(london, new Date('2026-03-27T16:00:00Z'), 1); // Friday → Monday 30 March
    expect(due.toISOString()).toBe('2026-03-30T22:59:59.999Z');
    expect(localTime(due, 'Europe/London')).toBe('30/03/2026, 23:59:59');
  });

  it('fall back (25 October 2026): due at 23:59:59.999 GMT again', () => {
    const due = addWorkingDays(london, new Date('2026-10-23T16:00:00Z'), 1); // Friday → Monday 26 October
    expect(due.toISOString()).toBe('2026-10-26T23:59:59.999Z');
  });

  it('Riga in summer time (UTC+3) and winter time (UTC+2)', () => {
    expect(addWorkingDays(riga, new Date('2026-03-27T10:00:00Z'), 1).toISOString()).toBe('2026-03-30T20:59:59.999Z');
    expect(addWorkingDays(riga, new Date('2026-10-23T10:00:00Z'), 1).toISOString()).toBe('2026-10-26T21:59:59.999Z');
  });

  it('crosses the year end', () => {
    expect(addWorkingDays(london, new Date('2026-12-31T09:00:00Z'), 1).toISOString()).toBe('2027-01-04T23:59:59.999Z');
    // Latvia: 31 December and 1 January are public holidays, so the 2nd working day is 5 January.
    expect(addWorkingDays(riga, new Date('2026-12-30T09:00:00Z'), 2).toISOString()).toBe('2027-01-05T21:59:59.999Z');
  });

  it('counts from the calendar day containing the instant, even a non-working one', () => {
    expect(addWorkingDays(london, new Date('2026-11-28T10:00:00Z'), 1).toISOString()).toBe('2026-11-30T23:59:59.999Z'); // Saturday → Monday
    expect(addWorkingDays(london, new Date('2026-11-27T10:00:00Z'), 0).toISOString()).toBe('2026-11-27T23:59:59.999Z');
    expect(() => addWorkingDays(london, new Date(), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(london, new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('calendar properties (fast-check)', () => {
  const instant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T23:59:59Z'), noInvalidDate: true });
  const calendar = fc.constantFrom(...calendars);
  const days = fc.integer({ min: 1, max: 40 });

  it('never lands on a non-working day, and always at 23:59:59.999 office time', () => {
    fc.assert(
      fc.property(calendar, instant, days, (cal, from, n) => {
        const due = addWorkingDays(cal, from, n);
        expect(isWorkingDay(cal, due)).toBe(true);
        expect(localTime(due, cal.timeZone).endsWith('23:59:59')).toBe(true);
        expect(new Date(due.getTime() + 1).toISOString() > due.toISOString()).toBe(true);
        expect(officeDay(cal, new Date(due.getTime() + 1))).not.toBe(officeDay(cal, due));
      }),
      { numRuns: 400 },
    );
  });

  it('is monotonic in the start instant and in the number of days', () => {
    fc.assert(
      fc.property(calendar, instant, instant, days, days, (cal, a, b, n, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(cal, early, n).getTime()).toBeLessThanOrEqual(addWorkingDays(cal, late, n).getTime());
        const [few, many] = n <= m ? [n, m] : [m, n];
        if (few < many) expect(addWorkingDays(cal, a, few).getTime()).toBeLessThan(addWorkingDays(cal, a, many).getTime());
      }),
      { numRuns: 400 },
    );
  });

  it('puts exactly N working days between the start and the result', () => {
    fc.assert(
      fc.property(calendar, instant, days, (cal, from, n) => {
        expect(workingDaysBetween(cal, from, addWorkingDays(cal, from, n))).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('next working morning is a working day at opening time, never in the past', () => {
    fc.assert(
      fc.property(calendar, instant, (cal, from) => {
        const morning = nextWorkingMorning(cal, from, '09:00');
        expect(morning.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(isWorkingDay(cal, morning)).toBe(true);
        expect(localTime(morning, cal.timeZone).endsWith('09:00:00')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar properties with extra working days and a working week (fast-check)', () => {
  // Office calendars as administrators set them: some closures, some extra working days (never the
  // same day), and any non-empty working week, over the years 2024–2027.
  const FIRST_DAY = Date.UTC(2024, 0, 1);
  const SPAN_DAYS = 4 * 365;
  const dayAt = (offset: number) => new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);
  const officeCalendar = fc
    .record({
      place: fc.constantFrom(
        { region: 'GB-ENG', timeZone: 'Europe/London' },
        { region: 'LV', timeZone: 'Europe/Riga' },
        { region: 'GB-SCT', timeZone: 'Europe/London' },
      ),
      days: fc.uniqueArray(fc.integer({ min: 0, max: SPAN_DAYS - 1 }), { maxLength: 60 }),
      split: fc.integer({ min: 0, max: 60 }),
      workWeek: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    })
    .map(({ place, days, split, workWeek }) => {
      const closures = days.slice(0, split).map(dayAt);
      const extraWorkingDays = days.slice(split).map(dayAt);
      return { calendar: createWorkingCalendar({ ...place, closures, extraWorkingDays, workWeek }), closures, extraWorkingDays, workWeek };
    });
  const anyDay = fc.integer({ min: 0, max: SPAN_DAYS - 1 }).map(dayAt);
  const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-06-30T23:59:59Z'), noInvalidDate: true });
  const days = fc.integer({ min: 0, max: 30 });
  /** Midday of a 'YYYY-MM-DD' office day: which day it is cannot depend on the offset from UTC. */
  const middayOf = (calendar: WorkingCalendar, day: string) => officeInstant(calendar, day, '12:00');
  const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

  it('an extra working day is always counted, and a closure never is', () => {
    fc.assert(
      fc.property(officeCalendar, ({ calendar, closures, extraWorkingDays }) => {
        for (const day of extraWorkingDays) expect(isWorkingDay(calendar, middayOf(calendar, day)), day).toBe(true);
        for (const day of closures) expect(isWorkingDay(calendar, middayOf(calendar, day)), day).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('otherwise only weekdays of the working week count, and never a public holiday', () => {
    fc.assert(
      fc.property(officeCalendar, fc.array(anyDay, { minLength: 1, maxLength: 25 }), ({ calendar, closures, extraWorkingDays, workWeek }, sample) => {
        for (const day of sample.filter((candidate) => !extraWorkingDays.includes(candidate) && !closures.includes(candidate))) {
          const holiday = calendar.holidays(Number(day.slice(0, 4))).has(day);
          expect(isWorkingDay(calendar, middayOf(calendar, day)), day).toBe(!holiday && workWeek.includes(isoWeekday(day)));
        }
      }),
      { numRuns: 120 },
    );
  });

  it('explainWorkingDays ends on the day addWorkingDays returns, with exactly `days` counted entries, one per calendar day', () => {
    fc.assert(
      fc.property(officeCalendar, instant, days, ({ calendar }, from, n) => {
        const explained = explainWorkingDays(calendar, from, n);
        expect(explained.filter((day) => day.counted)).toHaveLength(n);
        const due = addWorkingDays(calendar, from, n);
        expect(explained.at(-1)?.date ?? officeDay(calendar, from)).toBe(officeDay(calendar, due));
        if (n > 0) expect(explained.at(-1)?.counted).toBe(true);
        // Consecutive calendar days, starting the day after the office day of `from`.
        let previous = officeDay(calendar, from);
        for (const day of explained) {
          expect(Date.parse(`${day.date}T00:00:00Z`) - Date.parse(`${previous}T00:00:00Z`)).toBe(86_400_000);
          expect(isWorkingDay(calendar, middayOf(calendar, day.date))).toBe(day.counted);
          previous = day.date;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingDays, workingDaysBetween and nextWorkingMorning agree with each other on any office calendar', () => {
    fc.assert(
      fc.property(officeCalendar, instant, fc.integer({ min: 1, max: 30 }), ({ calendar }, from, n) => {
        const due = addWorkingDays(calendar, from, n);
        expect(isWorkingDay(calendar, due)).toBe(true);
        expect(workingDaysBetween(calendar, from, due)).toBe(n);
        const morning = nextWorkingMorning(calendar, from, '09:00');
        expect(morning.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(isWorkingDay(calendar, morning)).toBe(true);
        // No working morning was skipped: every day between `from`'s day and the morning's day is off.
        const between = explainWorkingDays(calendar, from, 1);
        const firstWorking = between.at(-1)!.date;
        expect(officeDay(calendar, morning) <= firstWorking).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
