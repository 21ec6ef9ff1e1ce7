/**
 * The office's working calendar (procedure, "Working days"): the days of the office's working
 * week (Monday to Friday unless set otherwise), except the public holidays of the office's region
 * and any office closure days, plus any extra working days (a transferred working Saturday), in
 * the office's time zone. "N working days from day D" ends at 23:59:59.999 (office time) of the
 * N-th working day after D.
 *
 * Precedence, for one calendar day: an extra working day is a working day whatever else is true
 * of it; otherwise a closure is not one, then a public holiday is not one, then a day outside the
 * working week is not one. A day may not be both a closure and an extra working day.
 */
import { TZDate } from '@date-fns/tz';

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const DEFAULT_WORK_WEEK: readonly number[] = [1, 2, 3, 4, 5];

export interface WorkingCalendarOptions {
  /** ISO 3166-2 style: 'GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR', 'LV', … */
  readonly region: string;
  /** IANA time zone of the office, e.g. 'Europe/London'. */
  readonly timeZone: string;
  /** Extra office closure days, 'YYYY-MM-DD'. */
  readonly closures?: readonly string[];
  /** Working days even on a weekend or public holiday, 'YYYY-MM-DD' (Latvia's transferred Saturdays). */
  readonly extraWorkingDays?: readonly string[];
  /** The office's working week as ISO weekdays (1 = Monday … 7 = Sunday); Monday to Friday by default. */
  readonly workWeek?: readonly number[];
}

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

export interface WorkingCalendar {
  readonly region: string;
  readonly timeZone: string;
  readonly closures: ReadonlySet<string>;
  readonly extraWorkingDays: ReadonlySet<string>;
  /** ISO weekdays of the working week. */
  readonly workWeek: ReadonlySet<number>;
  /** Public holidays of a year (type 'public', substitute days included), by 'YYYY-MM-DD'. */
  holidays(year: number): ReadonlyMap<string, string>;
}

/** Why a calendar day is, or is not, a working day (in order of precedence). */
export const DAY_REASONS = ['extra-working-day', 'closure', 'public-holiday', 'weekend', 'working'] as const;
export type DayReason = (typeof DAY_REASONS)[number];

/** The options a calendar refuses, each with the option at fault (settings show it at that field). */
export type CalendarProblem = 'unknown-region' | 'unknown-time-zone' | 'not-a-date' | 'closed-and-working' | 'empty-work-week' | 'not-a-weekday';

export class WorkingCalendarError extends RangeError {
  constructor(
    message: string,
    readonly problem: CalendarProblem,
    readonly option: keyof WorkingCalendarOptions,
    /** The position of the offending entry in its list, where the option is a list. */
    readonly index: number | null = null,
  ) {
    super(message);
    this.name = 'WorkingCalendarError';
  }
}

/** A real 'YYYY-MM-DD' date: it reads back as itself (Date.parse alone takes 2026-02-30 as 2 March). */
function isCalendarDate(text: string): boolean {
  const parsed = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

function checkDates(option: 'closures' | 'extraWorkingDays', days: readonly string[], what: string): void {
  days.forEach((day, index) => {
    if (!isCalendarDate(day)) throw new WorkingCalendarError(`${what} '${day}' is not a YYYY-MM-DD date`, 'not-a-date', option, index);
  });
}

function checkWorkWeek(workWeek: readonly number[]): void {
  if (workWeek.length === 0) throw new WorkingCalendarError('The working week has no days', 'empty-work-week', 'workWeek');
  workWeek.forEach((weekday, index) => {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new WorkingCalendarError(`Weekday ${weekday} is not an ISO weekday (1 = Monday … 7 = Sunday)`, 'not-a-weekday', 'workWeek', index);
    }
  });
}

/** A region's public holidays of one year (type 'public', substitute days included), by 'YYYY-MM-DD'. */
export type PublicHolidaysOfYear = (year: number) => ReadonlyMap<string, string>;

/**
 * Where a calendar's public holidays come from: the holiday rules themselves
 * (`public-holidays.ts`, date-holidays, in the main process and the settings screens), or a table
 * of years the main process worked out (`holiday-table.ts`, for the renderer's first paint).
 * Answers null for a region it does not know.
 */
export type PublicHolidaySource = (region: string) => PublicHolidaysOfYear | null;

