/**
 * Date-and-time inputs in the office's time zone (issue 18): what staff type and read is office
 * time, whatever zone the PC is set to, so 16:00 typed on a Riga PC for a London office is 16:00 in
 * London. `<input type="datetime-local">` values ('YYYY-MM-DDTHH:mm') ↔ ISO instants.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

const INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A moment as the office's wall-clock time, to the minute. */
export function toOfficeInput(date: Date, timeZone: string): string {
  return format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** Office wall-clock time back to an instant; null for an empty, unreadable or impossible value. */
export function fromOfficeInput(value: string, timeZone: string): string | null {
  const match = INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const moment = new TZDate(year, month - 1, day, hour, minute, timeZone);
  // Reject what the calendar does not have (31 February, 25:00) rather than rolling it over.
  if (Number.isNaN(moment.getTime()) || toOfficeInput(moment, timeZone).slice(0, 10) !== value.slice(0, 10)) return null;
  return new Date(moment.getTime()).toISOString();
}

/** The PC's own zone differs from the office's: say which zone times are in, beside them. */
export function officeZoneNote(timeZone: string, pcZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone): string | null {
  return pcZone === timeZone ? null : timeZone;
}
