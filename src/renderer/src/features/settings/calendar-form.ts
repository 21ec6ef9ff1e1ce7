/** The calendar settings form's values (CalendarSettings.tsx), shared with its parts. */
export interface NotedDay {
  readonly day: string;
  readonly note: string;
}

export type DayListField = 'closures' | 'extraWorkingDays';

export type CalendarForm = {
  region: string;
  timeZone: string;
  /** ISO weekdays as the chips' values ('1' = Monday … '7' = Sunday). */
  workWeek: string[];
  closures: NotedDay[];
  extraWorkingDays: NotedDay[];
};
