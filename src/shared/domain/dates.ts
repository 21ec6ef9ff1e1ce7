/**
 * The span of dates the API accepts for anything it records. A complaint received in 1969 or in
 * 9999 is a typing slip, and such values broke deadline arithmetic deep in storage (a deadline
 * before 1970 failed the schema: INTERNAL instead of a field error, issue 11). So every recorded
 * date and time is refused at its field outside 2000–2099, whatever the time zone.
 */
import { z } from 'zod';

export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2099-12-31';
export const DATE_RANGE_MESSAGE = 'Check the year: Plaint takes dates from 2000 to 2099';

// The earliest and latest instants that are one of those days in some time zone (UTC−12…UTC+14).
const EARLIEST_INSTANT = Date.parse(`${EARLIEST_DAY}T00:00:00+14:00`);
const LATEST_INSTANT = Date.parse(`${LATEST_DAY}T23:59:59.999-12:00`);

/** A 'YYYY-MM-DD' day in 2000–2099; `message` is for a value that is not a real date. */
export function plausibleDay(message: string) {
  return z.iso.date({ message }).refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || (day >= EARLIEST_DAY && day <= LATEST_DAY), {
    message: DATE_RANGE_MESSAGE,
    abort: true,
    params: { code: 'date_out_of_range' },
  });
}

/** An ISO date and time with offset, in 2000–2099. */
export function plausibleInstant(message: string) {
  return z.iso.datetime({ offset: true, message }).refine(
    (instant) => {
      const time = Date.parse(instant);
      return Number.isNaN(time) || (time >= EARLIEST_INSTANT && time <= LATEST_INSTANT);
    },
    { message: DATE_RANGE_MESSAGE, abort: true, params: { code: 'date_out_of_range' } },
  );
}