/** A calendar over any source of public holidays; the options are checked the same way for each. */
export function createCalendar(options: WorkingCalendarOptions, source: PublicHolidaySource): WorkingCalendar {
  const publicHolidays = source(options.region);
  if (!publicHolidays) throw new WorkingCalendarError(`Unknown holiday region '${options.region}'`, 'unknown-region', 'region');
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: options.timeZone });
  } catch {
    throw new WorkingCalendarError(`Unknown time zone '${options.timeZone}'`, 'unknown-time-zone', 'timeZone');
  }
  const closures = options.closures ?? [];
  const extraWorkingDays = options.extraWorkingDays ?? [];
  const workWeek = options.workWeek ?? DEFAULT_WORK_WEEK;
  checkDates('closures', closures, 'Office closure');
  checkDates('extraWorkingDays', extraWorkingDays, 'Extra working day');
  checkWorkWeek(workWeek);
  const closed = new Set(closures);
  extraWorkingDays.forEach((day, index) => {
    // Which one the office meant cannot be guessed: the administrator must choose.
    if (closed.has(day))
      throw new WorkingCalendarError(`'${day}' is both an office closure and an extra working day`, 'closed-and-working', 'extraWorkingDays', index);
  });
  const byYear = new Map<number, ReadonlyMap<string, string>>();
  return {
    region: options.region,
    timeZone: options.timeZone,
    closures: closed,
    extraWorkingDays: new Set(extraWorkingDays),
    workWeek: new Set(workWeek),
    holidays(year) {
      let days = byYear.get(year);
      if (!days) {
        days = publicHolidays(year);
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

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: CalendarDate): number {
  return new Date(date).getUTCDay() || 7;
}

/** The one place the precedence is decided; everything else asks it. */
function reasonFor(calendar: WorkingCalendar, date: CalendarDate): DayReason {
  const key = dayKey(date);
  if (calendar.extraWorkingDays.has(key)) return 'extra-working-day';
  if (calendar.closures.has(key)) return 'closure';
  if (calendar.holidays(new Date(date).getUTCFullYear()).has(key)) return 'public-holiday';
  return calendar.workWeek.has(isoWeekday(date)) ? 'working' : 'weekend';
}

function isWorkingDate(calendar: WorkingCalendar, date: CalendarDate): boolean {
  const reason = reasonFor(calendar, date);
  return reason === 'working' || reason === 'extra-working-day';
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

function checkDayCount(days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${days}`);
}

/** One calendar day as the office counts it. */
export interface ExplainedDay {
  /** 'YYYY-MM-DD' in the office time zone. */
  readonly date: string;
  readonly counted: boolean;
  readonly reason: DayReason;
  /** The public holiday's name whenever the day is one (also when a closure or an extra working day decides). */
  readonly name?: string;
}

function explainDate(calendar: WorkingCalendar, date: CalendarDate): ExplainedDay {
  const reason = reasonFor(calendar, date);
  const name = calendar.holidays(new Date(date).getUTCFullYear()).get(dayKey(date));
  return { date: dayKey(date), counted: reason === 'working' || reason === 'extra-working-day', reason, ...(name === undefined ? {} : { name }) };
}

/** How the office counts one 'YYYY-MM-DD' day (the settings' year view). */
export function explainDay(calendar: WorkingCalendar, day: string): ExplainedDay {
  if (!isCalendarDate(day)) throw new RangeError(`'${day}' is not a YYYY-MM-DD date`);
  return explainDate(calendar, Date.parse(`${day}T00:00:00.000Z`));
}

/**
 * "Why this date?": every calendar day after the office day of `from`, up to and including the
 * day `addWorkingDays(calendar, from, days)` ends on, each counted or skipped with its reason.
 * Exactly `days` entries are counted, and the last entry is the deadline's day.
 */
export function explainWorkingDays(calendar: WorkingCalendar, from: Date, days: number): ExplainedDay[] {
  checkDayCount(days);
  const explained: ExplainedDay[] = [];
  let date = localDate(calendar, from);
  let counted = 0;
  while (counted < days) {
    date += DAY_MS;
    const day = explainDate(calendar, date);
    explained.push(day);
    if (day.counted) counted += 1;
  }
  return explained;
}

/**
 * The instant at 23:59:59.999 (office time) of the `days`-th working day after the day containing
 * `from`. With 0 days, the end of the day containing `from`.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: Date, days: number): Date {
  checkDayCount(days);
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
