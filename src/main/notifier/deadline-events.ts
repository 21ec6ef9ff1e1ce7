/**
 * The notifier's events, from each open case's running deadlines (SLA engine): "due soon" at the
 * warning instant and "breached" at the first instant after the deadline. Pure.
 */
import type { DeadlineKind } from '../../shared/sla';
import type { OpenCaseDeadlines } from '../domain/case-queries';
import { caseAccess, type CaseAccessFacts } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';

/** Deadlines due soon or breached, and (issue 18) new correspondence on a case, open or closed. */
export type NotificationLevel = 'due-soon' | 'breached' | 'new-post' | 'closed-case-post';

export interface DeadlineEvent {
  readonly caseId: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly assigneeId: string;
  /** P-7.1: who may see the case, so nobody is told of a case they cannot open. */
  readonly access: CaseAccessFacts;
  readonly deadline: DeadlineKind;
  readonly dueAt: string;
  readonly level: NotificationLevel;
  /** When it happens (ms since epoch). */
  readonly at: number;
}

/**
 * A deadline is identified by its kind and due time, so an extension (a new due time) is a new
 * deadline that is warned about afresh, while the same deadline is never announced twice.
 */
export function eventKey(event: Pick<DeadlineEvent, 'caseId' | 'deadline' | 'dueAt' | 'level'>, staffId: string): string {
  return `${staffId}|${event.caseId}|${event.deadline}|${event.dueAt}|${event.level}`;
}

export function deadlineEvents(cases: readonly OpenCaseDeadlines[]): DeadlineEvent[] {
  const events: DeadlineEvent[] = [];
  for (const item of cases) {
    for (const deadline of item.deadlines) {
      if (deadline.metAt) continue;
      const base = {
        caseId: item.caseId,
        reference: item.reference,
        complainantName: item.complainantName,
        assigneeId: item.assigneeId,
        access: item.access,
        deadline: deadline.kind,
        dueAt: deadline.dueAt,
      };
      const due = Date.parse(deadline.dueAt);
      const warn = Date.parse(deadline.warnAt);
      if (warn < due) events.push({ ...base, level: 'due-soon', at: warn });
      // A deadline at 23:59:59.999 is breached from the next millisecond (deadlineState: now > due).
      events.push({ ...base, level: 'breached', at: due + 1 });
    }
  }
  return events;
}

export interface Recipient {
  readonly id: string;
  /** The person as need-to-know sees them (P-7.1). */
  readonly viewer: Viewer;
}

/**
 * Who is told: the assignee of the case; managers (and administrators) of every breach. And only
 * ever of a case they may open (P-7.1): a restricted case is told only to its named people.
 */
export function isForRecipient(event: DeadlineEvent, recipient: Recipient): boolean {
  if (caseAccess(recipient.viewer, event.access) !== 'full') return false;
  if (event.assigneeId === recipient.id) return true;
  return event.level === 'breached' && recipient.viewer.roles.some((role) => role === 'manager' || role === 'administrator');
}
