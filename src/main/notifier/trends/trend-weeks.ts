/**
 * P-5.2: the weeks a trend check looks at, in the office's time zone: the last complete office
 * week (Monday to Sunday) before now, and the baseline weeks before it. Boundaries are office
 * midnights, so a week across a daylight-saving change is still Monday to Sunday.
 */
import { addDays, format, parseISO, startOfISOWeek } from 'date-fns';
import { officeDay, officeInstant, type WorkingCalendar } from '@shared/sla';

export interface TrendWeeks {
  /** ISO week of the week checked, e.g. '2026-W49': part of the once-only key of an alert. */
  readonly week: string;
  /** The Monday the checked week starts. */
  readonly monday: string;
  /** Office-midnight instants (ms): `bounds[i]` to `bounds[i + 1]` is week i, oldest first; the last week is the one checked. */
  readonly bounds: readonly number[];
}

export function trendWeeks(calendar: WorkingCalendar, now: Date, baselineWeeks: number): TrendWeeks {
  const thisMonday = startOfISOWeek(parseISO(officeDay(calendar, now)));
  const checked = addDays(thisMonday, -7);
  const bounds = Array.from({ length: baselineWeeks + 2 }, (_, index) =>
    officeInstant(calendar, format(addDays(checked, (index - baselineWeeks) * 7), 'yyyy-MM-dd'), '00:00').getTime(),
  );
  return { week: format(checked, "RRRR-'W'II"), monday: format(checked, 'yyyy-MM-dd'), bounds };
}
