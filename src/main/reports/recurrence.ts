/**
 * Issue 16, P-5.3: the recurrence report's rows, a pure function of the cases, the improvement
 * actions, the calendar and now. One row per completed action and root cause it addresses: the
 * complaints received with that cause in the period before the completion day and in the equal
 * period from it (office days), each figure with its case ids, and the rule's verdict.
 */
import type { ImprovementAction } from '../../shared/domain/improvement-actions';
import type { CaseRecord } from '../../shared/domain/records';
import type { RecurrenceReport, RecurrenceRow } from '../../shared/domain/recurrence';
import { officeDay, type WorkingCalendar } from '../../shared/sla';
import { figureOf } from './figure';
import { judgeRecurrence, RECURRENCE_RULE } from './recurrence-rule';

const DAY_MS = 86_400_000;

export type RecurrenceCase = Pick<CaseRecord, 'id' | 'receivedAt' | 'rootCauseId'>;

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const per30Days = (count: number, days: number) => (days === 0 ? 0 : Math.round((count / days) * 300) / 10);

export function recurrenceReport(
  cases: readonly RecurrenceCase[],
  actions: readonly ImprovementAction[],
  calendar: WorkingCalendar,
  now: Date,
  rule = RECURRENCE_RULE,
): RecurrenceReport {
  const today = officeDay(calendar, now);
  // Each case's office day of receipt, by cause (one pass over the cases).
  const byCause = new Map<string, { id: string; day: string }[]>();
  for (const record of cases) {
    if (record.rootCauseId === null) continue;
    const list = byCause.get(record.rootCauseId) ?? [];
    list.push({ id: record.id, day: officeDay(calendar, new Date(record.receivedAt)) });
    byCause.set(record.rootCauseId, list);
  }
  const rows: RecurrenceRow[] = [];
  for (const action of actions) {
    if (action.status !== 'completed' || action.completedOn === null) continue;
    const completedOn = action.completedOn;
    // Days since completion, today not included (it is not over); capped.
    const periodDays = Math.max(0, Math.min(daysBetween(completedOn, today), rule.maximumDays));
    const beforeFrom = addDays(completedOn, -periodDays);
    const afterTo = addDays(completedOn, periodDays - 1);
    for (const rootCauseId of action.rootCauseIds) {
      const received = byCause.get(rootCauseId) ?? [];
      const before = figureOf(received.filter((entry) => entry.day >= beforeFrom && entry.day < completedOn).map((entry) => entry.id));
      const after = figureOf(received.filter((entry) => entry.day >= completedOn && entry.day <= afterTo).map((entry) => entry.id));
      rows.push({
        actionId: action.id,
        actionTitle: action.title,
        completedOn,
        rootCauseId,
        periodDays,
        beforeFrom,
        afterTo,
        before,
        after,
        beforePer30Days: per30Days(before.count, periodDays),
        afterPer30Days: per30Days(after.count, periodDays),
        ...judgeRecurrence(before.count, after.count, periodDays, rule),
      });
    }
  }
  rows.sort((a, b) => b.completedOn.localeCompare(a.completedOn) || a.actionTitle.localeCompare(b.actionTitle));
  return { rows, rule: { ...rule } };
}
