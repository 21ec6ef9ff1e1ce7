/**
 * Public holidays as a table of years, worked out by the main process from their rules and sent
 * with the settings (issue 12): the renderer counts working days (the case list's countdowns,
 * "Why this date?") without loading date-holidays, which is most of its first-paint script.
 */
import { createCalendar, WorkingCalendarError, type PublicHolidaySource, type WorkingCalendar, type WorkingCalendarOptions } from './working-calendar';

export interface PublicHolidayTable {
  /** The region the table was worked out for ('GB-ENG', 'LV', …). */
  readonly region: string;
  /** The first and last year it covers. */
  readonly fromYear: number;
  readonly toYear: number;
  /** Each public holiday in those years: 'YYYY-MM-DD' → name. */
  readonly days: Readonly<Record<string, string>>;
}

/** Years covered before and after the current one: cases kept for the 6-year retention (P-7.2) and deadlines years ahead. */
export const TABLE_YEARS = { before: 25, after: 10 } as const;

/** The table of the years around `now` from a source of holidays (the main process passes their rules). */
export function publicHolidayTable(region: string, source: PublicHolidaySource, now: Date): PublicHolidayTable {
  const ofYear = source(region);
  const year = now.getUTCFullYear();
  const fromYear = year - TABLE_YEARS.before;
  const toYear = year + TABLE_YEARS.after;
  if (!ofYear) throw new WorkingCalendarError(`Unknown holiday region '${region}'`, 'unknown-region', 'region');
  const days: Record<string, string> = {};
  for (let each = fromYear; each <= toYear; each += 1) for (const [day, name] of ofYear(each)) days[day] = name;
  return { region, fromYear, toYear, days };
}

/** A source answering from the table: the table's region only, and only the years it covers (a year outside it is an error, never a year without holidays). */
export function tableSource(table: PublicHolidayTable): PublicHolidaySource {
  const byYear = new Map<number, Map<string, string>>();
  for (let year = table.fromYear; year <= table.toYear; year += 1) byYear.set(year, new Map());
  for (const [day, name] of Object.entries(table.days)) byYear.get(Number(day.slice(0, 4)))?.set(day, name);
  return (region) =>
    region !== table.region
      ? null
      : (year) => {
          const days = byYear.get(year);
          if (!days) throw new RangeError(`The public holidays of ${year} are not in the table (${table.fromYear}–${table.toYear})`);
          return days;
        };
}

/** The office's working calendar over a table of public holidays. */
export function createTableCalendar(options: WorkingCalendarOptions, table: PublicHolidayTable): WorkingCalendar {
  return createCalendar(options, tableSource(table));
}
