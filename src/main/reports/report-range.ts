/**
 * The date range of a report (issue 16): office days, inclusive, in the office time zone. The
 * default is the last 12 months (this month and the 11 before it, up to today).
 *
 * Volumes are grouped by month or by ISO week (Monday to Sunday, office days, so a week across a
 * daylight-saving change or a year end is still Monday to Sunday; '2026-W53' runs 28 December 2026
 * to 3 January 2027). The previous period is the same days shifted back by as many whole periods
 * as the range touches: as many months as it has months, or as many weeks as it has weeks. So
 * period N of the range sits beside period N of the previous period, cut to the same days.
 */
import { addDays, addMonths, differenceInCalendarMonths, format, parseISO, startOfISOWeek } from 'date-fns';
import type { DateRange, ReportGrouping } from '../../shared/domain/reports';
import { officeDay, officeInstant, type WorkingCalendar } from '../../shared/sla';

export interface RangePeriod {
  /** 'YYYY-MM' or 'YYYY-Www' (ISO week-numbering year). */
  readonly period: string;
  /** The day it starts: the first of the month, or the week's Monday. */
  readonly start: string;
  /** The same period of the previous period. */
  readonly previous: string;
}

export interface ResolvedRange {
  readonly range: DateRange;
  readonly previousRange: DateRange;
  /** 'YYYY-MM' of each month the range touches, in order. */
  readonly months: readonly string[];
  /** Months between a month of the range and its month in the previous period. */
  readonly monthShift: number;
  readonly grouping: ReportGrouping;
  /** Each month or week the range touches, in order. */
  readonly periods: readonly RangePeriod[];
}

const DAY = 'yyyy-MM-dd';
const ISO_WEEK = "RRRR-'W'II";

function shiftDay(day: string, months: number): string {
  return format(addMonths(parseISO(day), months), DAY);
}

const shiftDays = (day: string, days: number) => format(addDays(parseISO(day), days), DAY);

function weeksOf(range: DateRange): RangePeriod[] {
  const mondays: Date[] = [];
  for (let monday = startOfISOWeek(parseISO(range.from)); format(monday, DAY) <= range.to; monday = addDays(monday, 7)) mondays.push(monday);
  return mondays.map((monday) => ({
    period: format(monday, ISO_WEEK),
    start: format(monday, DAY),
    previous: format(addDays(monday, -7 * mondays.length), ISO_WEEK),
  }));
}

export function resolveRange(
  calendar: WorkingCalendar,
  now: Date,
  from: string | undefined,
  to: string | undefined,
  grouping: ReportGrouping = 'month',
): ResolvedRange {
  const today = officeDay(calendar, now);
  // A start after today with no end: the range is that one day (never a range that ends before it starts).
  const end = to ?? (from !== undefined && from > today ? from : today);
  const start = from ?? `${shiftDay(`${end.slice(0, 7)}-01`, -11)}`;
  const monthShift = differenceInCalendarMonths(parseISO(end), parseISO(start)) + 1;
  const months = Array.from({ length: monthShift }, (_, index) => format(addMonths(parseISO(`${start.slice(0, 7)}-01`), index), 'yyyy-MM'));
  const range = { from: start, to: end };
  if (grouping === 'week') {
    const periods = weeksOf(range);
    const days = -7 * periods.length;
    return { range, previousRange: { from: shiftDays(start, days), to: shiftDays(end, days) }, months, monthShift, grouping, periods };
  }
  return {
    range,
    previousRange: { from: shiftDay(start, -monthShift), to: shiftDay(end, -monthShift) },
    months,
    monthShift,
    grouping,
    periods: months.map((month) => ({ period: month, start: `${month}-01`, previous: monthBefore(month, monthShift) })),
  };
}

/** The instants [start, end) of office days `from` to `to` inclusive (as the case list's received filter). */
export function rangeInstants(calendar: WorkingCalendar, range: DateRange): { readonly start: number; readonly end: number } {
  const dayAfter = format(addDays(parseISO(range.to), 1), DAY);
  return { start: officeInstant(calendar, range.from, '00:00').getTime(), end: officeInstant(calendar, dayAfter, '00:00').getTime() };
}

/** 'YYYY-MM' of the office day an instant falls on. */
export function officeMonth(calendar: WorkingCalendar, instant: string): string {
  return officeDay(calendar, new Date(instant)).slice(0, 7);
}

/** The month or ISO week ('YYYY-Www') of the office day an instant falls on. */
export function officePeriod(calendar: WorkingCalendar, instant: string, grouping: ReportGrouping): string {
  const day = officeDay(calendar, new Date(instant));
  return grouping === 'week' ? format(parseISO(day), ISO_WEEK) : day.slice(0, 7);
}

/** The month `shift` months before 'YYYY-MM'. */
export function monthBefore(month: string, shift: number): string {
  return format(addMonths(parseISO(`${month}-01`), -shift), 'yyyy-MM');
}
