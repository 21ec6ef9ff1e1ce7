/**
 * The whole dashboard from a set of cases (issue 16, P-5.1, P-5.2): pure, so each figure can be
 * checked against hand-built cases. `cases` are those matching the filters (all dates); the range
 * picks what was received in it (volume, deadlines, time taken, outcomes, third-party inquiries), and the open ones make
 * the backlog and workload as they stand now, whenever received.
 */
import type { CaseRecord } from '../../shared/domain/records';
import type { Dashboard } from '../../shared/domain/reports';
import { backlogReport } from './backlog';
import { deadlineCompliance } from './deadline-compliance';
import { outcomesReport } from './outcomes';
import type { ReportContext } from './report-context';
import { rangeInstants } from './report-range';
import { timeTakenReport } from './time-taken';
import { volumeReport } from './volume';
import { workloadReport } from './workload';
import { thirdPartyReport, type InquiryAnswered, type InquirySent } from './third-parties';

function receivedWithin(cases: readonly CaseRecord[], window: { start: number; end: number }): CaseRecord[] {
  return cases.filter((record) => {
    const at = Date.parse(record.receivedAt);
    return at >= window.start && at < window.end;
  });
}

export interface Inquiries {
  readonly sent: readonly InquirySent[];
  readonly answered: readonly InquiryAnswered[];
}

export function computeDashboard(cases: readonly CaseRecord[], context: ReportContext, inquiries: Inquiries = { sent: [], answered: [] }): Dashboard {
  const received = receivedWithin(cases, rangeInstants(context.calendar, context.range.range));
  const previous = receivedWithin(cases, rangeInstants(context.calendar, context.range.previousRange));
  const open = cases.filter((record) => record.open);
  const receivedIds = new Set(received.map((record) => record.id));
  return {
    range: context.range.range,
    previousRange: context.range.previousRange,
    generatedAt: context.now.toISOString(),
    volume: volumeReport(received, previous, context),
    backlog: backlogReport(open, context),
    deadlines: deadlineCompliance(received, context.now),
    timeTaken: timeTakenReport(received, context.calendar),
    outcomes: outcomesReport(received),
    workload: workloadReport(open, context.now),
    thirdParties: thirdPartyReport(
      inquiries.sent.filter((inquiry) => receivedIds.has(inquiry.caseId)),
      inquiries.answered,
      context.calendar,
      context.now,
    ),
  };
}
