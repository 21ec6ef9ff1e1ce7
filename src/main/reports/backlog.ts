/**
 * P-5.2: the open cases now, by age (calendar days since receipt, in the office time zone), by
 * stage and by state.
 */
import type { CaseRecord } from '../../shared/domain/records';
import { AGE_BANDS, type AgeBand, type BacklogReport } from '../../shared/domain/reports';
import { CASE_STATUSES, type CaseStatus } from '../../shared/domain/vocabulary';
import { officeDay } from '../../shared/sla';
import { figureOf, FigureGroups } from './figure';
import type { ReportContext } from './report-context';

type BacklogCase = Pick<CaseRecord, 'id' | 'receivedAt' | 'stage' | 'status'>;

const DAY_MS = 86_400_000;

/** Whole office days from the day of receipt to today (0 on the day it came in). */
export function ageInDays(context: ReportContext, receivedAt: string): number {
  const received = Date.parse(`${officeDay(context.calendar, new Date(receivedAt))}T00:00:00Z`);
  const today = Date.parse(`${officeDay(context.calendar, context.now)}T00:00:00Z`);
  return Math.round((today - received) / DAY_MS);
}

export function ageBand(days: number): AgeBand {
  if (days <= 2) return '0-2';
  if (days <= 7) return '3-7';
  if (days <= 14) return '8-14';
  if (days <= 30) return '15-30';
  return '31+';
}

export function backlogReport(open: readonly BacklogCase[], context: ReportContext): BacklogReport {
  const byAge = new FigureGroups<AgeBand>(AGE_BANDS);
  const byStage = new FigureGroups<1 | 2>([1, 2]);
  const byStatus = new FigureGroups<CaseStatus>(CASE_STATUSES.filter((status) => status !== 'closed'));
  for (const record of open) {
    byAge.add(ageBand(ageInDays(context, record.receivedAt)), record.id);
    byStage.add(record.stage, record.id);
    byStatus.add(record.status, record.id);
  }
  return { total: figureOf(open.map((record) => record.id)), byAge: byAge.toKeyed(), byStage: byStage.toKeyed(), byStatus: byStatus.toKeyed() };
}
