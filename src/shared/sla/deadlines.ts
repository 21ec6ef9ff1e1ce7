/**
 * A case's deadlines, computed from the moments that start and stop each clock (P-3.2, P-4.1,
 * P-4.2, P-4.3, P-4.4), and each deadline's state at a given instant.
 */
import type { AcknowledgementLimit, SlaPolicy } from './sla-policy';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from './working-calendar';

export const DEADLINE_KINDS = ['acknowledgement', 'stage1Resolution', 'escalationAcknowledgement', 'stage2Resolution'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The extendable deadlines (P-4.4): the resolution deadlines of each stage. */
export const EXTENDABLE_DEADLINES = ['stage1Resolution', 'stage2Resolution'] as const;
export type ExtendableDeadline = (typeof EXTENDABLE_DEADLINES)[number];

export const DEADLINE_STATES = ['on-track', 'due-soon', 'breached', 'met-on-time', 'met-late'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** The moments of a case that start and stop its clocks (ISO 8601 UTC strings). */
export interface CaseClock {
  readonly receivedAt: string;
  readonly acknowledgedAt?: string | null;
  readonly stage1ResolvedAt?: string | null;
  /** Set when a stage-1 case is reopened: the resolution clock starts again from here. */
  readonly stage1ReopenedAt?: string | null;
  readonly escalationRequestedAt?: string | null;
  readonly escalationAcknowledgedAt?: string | null;
  readonly stage2ResolvedAt?: string | null;
  readonly stage2ReopenedAt?: string | null;
  /** Extensions in the order they were granted; the last one for a deadline replaces it (P-4.4). */
  readonly extensions?: readonly {
    readonly id: string;
    readonly deadline: ExtendableDeadline;
    readonly newDueAt: string;
    /** Set when the extension was recorded after the deadline it replaced had passed: that deadline's due instant. */
    readonly breachedAt?: string | null;
  }[];
}

export interface Deadline {
  readonly kind: DeadlineKind;
  /** When the clock started (or the provisional start, see `provisional`). */
  readonly startsAt: string;
  readonly dueAt: string;
  /** From this instant the deadline is "due soon" (or, for the escalation acknowledgement, past its target). */
  readonly warnAt: string;
  /** True while the start is itself a deadline (e.g. resolution counted from the acknowledgement deadline before acknowledgement). */
  readonly provisional: boolean;
  /** The extension that set `dueAt`, if any. */
  readonly extensionId: string | null;
  readonly metAt: string | null;
  /**
   * Issue 18: when this deadline was breached before an extension replaced it ("breached, then
   * extended"). The breach stays on record: the deadline counts as missed wherever compliance is counted.
   */
  readonly breachedAt?: string | null;
}

const HOUR = 3_600_000;

function iso(date: Date): string {
  return date.toISOString();
}

function warnBefore(dueAt: Date, policy: SlaPolicy): Date {
  return new Date(dueAt.getTime() - policy.warningLeadHours * HOUR);
}

/** How a deadline of each kind is counted from its start under a policy (P-3.2, P-4.1, P-4.2, P-4.3). */
export function deadlineRule(kind: DeadlineKind, policy: SlaPolicy): AcknowledgementLimit {
  switch (kind) {
    case 'acknowledgement':
      return policy.acknowledgement;
    case 'stage1Resolution':
      return { unit: 'working-days', amount: policy.stage1ResolutionWorkingDays };
    case 'escalationAcknowledgement':
      return { unit: 'working-days', amount: policy.escalationAcknowledgementLimitWorkingDays };
    case 'stage2Resolution':
      return { unit: 'working-days', amount: policy.stage2ResolutionWorkingDays };
  }
}

/** The end of a limit counted from `start`: clock hours exactly, working days to the end of the office day. */
export function dueAfter(calendar: WorkingCalendar, limit: AcknowledgementLimit, start: Date): Date {
  return limit.unit === 'clock-hours' ? new Date(start.getTime() + limit.amount * HOUR) : addWorkingDays(calendar, start, limit.amount);
}

export function acknowledgementDueAt(calendar: WorkingCalendar, policy: SlaPolicy, receivedAt: Date): Date {
  return dueAfter(calendar, deadlineRule('acknowledgement', policy), receivedAt);
}

function resolutionDeadline(
  kind: ExtendableDeadline,
  calendar: WorkingCalendar,
  policy: SlaPolicy,
  clock: CaseClock,
  start: { at: string; provisional: boolean },
  metAt: string | null,
): Deadline {
  const extensions = clock.extensions?.filter((candidate) => candidate.deadline === kind) ?? [];
  const extension = extensions.at(-1);
  const dueAt = extension ? new Date(extension.newDueAt) : dueAfter(calendar, deadlineRule(kind, policy), new Date(start.at));
  const breachedAt = extensions.find((candidate) => candidate.breachedAt)?.breachedAt ?? null;
  return {
    kind,
    startsAt: start.at,
    dueAt: iso(dueAt),
    warnAt: iso(warnBefore(dueAt, policy)),
    provisional: start.provisional && !extension,
    extensionId: extension?.id ?? null,
    metAt,
    ...(breachedAt ? { breachedAt } : {}),
  };
}

/** Every deadline that applies to the case so far, in the order the procedure reaches them. */
export function computeDeadlines(calendar: WorkingCalendar, policy: SlaPolicy, clock: CaseClock): Deadline[] {
  const received = new Date(clock.receivedAt);
  const ackDue = acknowledgementDueAt(calendar, policy, received);
  const deadlines: Deadline[] = [
    {
      kind: 'acknowledgement',
      startsAt: clock.receivedAt,
      dueAt: iso(ackDue),
      warnAt: iso(warnBefore(ackDue, policy)),
      provisional: false,
      extensionId: null,
      metAt: clock.acknowledgedAt ?? null,
    },
  ];
  // P-4.1: 10 working days from the day of acknowledgement; until then, from the acknowledgement deadline.
  const stage1Start = clock.stage1ReopenedAt
    ? { at: clock.stage1ReopenedAt, provisional: false }
    : clock.acknowledgedAt
      ? { at: clock.acknowledgedAt, provisional: false }
      : { at: iso(ackDue), provisional: true };
  deadlines.push(resolutionDeadline('stage1Resolution', calendar, policy, clock, stage1Start, clock.stage1ResolvedAt ?? null));

  if (clock.escalationRequestedAt) {
    const requested = new Date(clock.escalationRequestedAt);
    const limit = addWorkingDays(calendar, requested, policy.escalationAcknowledgementLimitWorkingDays);
    const target = addWorkingDays(calendar, requested, policy.escalationAcknowledgementTargetWorkingDays);
    deadlines.push({
      kind: 'escalationAcknowledgement',
      startsAt: clock.escalationRequestedAt,
      dueAt: iso(limit),
      warnAt: iso(target),
      provisional: false,
      extensionId: null,
      metAt: clock.escalationAcknowledgedAt ?? null,
    });
    const stage2Start = clock.stage2ReopenedAt
      ? { at: clock.stage2ReopenedAt, provisional: false }
      : clock.escalationAcknowledgedAt
        ? { at: clock.escalationAcknowledgedAt, provisional: false }
        : { at: iso(limit), provisional: true };
    deadlines.push(resolutionDeadline('stage2Resolution', calendar, policy, clock, stage2Start, clock.stage2ResolvedAt ?? null));
  }
  return deadlines;
}

export function deadlineState(deadline: Pick<Deadline, 'dueAt' | 'warnAt' | 'metAt' | 'breachedAt'>, now: Date): DeadlineState {
  const due = Date.parse(deadline.dueAt);
  // A deadline breached before it was extended was not met on time, however the extension went (issue 18).
  if (deadline.metAt) return Date.parse(deadline.metAt) <= due && !deadline.breachedAt ? 'met-on-time' : 'met-late';
  if (now.getTime() > due) return 'breached';
  return now.getTime() >= Date.parse(deadline.warnAt) ? 'due-soon' : 'on-track';
}

/** The earliest deadline still running (not met), or null. */
export function nextRunningDeadline(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.filter((deadline) => !deadline.metAt).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ?? null;
}

export interface TimeTaken {
  readonly hours: number;
  readonly workingDays: number;
}

/** P-5.1: time taken between two moments, in clock hours (one decimal) and working days. */
export function timeTaken(calendar: WorkingCalendar, from: string, to: string): TimeTaken {
  const hours = Math.round(((Date.parse(to) - Date.parse(from)) / HOUR) * 10) / 10;
  return { hours, workingDays: workingDaysBetween(calendar, new Date(from), new Date(to)) };
}
