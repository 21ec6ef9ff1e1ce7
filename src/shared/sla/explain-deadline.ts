/**
 * "Why this date?": how a case's deadline was reached, day by day, from the rule that sets it
 * (P-3.2, P-4.1, P-4.2, P-4.3) and the office's working calendar ("Working days"), and whether an
 * extension replaced it (P-4.4). Pure, so the workspace explains a date without asking the main
 * process, and with the same engine that computed it.
 */
import { deadlineRule, dueAfter, type Deadline } from './deadlines';
import type { AcknowledgementLimit, SlaPolicy } from './sla-policy';
import { explainWorkingDays, type ExplainedDay, type WorkingCalendar } from './working-calendar';

export interface DeadlineExplanation {
  readonly deadline: Deadline;
  readonly rule: AcknowledgementLimit;
  /** The date the procedure gives from the deadline's start, before any extension. */
  readonly procedureDueAt: string;
  /** Every calendar day counted or skipped, for working-day rules; empty for clock hours. */
  readonly days: readonly ExplainedDay[];
  /**
   * False when the case still holds a date computed under an earlier calendar or policy: the
   * recompute that follows a settings change (or its arrival by sync) has not reached it yet.
   */
  readonly current: boolean;
}

export function explainDeadline(calendar: WorkingCalendar, policy: SlaPolicy, deadline: Deadline): DeadlineExplanation {
  const rule = deadlineRule(deadline.kind, policy);
  const start = new Date(deadline.startsAt);
  const procedureDueAt = dueAfter(calendar, rule, start).toISOString();
  return {
    deadline,
    rule,
    procedureDueAt,
    days: rule.unit === 'working-days' ? explainWorkingDays(calendar, start, rule.amount) : [],
    // An extension's date is the approver's, not the calendar's: nothing to compare it with.
    current: deadline.extensionId !== null || procedureDueAt === deadline.dueAt,
  };
}
