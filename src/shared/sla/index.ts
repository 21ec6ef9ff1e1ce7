/** The SLA engine: working calendar, deadlines and their states. Pure; used by main and renderer. */
export {
  createWorkingCalendar,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  officeDay,
  officeInstant,
  receiptInstant,
  endOfOfficeDay,
  nextWorkingMorning,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  type Holiday,
} from './working-calendar';
export { DEFAULT_SLA_POLICY, DEFAULT_CALENDAR, type SlaPolicy, type AcknowledgementLimit } from './sla-policy';
export {
  DEADLINE_KINDS,
  DEADLINE_STATES,
  EXTENDABLE_DEADLINES,
  acknowledgementDueAt,
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
