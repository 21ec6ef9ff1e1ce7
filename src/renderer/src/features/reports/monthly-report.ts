/** Issue 16: the monthly complaints report's month, its date range, and which charts it prints. */
import { endOfMonth, format, parseISO, subMonths } from 'date-fns';

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The first and last day of a 'YYYY-MM' month (the dashboard's inclusive range). */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: format(endOfMonth(parseISO(`${month}-01`)), 'yyyy-MM-dd') };
}

/** The last complete month before an office day: what a monthly report is usually about. */
export function lastCompleteMonth(today: string): string {
  return format(subMonths(parseISO(`${today.slice(0, 7)}-01`), 1), 'yyyy-MM');
}

/** The tables whose charts the printed report shows (every table is printed as a table). */
export const MONTHLY_CHARTS: readonly string[] = ['volume-by-type', 'volume-by-channel', 'deadlines-met', 'backlog-by-age'];
