/**
 * The office's working calendar (procedure, "Working days"): Monday to Friday, except the public
 * holidays of the office's region and any extra office closure days, in the office's time zone.
 * "N working days from day D" ends at 23:59:59.999 (office time) of the N-th working day after D.
 */
import { TZDate } from '@date-fns/tz';
import Holidays from 'date-holidays';

export interface WorkingCalendarOptions {
  /** ISO 3166-2 style: 'GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR', 'LV', … */
  readonly region: string;
  /** IANA time zone of the office, e.g. 'Europe/London'. */
  readonly timeZone: string;
  /** Extra office closure days, 'YYYY-MM-DD'. */
  readonly closures?: readonly string[];
}

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

export interface WorkingCalendar {
  readonly region: string;
  readonly timeZone: string;
  readonly closures: ReadonlySet<string>;
  /** Public holidays of a year (type 'public', substitute days included), by 'YYYY-MM-DD'. */
  holidays(year: number): ReadonlyMap<string, string>;
}

/** A real 'YYYY-MM-DD' date: it reads back as itself (Date.parse alone takes 2026-02-30 as 2 March). */
function isCalendarDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const [country, state] = options.region.split('-');
  const source = new Holidays();
  if (!country || !source.getCountries()[country]) throw new RangeError(`Unknown holiday region '${options.region}'`);
  if (state && !(source.getStates(country) ?? {})[state]) throw new RangeError(`Unknown holiday region '${options.region}'`);
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: options.timeZone });
  } catch {
    throw new RangeError(`Unknown time zone '${options.timeZone}'`);
  }
  for (const closure of options.closures ?? []) {
    if (!isCalendarDate(closure)) throw new RangeError(`Office closure '${closure}' is not a YYYY-MM-DD date`);
  }
  const holidays = state ? new Holidays(country, state) : new Holidays(country);
  const byYear = new Map<number, ReadonlyMap<string, string>>();
  return {
    region: options.region,
    timeZone: options.timeZone,
    closures: new Set(options.closures ?? []),
    holidays(year) {
      let days = byYear.get(year);
      if (!days) {
        const found = holidays.getHolidays(year).filter((holiday) => holiday.type === 'public');
        days = new Map(found.map((holiday) => [holiday.date.slice(0, 10), holiday.name]));
        byYear.set(year, days);
      }
      return days;
    },
  };
}

/**
 * Days are walked as plain calendar dates (UTC midnight of the office's local date), so only the
 * start instant and the final end-of-day need time-zone conversion: fast enough to recompute
 * every open case's deadlines.
 */
type CalendarDate = number;
const DAY_MS = 86_400_000;

function localDate(calendar: WorkingCalendar, instant: Date): CalendarDate {
  const local = new TZDate(instant.getTime(), calendar.timeZone);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
}

function dayKey(date: CalendarDate): string {
  return new Date(date).toISOString().slice(0, 10);
}

function isWorkingDate(calendar: WorkingCalendar, date: CalendarDate): boolean {
  const weekday = new Date(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const key = dayKey(date);
  return !calendar.closures.has(key) && !calendar.holidays(new Date(date).getUTCFullYear()).has(key);
}

function endOfDate(calendar: WorkingCalendar, date: CalendarDate): Date {
  const day = new Date(date);
  return new Date(new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 23, 59, 59, 999, calendar.timeZone).getTime());
}

/** The calendar day containing `instant` in the office time zone, as 'YYYY-MM-DD'. */
export function officeDay(calendar: WorkingCalendar, instant: Date): string {
  return dayKey(localDate(calendar, instant));
}

/** Whether the calendar day containing `instant` (in the office time zone) is a working day. */
export function isWorkingDay(calendar: WorkingCalendar, instant: Date): boolean {
  return isWorkingDate(calendar, localDate(calendar, instant));
}

export function endOfOfficeDay(calendar: WorkingCalendar, day: Date): Date {
  return endOfDate(calendar, localDate(calendar, day));
}

/**
 * The instant at 23:59:59.999 (office time) of the `days`-th working day after the day containing
 * `from`. With 0 days, the end of the day containing `from`.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${days}`);
  let date = localDate(calendar, from);
  let counted = 0;
  while (counted < days) {
    date += DAY_MS;
    if (isWorkingDate(calendar, date)) counted += 1;
  }
  return endOfDate(calendar, date);
}

/**
 * Working days elapsed from the day containing `from` to the day containing `to`: 0 on the same
 * day, 1 when `to` falls on the next working day, and so on (P-5.1 "time taken").
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) return -workingDaysBetween(calendar, to, from);
  const last = localDate(calendar, to);
  let counted = 0;
  for (let date = localDate(calendar, from) + DAY_MS; date <= last; date += DAY_MS) {
    if (isWorkingDate(calendar, date)) counted += 1;
  }
  return counted;
}

/** The instant of a wall-clock time ('HH:mm') on a 'YYYY-MM-DD' day in the office time zone. */
export function officeInstant(calendar: WorkingCalendar, day: string, time: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, date, hours, minutes, 0, 0, calendar.timeZone).getTime());
}

/**
 * P-3.2: when only the day a complaint was received is known (a letter), its clock starts at
 * office opening that day, or now if that is earlier (today's post, logged before opening).
 */
export function receiptInstant(calendar: WorkingCalendar, day: string, opensAt: string, now: Date): Date {
  const opening = officeInstant(calendar, day, opensAt);
  return opening.getTime() > now.getTime() ? now : opening;
}

/** The next working day's office opening instant at or after `instant` (for quiet hours). */
export function nextWorkingMorning(calendar: WorkingCalendar, instant: Date, opensAt: string): Date {
  let date = localDate(calendar, instant);
  for (let guard = 0; guard < 400; guard += 1, date += DAY_MS) {
    if (!isWorkingDate(calendar, date)) continue;
    const opening = officeInstant(calendar, dayKey(date), opensAt);
    if (opening.getTime() >= instant.getTime()) return opening;
  }
  throw new RangeError('No working day within 400 days');
}
