/** The SLA engine: working calendar, deadlines and their states. Pure; used by main and renderer. */
export {
  createCalendar,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  officeDay,
  officeInstant,
  receiptInstant,
  endOfOfficeDay,
  nextWorkingMorning,
  explainDay,
  explainWorkingDays,
  DAY_REASONS,
  DEFAULT_WORK_WEEK,
  WorkingCalendarError,
  type CalendarProblem,
  type DayReason,
  type ExplainedDay,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  type Holiday,
  type PublicHolidaySource,
  type PublicHolidaysOfYear,
} from './working-calendar';
export { createTableCalendar, publicHolidayTable, tableSource, TABLE_YEARS, type PublicHolidayTable } from './holiday-table';
// createWorkingCalendar (holidays from their rules, date-holidays) is imported from './public-holidays' on purpose: see there.
export { DEFAULT_SLA_POLICY, DEFAULT_CALENDAR, type SlaPolicy, type AcknowledgementLimit } from './sla-policy';
export {
  DEADLINE_KINDS,
  DEADLINE_STATES,
  EXTENDABLE_DEADLINES,
  acknowledgementDueAt,
  deadlineRule,
  dueAfter,
  computeDeadlines,
  deadlineState,
  nextRunningDeadline,
  timeTaken,
  type CaseClock,
  type Deadline,
  type DeadlineKind,
  type DeadlineState,
  type ExtendableDeadline,
  type TimeTaken,
} from './deadlines';
export { explainDeadline, type DeadlineExplanation } from './explain-deadline';
