/** Hand-built cases for the report tests: deadlines from the SLA engine, everything else as given. */
import type { CaseExtension, CaseRecord, Redress, StaffRef } from '@shared/domain/records';
import type { CaseStatus, IntakeChannel, Outcome } from '@shared/domain/vocabulary';
import { computeDeadlines, DEFAULT_SLA_POLICY, nextRunningDeadline } from '@shared/sla';
import { createWorkingCalendar } from '@shared/sla/public-holidays';
import { NO_DEADLINE } from '../../domain/collections';
import type { ReportContext } from '../report-context';
import { resolveRange } from '../report-range';

export const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });

export function contextAt(now: string, from?: string, to?: string): ReportContext {
  const at = new Date(now);
  return { calendar: london, now: at, range: resolveRange(london, at, from, to) };
}

const staff: StaffRef = { id: 'staff-1', name: 'Test' };

export interface CaseSpec {
  readonly id: string;
  readonly receivedAt: string;
  readonly type?: string;
  readonly product?: string;
  readonly channel?: IntakeChannel;
  readonly acknowledgedAt?: string;
  readonly resolved?: { readonly at: string; readonly outcome: Outcome; readonly refundMinor?: number };
  readonly escalation?: { readonly requestedAt: string; readonly acknowledgedAt?: string };
  readonly stage2Resolved?: { readonly at: string; readonly outcome: Outcome; readonly refundMinor?: number };
  readonly extension?: { readonly newDueAt: string; readonly reason: string; readonly thirdParty: string; readonly grantedAt: string };
  readonly closedAt?: string;
  readonly assignee?: StaffRef;
  readonly departments?: readonly string[];
  readonly status?: CaseStatus;
}

function redress(refundMinor: number | undefined): Redress[] {
  return refundMinor ? [{ kind: 'refund', amountMinor: refundMinor, currency: 'GBP', description: 'Refund' }] : [];
}

export function handBuiltCase(spec: CaseSpec): CaseRecord {
  const extensions: CaseExtension[] = spec.extension
    ? [
        {
          id: `${spec.id}-x`,
          deadline: 'stage1Resolution',
          previousDueAt: spec.extension.grantedAt,
          newDueAt: spec.extension.newDueAt,
          reason: spec.extension.reason,
          thirdParty: spec.extension.thirdParty,
          approvedBy: 'Manager',
          grantedAt: spec.extension.grantedAt,
          customerNotice: null,
        },
      ]
    : [];
  const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
    receivedAt: spec.receivedAt,
    acknowledgedAt: spec.acknowledgedAt ?? null,
    stage1ResolvedAt: spec.resolved?.at ?? null,
    escalationRequestedAt: spec.escalation?.requestedAt ?? null,
    escalationAcknowledgedAt: spec.escalation?.acknowledgedAt ?? null,
    stage2ResolvedAt: spec.stage2Resolved?.at ?? null,
    extensions: extensions.map((extension) => ({ id: extension.id, deadline: extension.deadline, newDueAt: extension.newDueAt })),
  });
  const open = !spec.closedAt;
  const next = open ? nextRunningDeadline(deadlines) : null;
  const resolution = (given: CaseSpec['resolved']) =>
    given ? { summary: 'Done', outcome: given.outcome, redress: redress(given.refundMinor), channel: 'email' as const, at: given.at, by: staff } : null;
  return {
    id: spec.id,
    reference: `REF-${spec.id}`,
    complainant: { kind: 'customer', name: spec.id, email: '', phone: '', address: null, preferredChannel: 'email', customerNumber: '', orderNumber: '' },
    complainantSortName: spec.id,
    channel: spec.channel ?? 'email',
    receivedAt: spec.receivedAt,
    loggedAt: spec.receivedAt,
    loggedBy: staff,
    type: spec.type ?? 'service',
    product: spec.product ?? '',
    summary: 'Summary',
    description: '',
    desiredOutcome: '',
    stage: spec.escalation ? 2 : 1,
    status: spec.status ?? (open ? (spec.acknowledgedAt ? 'acknowledged' : 'received') : 'closed'),
    open,
    assignee: spec.assignee ?? null,
    assigneeId: spec.assignee?.id ?? '',
    departments: spec.departments ?? [],
    restricted: false,
    restrictedTo: [],
    thirdParties: [],
    clock: { receivedAt: spec.receivedAt },
    deadlines,
    nextDeadlineKind: next?.kind ?? null,
    nextDueAt: next ? Date.parse(next.dueAt) : NO_DEADLINE,
    nextWarnAt: next ? Date.parse(next.warnAt) : NO_DEADLINE,
    acknowledgement: spec.acknowledgedAt ? { at: spec.acknowledgedAt, channel: 'email', by: staff } : null,
    resolution: resolution(spec.resolved),
    escalation: spec.escalation
      ? {
          requestedAt: spec.escalation.requestedAt,
          channel: 'email',
          reason: 'Unhappy',
          acknowledgedAt: spec.escalation.acknowledgedAt ?? null,
          acknowledgedChannel: null,
          departmentHead: null,
          forwardedAt: null,
        }
      : null,
    stage2Resolution: resolution(spec.stage2Resolved),
    rootCauseId: null,
    rootCauseNote: '',
    lessonsLearned: '',
    closedAt: spec.closedAt ?? null,
    externalReferral: null,
    extensions,
    openInquiries: [],
    resumeStatus: null,
    relatedCaseIds: [],
    createdAt: spec.receivedAt,
    updatedAt: spec.receivedAt,
    updatedBy: staff,
  };
}
