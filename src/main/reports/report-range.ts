/**
 * The date range of a report (issue 16): office days, inclusive, in the office time zone. The
 * default is the last 12 months (this month and the 11 before it, up to today). The previous
 * period is the same days as many months earlier as the range has months, so month N of the range
 * sits beside month N of the previous period.
 */
import { addDays, addMonths, differenceInCalendarMonths, format, parseISO } from 'date-fns';
import type { DateRange } from '../../shared/domain/reports';
import { officeDay, officeInstant, type WorkingCalendar } from '../../shared/sla';

export interface ResolvedRange {
  readonly range: DateRange;
  readonly previousRange: DateRange;
  /** 'YYYY-MM' of each month the range touches, in order. */
  readonly months: readonly string[];
  /** Months between a month of the range and its month in the previous period. */
  readonly monthShift: number;
}

function shiftDay(day: string, months: number): string {
  return format(addMonths(parseISO(day), months), 'yyyy-MM-dd');
}

export function resolveRange(calendar: WorkingCalendar, now: Date, from: string | undefined, to: string | undefined): ResolvedRange {
  const today = officeDay(calendar, now);
  // A start after today with no end: the range is that one day (never a range that ends before it starts).
  const end = to ?? (from !== undefined && from > today ? from : today);
  const start = from ?? `${shiftDay(`${end.slice(0, 7)}-01`, -11)}`;
  const monthShift = differenceInCalendarMonths(parseISO(end), parseISO(start)) + 1;
  const months = Array.from({ length: monthShift }, (_, index) => format(addMonths(parseISO(`${start.slice(0, 7)}-01`), index), 'yyyy-MM'));
  return {
    range: { from: start, to: end },
    previousRange: { from: shiftDay(start, -monthShift), to: shiftDay(end, -monthShift) },
    months,
    monthShift,
  };
}

/** The instants [start, end) of office days `from` to `to` inclusive (as the case list's received filter). */
export function rangeInstants(calendar: WorkingCalendar, range: DateRange): { readonly start: number; readonly end: number } {
  const dayAfter = format(addDays(parseISO(range.to), 1), 'yyyy-MM-dd');
  return { start: officeInstant(calendar, range.from, '00:00').getTime(), end: officeInstant(calendar, dayAfter, '00:00').getTime() };
}

/** 'YYYY-MM' of the office day an instant falls on. */
export function officeMonth(calendar: WorkingCalendar, instant: string): string {
  return officeDay(calendar, new Date(instant)).slice(0, 7);
}

/** The month `shift` months before 'YYYY-MM'. */
export function monthBefore(month: string, shift: number): string {
  return format(addMonths(parseISO(`${month}-01`), -shift), 'yyyy-MM');
}
