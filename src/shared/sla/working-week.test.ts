/**
 * Working calendar II, by example: transferred working days, the office's working week, and the
 * day-by-day explanation of a deadline. Every expected date was worked out by hand from a printed
 * calendar and the procedure's "Working days" section (and its worked example: acknowledged
 * Thursday 17 December 2026, due Tuesday 5 January 2027 in a Monday-to-Friday office), never with
 * the engine under test. Latvia 2024 (toolchain notes, Latvijas Banka): Saturdays 14 and 28
 * December were working days, transferred from Mondays 23 and 30 December, which were days off;
 * 24, 25, 26 and 31 December and 1 January are public holidays.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  computeDeadlines,
  DEFAULT_SLA_POLICY,
  explainDay,
  explainDeadline,
  explainWorkingDays,
  isWorkingDay,
  nextWorkingMorning,
  workingDaysBetween,
  WorkingCalendarError,
} from './index';
import { createWorkingCalendar } from './public-holidays';

const LATVIA_2024_TRANSFERS = { extraWorkingDays: ['2024-12-14', '2024-12-28'], closures: ['2024-12-23', '2024-12-30'] };
const riga = createWorkingCalendar({ region: 'LV', timeZone: 'Europe/Riga' });
const rigaTransferred = createWorkingCalendar({ region: 'LV', timeZone: 'Europe/Riga', ...LATVIA_2024_TRANSFERS });
const londonMonToSat = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London', workWeek: [1, 2, 3, 4, 5, 6] });
const noon = (day: string) => new Date(`${day}T10:00:00.000Z`); // midday in London and Riga alike

describe('transferred working days: Latvia, December 2024 ("Working days")', () => {
  it('Saturday 14 December is a working day and Monday 23 December is not, once the administrator says so', () => {
    expect(isWorkingDay(riga, noon('2024-12-14'))).toBe(false);
    expect(isWorkingDay(rigaTransferred, noon('2024-12-14'))).toBe(true);
    expect(isWorkingDay(riga, noon('2024-12-23'))).toBe(true);
    expect(isWorkingDay(rigaTransferred, noon('2024-12-23'))).toBe(false);
    expect(isWorkingDay(rigaTransferred, noon('2024-12-21'))).toBe(false); // an ordinary Saturday stays off
  });

  it('acknowledged Friday 6 December 2024: the 10th working day is Friday 20 December, or Thursday 19 December with the working Saturday', () => {
    // 9–13 Dec are days 1–5, 16–20 Dec days 6–10. With Saturday 14 Dec: 9–13 (1–5), 14 (6), 16–19 (7–10).
    const acknowledged = new Date('2024-12-06T12:00:00.000Z');
    expect(addWorkingDays(riga, acknowledged, 10).toISOString()).toBe('2024-12-20T21:59:59.999Z');
    expect(addWorkingDays(rigaTransferred, acknowledged, 10).toISOString()).toBe('2024-12-19T21:59:59.999Z'); // 23:59:59.999 EET
  });

  it('acknowledged Friday 13 December 2024, across Christmas and the New Year: due Friday 3 January 2025, and why', () => {
    const acknowledged = new Date('2024-12-13T12:00:00.000Z');
    expect(addWorkingDays(rigaTransferred, acknowledged, 10).toISOString()).toBe('2025-01-03T21:59:59.999Z');
    const days = explainWorkingDays(rigaTransferred, acknowledged, 10);
    expect(days.map((day) => [day.date, day.counted, day.reason])).toEqual([
      ['2024-12-14', true, 'extra-working-day'], // 1
      ['2024-12-15', false, 'weekend'],
      ['2024-12-16', true, 'working'], // 2
      ['2024-12-17', true, 'working'], // 3
      ['2024-12-18', true, 'working'], // 4
      ['2024-12-19', true, 'working'], // 5
      ['2024-12-20', true, 'working'], // 6
      ['2024-12-21', false, 'weekend'],
      ['2024-12-22', false, 'weekend'],
      ['2024-12-23', false, 'closure'], // the transferred day off
      ['2024-12-24', false, 'public-holiday'],
      ['2024-12-25', false, 'public-holiday'],
      ['2024-12-26', false, 'public-holiday'],
      ['2024-12-27', true, 'working'], // 7
      ['2024-12-28', true, 'extra-working-day'], // 8
      ['2024-12-29', false, 'weekend'],
      ['2024-12-30', false, 'closure'],
      ['2024-12-31', false, 'public-holiday'],
      ['2025-01-01', false, 'public-holiday'],
      ['2025-01-02', true, 'working'], // 9
      ['2025-01-03', true, 'working'], // 10
    ]);
    expect(days.find((day) => day.date === '2024-12-24')?.name).toBe('Ziemassvētku vakars');
    expect(days.find((day) => day.date === '2025-01-01')?.name).toBe('Jaunais Gads');
    expect(days.find((day) => day.date === '2024-12-16')).not.toHaveProperty('name');
  });

  it('counts the working Saturday between two days, and opens on it in the morning (quiet hours)', () => {
    // Friday 13 → Monday 16 December: Saturday 14 and Monday 16.
    expect(workingDaysBetween(rigaTransferred, noon('2024-12-13'), noon('2024-12-16'))).toBe(2);
    expect(workingDaysBetween(riga, noon('2024-12-13'), noon('2024-12-16'))).toBe(1);
    // Friday 13 December, 18:00 Riga: the next working morning is Saturday 14 at 09:00 EET (07:00 UTC).
    expect(nextWorkingMorning(rigaTransferred, new Date('2024-12-13T16:00:00.000Z'), '09:00').toISOString()).toBe('2024-12-14T07:00:00.000Z');
    expect(nextWorkingMorning(riga, new Date('2024-12-13T16:00:00.000Z'), '09:00').toISOString()).toBe('2024-12-16T07:00:00.000Z');
    // Friday 20 December evening: Saturday 21, Sunday 22, the day off 23 and Christmas 24–26 pass: Friday 27.
    expect(nextWorkingMorning(rigaTransferred, new Date('2024-12-20T16:00:00.000Z'), '09:00').toISOString()).toBe('2024-12-27T07:00:00.000Z');
  });
});

describe('the working week', () => {
  it('a Monday-to-Saturday office across Christmas 2026: the procedure example falls on Saturday 2 January 2027', () => {
    // Acknowledged Thursday 17 December 2026: Fri 18 (1), Sat 19 (2), Mon 21–Thu 24 (3–6); Christmas 25,
    // Boxing Day 26 and its substitute Monday 28 are bank holidays; Tue 29–Thu 31 (7–9); New Year's Day
    // Friday 1 January; Saturday 2 January (10). Monday to Friday it is Tuesday 5 January.
    const acknowledged = new Date('2026-12-17T11:30:00.000Z');
    expect(addWorkingDays(londonMonToSat, acknowledged, 10).toISOString()).toBe('2027-01-02T23:59:59.999Z');
    const skipped = explainWorkingDays(londonMonToSat, acknowledged, 10).filter((day) => !day.counted);
    expect(skipped.map((day) => [day.date, day.reason, day.name ?? ''])).toEqual([
      ['2026-12-20', 'weekend', ''],
      ['2026-12-25', 'public-holiday', 'Christmas Day'],
      ['2026-12-26', 'public-holiday', 'Boxing Day'],
      ['2026-12-27', 'weekend', ''],
      ['2026-12-28', 'public-holiday', 'Boxing Day (substitute day)'],
      ['2027-01-01', 'public-holiday', "New Year's Day"],
    ]);
  });

  it('a Sunday-to-Thursday office works Sundays and rests on Fridays and Saturdays', () => {
    const office = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London', workWeek: [7, 1, 2, 3, 4] });
    expect(isWorkingDay(office, noon('2026-11-22'))).toBe(true); // Sunday
    expect(isWorkingDay(office, noon('2026-11-27'))).toBe(false); // Friday
    expect(isWorkingDay(office, noon('2026-11-28'))).toBe(false); // Saturday
    // Thursday 26 November 2026 + 1 working day = Sunday 29 November.
    expect(addWorkingDays(office, noon('2026-11-26'), 1).toISOString()).toBe('2026-11-29T23:59:59.999Z');
    // Thursday 26 November, 18:00: the next working morning is Sunday 29 November, 09:00 GMT.
    expect(nextWorkingMorning(office, new Date('2026-11-26T18:00:00.000Z'), '09:00').toISOString()).toBe('2026-11-29T09:00:00.000Z');
  });

  it('a Monday-to-Friday office holds Saturday evening to Monday morning, never to Sunday', () => {
    const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });
    expect(nextWorkingMorning(london, new Date('2026-11-28T19:00:00.000Z'), '09:00').toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(nextWorkingMorning(londonMonToSat, new Date('2026-11-27T19:00:00.000Z'), '09:00').toISOString()).toBe('2026-11-28T09:00:00.000Z');
  });
});

describe('precedence', () => {
  it('an extra working day counts even on a public holiday (and keeps the holiday name); a closure wins over a holiday and a weekend', () => {
    const office = createWorkingCalendar({
      region: 'GB-ENG',
      timeZone: 'Europe/London',
      extraWorkingDays: ['2026-12-28'],
      closures: ['2026-12-26', '2026-11-29'],
    });
    expect(explainDay(office, '2026-12-28')).toEqual({ date: '2026-12-28', counted: true, reason: 'extra-working-day', name: 'Boxing Day (substitute day)' });
    expect(explainDay(office, '2026-12-26')).toEqual({ date: '2026-12-26', counted: false, reason: 'closure', name: 'Boxing Day' });
    expect(explainDay(office, '2026-11-29')).toEqual({ date: '2026-11-29', counted: false, reason: 'closure' });
    expect(explainDay(office, '2026-12-25')).toEqual({ date: '2026-12-25', counted: false, reason: 'public-holiday', name: 'Christmas Day' });
    expect(explainDay(office, '2026-11-28')).toEqual({ date: '2026-11-28', counted: false, reason: 'weekend' });
    expect(explainDay(office, '2026-11-27')).toEqual({ date: '2026-11-27', counted: true, reason: 'working' });
  });

  it('a public holiday on a day outside the working week is reported as the holiday (Boxing Day, Saturday 26 December 2026)', () => {
    const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });
    expect(explainDay(london, '2026-12-26')).toMatchObject({ counted: false, reason: 'public-holiday', name: 'Boxing Day' });
  });
});

describe('refusals', () => {
  const base = { region: 'LV', timeZone: 'Europe/Riga' };
  const refusal = (options: Parameters<typeof createWorkingCalendar>[0]) => {
    try {
      createWorkingCalendar(options);
    } catch (error) {
      return error;
    }
    throw new Error('expected a refusal');
  };

  it('a day that is both a closure and an extra working day, naming the day', () => {
    const error = refusal({ ...base, closures: ['2024-12-23'], extraWorkingDays: ['2024-12-14', '2024-12-23'] });
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({
      message: "'2024-12-23' is both an office closure and an extra working day",
      problem: 'closed-and-working',
      option: 'extraWorkingDays',
      index: 1,
    });
  });

  it('a malformed extra working day', () => {
    for (const day of ['14.12.2024', '2024-02-30', '2024-12-14T00:00', '']) {
      expect(refusal({ ...base, extraWorkingDays: [day] }), day).toMatchObject({ problem: 'not-a-date', option: 'extraWorkingDays', index: 0 });
    }
    expect(() => createWorkingCalendar({ ...base, extraWorkingDays: ['2024-13-14'] })).toThrow(RangeError);
  });

  it('an empty working week, or a weekday outside 1–7', () => {
    expect(refusal({ ...base, workWeek: [] })).toMatchObject({ problem: 'empty-work-week', option: 'workWeek', message: 'The working week has no days' });
    for (const weekday of [0, 8, 1.5, -1, Number.NaN]) {
      const error = refusal({ ...base, workWeek: [1, weekday] });
      expect(error, String(weekday)).toBeInstanceOf(WorkingCalendarError);
      expect(error, String(weekday)).toMatchObject({ problem: 'not-a-weekday', index: 1 });
    }
  });

  it('each refusal names its problem, the setting and the entry, in words an administrator can act on', () => {
    expect(refusal({ ...base, workWeek: [1, 9] })).toMatchObject({
      name: 'WorkingCalendarError',
      message: 'Weekday 9 is not an ISO weekday (1 = Monday … 7 = Sunday)',
      option: 'workWeek',
      index: 1,
    });
    expect(refusal({ ...base, closures: ['2024-12-23', '23/12/2024'] })).toMatchObject({
      message: "Office closure '23/12/2024' is not a YYYY-MM-DD date",
      problem: 'not-a-date',
      option: 'closures',
      index: 1,
    });
    expect(refusal({ ...base, extraWorkingDays: ['2024-12-32'] })).toMatchObject({
      message: "Extra working day '2024-12-32' is not a YYYY-MM-DD date",
      option: 'extraWorkingDays',
      index: 0,
    });
    for (const region of ['XX', 'GB-XYZ'])
      expect(refusal({ ...base, region }), region).toMatchObject({
        message: `Unknown holiday region '${region}'`,
        problem: 'unknown-region',
        option: 'region',
        index: null,
      });
    expect(refusal({ ...base, timeZone: 'Europe/Atlantis' })).toMatchObject({
      message: "Unknown time zone 'Europe/Atlantis'",
      problem: 'unknown-time-zone',
      option: 'timeZone',
      index: null,
    });
    expect(() => explainDay(riga, '2024-02-30')).toThrow("'2024-02-30' is not a YYYY-MM-DD date");
  });

  it('explaining a negative or fractional number of days, or a malformed day', () => {
    expect(() => explainWorkingDays(riga, new Date(), -1)).toThrow(RangeError);
    expect(() => explainWorkingDays(riga, new Date(), 2.5)).toThrow('Working days must be a whole number ≥ 0, got 2.5');
    expect(explainWorkingDays(riga, new Date(), 0)).toEqual([]);
    expect(() => explainDay(riga, '2024-02-30')).toThrow(RangeError);
  });
});

describe('explaining a case deadline ("Why this date?")', () => {
  const clock = { receivedAt: '2024-12-05T12:00:00.000Z', acknowledgedAt: '2024-12-06T12:00:00.000Z' };
  const stage1 = (calendar: typeof riga, extensions: { id: string; deadline: 'stage1Resolution'; newDueAt: string }[] = []) =>
    computeDeadlines(calendar, DEFAULT_SLA_POLICY, { ...clock, extensions }).find((deadline) => deadline.kind === 'stage1Resolution')!;

  it('P-4.1: 10 working days from Friday 6 December 2024, the working Saturday 14 December counted', () => {
    const explained = explainDeadline(rigaTransferred, DEFAULT_SLA_POLICY, stage1(rigaTransferred));
    expect(explained).toMatchObject({ rule: { unit: 'working-days', amount: 10 }, procedureDueAt: '2024-12-19T21:59:59.999Z', current: true });
    expect(explained.days.map((day) => day.date)).toEqual([
      '2024-12-07',
      '2024-12-08',
      '2024-12-09',
      '2024-12-10',
      '2024-12-11',
      '2024-12-12',
      '2024-12-13',
      '2024-12-14',
      '2024-12-15',
      '2024-12-16',
      '2024-12-17',
      '2024-12-18',
      '2024-12-19',
    ]);
    expect(explained.days.find((day) => day.date === '2024-12-14')).toEqual({ date: '2024-12-14', counted: true, reason: 'extra-working-day' });
  });

  it('says when the stored date is from another calendar (a recompute is on its way)', () => {
    expect(explainDeadline(riga, DEFAULT_SLA_POLICY, stage1(rigaTransferred))).toMatchObject({ procedureDueAt: '2024-12-20T21:59:59.999Z', current: false });
  });

  it('P-4.4: an extended deadline keeps the procedure date it replaced', () => {
    const extended = stage1(rigaTransferred, [{ id: 'lab', deadline: 'stage1Resolution', newDueAt: '2025-01-10T15:00:00.000Z' }]);
    expect(explainDeadline(rigaTransferred, DEFAULT_SLA_POLICY, extended)).toMatchObject({
      procedureDueAt: '2024-12-19T21:59:59.999Z',
      current: true,
      deadline: { dueAt: '2025-01-10T15:00:00.000Z', extensionId: 'lab' },
    });
  });

  it('P-3.2: 48 clock hours have no days to list', () => {
    const acknowledgement = computeDeadlines(rigaTransferred, DEFAULT_SLA_POLICY, clock)[0]!;
    expect(explainDeadline(rigaTransferred, DEFAULT_SLA_POLICY, acknowledgement)).toMatchObject({
      rule: { unit: 'clock-hours', amount: 48 },
      procedureDueAt: '2024-12-07T12:00:00.000Z',
      days: [],
      current: true,
    });
  });
});
