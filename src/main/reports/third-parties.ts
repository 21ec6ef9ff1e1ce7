/**
 * Issue 16, P-4.1 step 1 and P-4.4: the inquiries the range's cases sent to third parties
 * (departments, suppliers, the warehouse, testing laboratories), by kind of party: how many, how
 * many were answered and how fast (median working days, the SLA engine's timeTaken), and which are
 * unanswered past the date an answer was asked for.
 */
import type { ThirdPartyRow } from '../../shared/domain/reports';
import { THIRD_PARTY_KINDS, type ThirdPartyKind } from '../../shared/domain/vocabulary';
import { timeTaken, type WorkingCalendar } from '../../shared/sla';
import { figureOf } from './figure';
import { nearestRank } from './percentile';

export interface InquirySent {
  readonly caseId: string;
  readonly inquiryId: string;
  readonly partyKind: ThirdPartyKind;
  readonly at: string;
  readonly dueAt: string | null;
}

export interface InquiryAnswered {
  readonly inquiryId: string;
  readonly at: string;
}

export function thirdPartyReport(sent: readonly InquirySent[], answered: readonly InquiryAnswered[], calendar: WorkingCalendar, now: Date): ThirdPartyRow[] {
  const answers = new Map<string, string>();
  for (const answer of answered)
    if (!answers.has(answer.inquiryId) || (answers.get(answer.inquiryId) ?? '') > answer.at) answers.set(answer.inquiryId, answer.at);
  return THIRD_PARTY_KINDS.map((kind) => {
    const inquiries = sent.filter((inquiry) => inquiry.partyKind === kind);
    const answeredOnes = inquiries.filter((inquiry) => answers.has(inquiry.inquiryId));
    const overdue = inquiries.filter((inquiry) => !answers.has(inquiry.inquiryId) && inquiry.dueAt !== null && Date.parse(inquiry.dueAt) < now.getTime());
    const days = answeredOnes.map((inquiry) => timeTaken(calendar, inquiry.at, answers.get(inquiry.inquiryId) ?? inquiry.at).workingDays);
    return {
      kind,
      inquiries: inquiries.length,
      sent: figureOf(inquiries.map((inquiry) => inquiry.caseId)),
      answered: figureOf(answeredOnes.map((inquiry) => inquiry.caseId)),
      medianAnswerWorkingDays: nearestRank(days, 50),
      overdue: figureOf(overdue.map((inquiry) => inquiry.caseId)),
    };
  });
}
