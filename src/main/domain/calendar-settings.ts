/**
 * The `calendar` settings document (procedure, "Working days"; issue 15): reading what is stored,
 * whatever version of Plaint stored it, and tidying what an administrator saves.
 */
import type { z } from 'zod';
import type { calendarSettingsSchema } from '../../shared/domain/settings-inputs';
import { DEFAULT_CALENDAR, DEFAULT_WORK_WEEK, type CalendarProblem, type WorkingCalendarError, type WorkingCalendarOptions } from '../../shared/sla';
import { fieldError, type DomainError } from '../../shared/domain/domain-error';
import type { IssueCode } from '../../shared/domain/issue-codes';

export type CalendarSettings = z.output<typeof calendarSettingsSchema>;

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  ...DEFAULT_CALENDAR,
  closures: [],
  extraWorkingDays: [],
  workWeek: [...DEFAULT_WORK_WEEK],
  dayNotes: {},
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const sortedUnique = <T extends string | number>(items: readonly T[]): T[] => [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * A stored calendar as this version reads it. Calendars saved before issue 15 have no working
 * week, extra working days or notes: they get the defaults, so every deadline stays where it was.
 *
 * Sync merges closures and extra working days as sets, so two administrators who each marked the
 * same day, one closed and one working, leave a day that is both, which the engine refuses. Until
 * an administrator chooses, such a day counts as closed: a deadline is then never earlier than
 * either of them meant, and every device reads the same calendar.
 */
export function readCalendarSettings(stored: unknown): CalendarSettings {
  const value = isRecord(stored) ? stored : {};
  const closures = isStringList(value['closures']) ? value['closures'] : DEFAULT_CALENDAR_SETTINGS.closures;
  const extra = isStringList(value['extraWorkingDays']) ? value['extraWorkingDays'] : DEFAULT_CALENDAR_SETTINGS.extraWorkingDays;
  const workWeek =
    Array.isArray(value['workWeek']) && value['workWeek'].length > 0 && value['workWeek'].every((day) => typeof day === 'number')
      ? (value['workWeek'] as number[])
      : DEFAULT_CALENDAR_SETTINGS.workWeek;
  const notes = isRecord(value['dayNotes'])
    ? Object.fromEntries(Object.entries(value['dayNotes']).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};
  return {
    region: typeof value['region'] === 'string' ? value['region'] : DEFAULT_CALENDAR_SETTINGS.region,
    timeZone: typeof value['timeZone'] === 'string' ? value['timeZone'] : DEFAULT_CALENDAR_SETTINGS.timeZone,
    closures: [...closures],
    extraWorkingDays: extra.filter((day) => !closures.includes(day)),
    workWeek: [...workWeek],
    dayNotes: notes,
  };
}

/** What is saved: lists sorted without repeats, and only the notes of days that are still listed. */
export function tidyCalendarSettings(value: CalendarSettings): CalendarSettings {
  const closures = sortedUnique(value.closures);
  const extraWorkingDays = sortedUnique(value.extraWorkingDays);
  const listed = new Set([...closures, ...extraWorkingDays]);
  const dayNotes = Object.fromEntries(
    Object.entries(value.dayNotes)
      .map(([day, note]): [string, string] => [day, note.trim()])
      .filter(([day, note]) => listed.has(day) && note !== '')
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  return { region: value.region, timeZone: value.timeZone, closures, extraWorkingDays, workWeek: sortedUnique(value.workWeek), dayNotes };
}

/** The engine's options from the settings (the notes are for people only). */
export function calendarOptions(value: CalendarSettings): WorkingCalendarOptions {
  return { region: value.region, timeZone: value.timeZone, closures: value.closures, extraWorkingDays: value.extraWorkingDays, workWeek: value.workWeek };
}

/** A refused calendar as an error at the field at fault, with a code of its own for each problem. */
const PROBLEM_CODES: Record<CalendarProblem, IssueCode> = {
  'unknown-region': 'unknown_region',
  'unknown-time-zone': 'unknown_time_zone',
  'not-a-date': 'not_a_date',
  'closed-and-working': 'closed_and_working',
  'empty-work-week': 'empty_work_week',
  'not-a-weekday': 'not_a_weekday',
};

export function calendarFieldError(error: WorkingCalendarError): DomainError {
  const path = error.index === null ? error.option : `${error.option}.${error.index}`;
  return fieldError(path, error.message, PROBLEM_CODES[error.problem]);
}
