/**
 * Public holidays from their rules (date-holidays): any region, any year. The main process and the
 * settings screens use it. It is kept out of `@shared/sla`'s index because its rules and
 * astronomical tables are most of the renderer's first-paint script (issue 12): the case list
 * counts working days over a table of years the main process works out (`holiday-table.ts`).
 */
import Holidays from 'date-holidays';
import { createCalendar, type PublicHolidaySource, type WorkingCalendar, type WorkingCalendarOptions } from './working-calendar';

/** The region's public holidays by their rules: 'GB-ENG' is England's, 'LV' Latvia's; null for a region date-holidays does not know. */
export const publicHolidaysByRule: PublicHolidaySource = (region) => {
  const [country, state] = region.split('-');
  const known = new Holidays();
  if (!country || !known.getCountries()[country]) return null;
  if (state && !(known.getStates(country) ?? {})[state]) return null;
  const holidays = state ? new Holidays(country, state) : new Holidays(country);
  return (year) =>
    new Map(holidays.getHolidays(year).flatMap((holiday) => (holiday.type === 'public' ? [[holiday.date.slice(0, 10), holiday.name] as const] : [])));
};

/** The office's working calendar with public holidays from their rules. */
export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  return createCalendar(options, publicHolidaysByRule);
}
