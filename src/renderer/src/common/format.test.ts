/**
 * Dates, money and deadline countdowns in each language, in the office's time zone and working
 * calendar: the same instant reads as London time in England and Riga time in Latvia, and a
 * countdown counts the region's own working days (P-4.1, procedure "Working days").
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '@shared/sla';
import { createWorkingCalendar } from '@shared/sla/public-holidays';
import { createI18n } from '../i18n/i18n';
import { makeFormatters } from './format';

const england = makeFormatters('en-GB', 'Europe/London', createWorkingCalendar(DEFAULT_CALENDAR), createI18n('en-GB').t);
const latvia = makeFormatters('lv', 'Europe/Riga', createWorkingCalendar({ region: 'LV', timeZone: 'Europe/Riga', closures: [] }), createI18n('lv').t);

describe('dates and times', () => {
  it('show an instant in the office time zone, summer and winter', () => {
    expect(england.dateTime('2026-07-01T08:30:00.000Z')).toBe('1 Jul 2026, 09:30');
    expect(england.dateTime('2026-12-01T08:30:00.000Z')).toBe('1 Dec 2026, 08:30');
    expect(latvia.dateTime('2026-07-01T08:30:00.000Z')).toBe('01.07.2026., 11:30');
    expect(latvia.dateTime('2026-12-01T08:30:00.000Z')).toBe('01.12.2026., 10:30');
  });

  it('take the date of an instant in the office, not in UTC', () => {
    expect(england.date('2026-12-31T23:30:00.000Z')).toBe('31/12/2026');
    expect(latvia.date('2026-12-31T23:30:00.000Z')).toBe('01.01.2027.');
  });

  it('spell out a calendar day with its weekday, so a mistyped date stands out', () => {
    expect(england.day('2026-11-24')).toBe('24/11/2026');
    expect(england.longDay('2026-11-24')).toBe('Tuesday, 24 November 2026');
    expect(latvia.day('2026-11-24')).toBe('24.11.2026.');
    expect(latvia.longDay('2026-11-24')).toBe('otrdienā, 2026. gada 24. novembrī');
  });

  it('say how long ago, and format money per language', () => {
    expect(england.relative('2026-11-23T09:00:00Z', new Date('2026-11-23T12:00:00Z'))).toBe('3 hours ago');
    expect(latvia.relative('2026-11-23T09:00:00Z', new Date('2026-11-23T12:00:00Z'))).toBe('pirms 3 stundām');
    expect(england.money(1234, 'GBP')).toBe('£12.34');
    // Intl puts a no-break space between amount and symbol, so they never wrap apart.
    expect(latvia.money(1234, 'EUR')).toBe('12,34\u00a0€');
  });

  it('writes decimals and percentages as the language does: "12,8" in Latvian (issue 18)', () => {
    expect(england.decimal(12.8)).toBe('12.8');
    expect(latvia.decimal(12.8)).toBe('12,8');
    expect(latvia.decimal(12)).toBe('12');
    expect(england.percent(66.7)).toBe('66.7%');
    expect(latvia.percent(66.7)).toMatch(/^66,7\s?%$/);
  });
});

describe('deadline countdowns', () => {
  const friday = { dueAt: '2026-11-27T23:59:59.999Z', warnAt: '2026-11-26T23:59:59.999Z' };

  it('count working days while more than a day is left', () => {
    expect(england.countdown(friday, new Date('2026-11-23T10:00:00Z'))).toEqual({ state: 'on-track', text: 'due in 4 working days' });
    expect(latvia.countdown(friday, new Date('2026-11-23T10:00:00Z'))).toEqual({ state: 'on-track', text: 'termiņš pēc 4 darba dienām' });
  });

  it('say a breach that an extension followed, beside the new countdown (issue 18)', () => {
    const extended = { ...friday, breachedAt: '2026-11-20T23:59:59.999Z' };
    expect(england.countdown(extended, new Date('2026-11-23T10:00:00Z'))).toEqual({
      state: 'on-track',
      text: 'breached, then extended · due in 4 working days',
    });
    expect(latvia.countdown(extended, new Date('2026-11-23T10:00:00Z')).text).toBe('kavēts, pēc tam pagarināts · termiņš pēc 4 darba dienām');
  });

  it('count hours and minutes within the last day, when the deadline is due soon', () => {
    expect(england.countdown(friday, new Date('2026-11-27T10:00:00Z'))).toEqual({ state: 'due-soon', text: 'due in 13 h 59 min' });
    expect(latvia.countdown(friday, new Date('2026-11-27T10:00:00Z'))).toEqual({ state: 'due-soon', text: 'termiņš pēc 13 st. 59 min' });
  });

  it('say how late a breached deadline is', () => {
    const due = { dueAt: '2026-11-20T12:00:00.000Z', warnAt: '2026-11-19T12:00:00.000Z' };
    expect(england.countdown({ ...due, dueAt: '2026-11-27T12:00:00.000Z' }, new Date('2026-11-27T14:30:00Z'))).toEqual({
      state: 'breached',
      text: '2 h 30 min overdue',
    });
    expect(england.countdown(due, new Date('2026-11-27T14:30:00Z'))).toEqual({ state: 'breached', text: '5 working days overdue' });
    expect(latvia.countdown(due, new Date('2026-11-27T14:30:00Z'))).toEqual({ state: 'breached', text: 'kavēts par 5 darba dienām' });
  });

  it("skip each region's own holidays: Christmas week has four working days left in England, three in Latvia", () => {
    const newYearsEve = { dueAt: '2026-12-31T12:00:00.000Z', warnAt: '2026-12-30T12:00:00.000Z' };
    const wednesday = new Date('2026-12-23T14:30:00Z');
    expect(england.countdown(newYearsEve, wednesday).text).toBe('due in 4 working days');
    expect(latvia.countdown(newYearsEve, wednesday).text).toBe('termiņš pēc 3 darba dienām');
  });

  it('show when a deadline was met, on time or late, in office time', () => {
    const due = { dueAt: '2026-11-27T12:00:00.000Z', warnAt: '2026-11-26T12:00:00.000Z' };
    expect(england.countdown({ ...due, metAt: '2026-11-25T10:00:00.000Z' }, new Date('2026-11-27T14:30:00Z'))).toEqual({
      state: 'met-on-time',
      text: 'Met 25 Nov 2026, 10:00',
    });
    expect(latvia.countdown({ ...due, metAt: '2026-11-28T10:00:00.000Z' }, new Date('2026-11-30T14:30:00Z'))).toEqual({
      state: 'met-late',
      text: 'Izpildīts 28.11.2026., 12:00',
    });
  });
});
