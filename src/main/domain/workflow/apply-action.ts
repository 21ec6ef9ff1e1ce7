/**
 * What each workflow action does to a case (P-3, P-4, P-6): the new state and the timeline
 * entries it records. Pure: the caller has validated the input's shape; this checks the state
 * machine (shared/domain/case-workflow.ts) and the action's times, and throws a clear error
 * otherwise, so an invalid action changes nothing.
 */
import type { z } from 'zod';
import { actionRefusal, extendableDeadlineOf } from '../../../shared/domain/case-workflow';
import type { caseActionInput } from '../../../shared/domain/inputs';
import type { CaseExtension, GeneratedMessage, Resolution, StaffRef, TimelineEntry } from '../../../shared/domain/records';
import type { CaseStatus } from '../../../shared/domain/vocabulary';
import type { CaseDocument } from '../collections';
import { fieldError, invalidTransition } from '../domain-errors';

export type CaseActionInput = z.output<typeof caseActionInput>;
export type TimelineDraft = Pick<TimelineEntry, 'kind' | 'at' | 'data'>;

export interface ActionContext {
  readonly actor: StaffRef;
  readonly now: Date;
  readonly newId: () => string;
  readonly futureToleranceMs: number;
}

export interface ActionResult {
  readonly next: CaseDocument;
  readonly entries: TimelineDraft[];
}

const ACTION_LABELS: Record<CaseActionInput['type'], string> = {
  acknowledge: 'Acknowledge',
  startInvestigation: 'Start investigation',
  askThirdParty: 'Ask a department or third party',
  recordThirdPartyResponse: 'Record a response',
  communicateResolution: 'Communicate the resolution',
  close: 'Close',
  recordEscalationRequest: 'Record an escalation request',
  acknowledgeEscalation: 'Acknowledge the escalation',
  forwardToDepartmentHead: 'Forward to the department head',
  communicateStage2Outcome: 'Communicate the stage-2 outcome',
  recordExternalSignposting: 'Record external signposting',
  recordExternalReferral: 'Record an external referral',
  extendDeadline: 'Extend a deadline',
  recordExtensionNotice: 'Record the customer notice of an extension',
  reopen: 'Reopen',
};

function checkTime(path: string, at: string, current: CaseDocument, context: ActionContext): void {
  const time = Date.parse(at);
  if (time > context.now.getTime() + context.futureToleranceMs) throw fieldError(path, 'Cannot be in the future', 'future_time');
  if (time < Date.parse(current.receivedAt)) throw fieldError(path, 'Cannot be before the complaint was received', 'before_receipt');
}

function transition(current: CaseDocument, action: string, to: CaseStatus, toStage: 1 | 2, at: string, details = ''): TimelineDraft {
  return { kind: 'transition', at, data: { action, from: current.status, to, fromStage: current.stage, toStage, details } };
}

function communicationOut(at: string, channel: string, summary: string, generated?: { key: GeneratedMessage; params: Record<string, string> }): TimelineDraft {
  return { kind: 'communication', at, data: { direction: 'out', channel, summary, ...(generated ? { generated } : {}) } } as TimelineDraft;
}

function resolutionOf(action: Extract<CaseActionInput, { type: 'communicateResolution' | 'communicateStage2Outcome' }>, actor: StaffRef): Resolution {
  return { summary: action.summary, outcome: action.outcome, redress: action.redress, channel: action.channel, at: action.at, by: actor };
}

export function applyCaseAction(current: CaseDocument, action: CaseActionInput, context: ActionContext): ActionResult {
  const refusal = actionRefusal(action.type, current);
  if (refusal) throw invalidTransition(`${ACTION_LABELS[action.type]} is not possible now: ${refusal}`);
  checkTime('action.at', action.at, current, context);
  const clock = current.clock;
  const label = ACTION_LABELS[action.type];

  switch (action.type) {
    case 'acknowledge': {
      // P-3.2: acknowledged with the reference number, by the chosen channel.
      const next: CaseDocument = {
        ...current,
        status: 'acknowledged',
        acknowledgement: { at: action.at, channel: action.channel, by: context.actor },
        clock: { ...clock, acknowledgedAt: action.at },
      };
      return {
        next,
        entries: [transition(current, action.type, 'acknowledged', 1, action.at), communicationOut(action.at, action.channel, `Acknowledgement sent with reference ${current.reference}`, { key: 'acknowledgementSent', params: { reference: current.reference } })],
      };
    }
    case 'startInvestigation':
      return { next: { ...current, status: 'investigating' }, entries: [transition(current, action.type, 'investigating', current.stage, action.at)] };
    case 'askThirdParty': {
      if (action.dueAt && Date.parse(action.dueAt) < Date.parse(action.at)) throw fieldError('action.dueAt', 'The reply is due after the question is asked');
      const inquiryId = context.newId();
      const resume = current.status === 'awaiting-third-party' ? current.resumeStatus : current.status;
      const next: CaseDocument = {
        ...current,
        status: 'awaiting-third-party',
        resumeStatus: resume,
        openInquiries: [...current.openInquiries, { id: inquiryId, partyKind: action.partyKind, partyName: action.partyName, dueAt: action.dueAt }],
        thirdParties: current.thirdParties.includes(action.partyName) ? current.thirdParties : [...current.thirdParties, action.partyName],
      };
      const entries: TimelineDraft[] = [
        { kind: 'inquiry', at: action.at, data: { inquiryId, partyKind: action.partyKind, partyName: action.partyName, question: action.question, dueAt: action.dueAt } },
      ];
      if (current.status !== 'awaiting-third-party') entries.push(transition(current, action.type, 'awaiting-third-party', current.stage, action.at, action.partyName));
      return { next, entries };
    }
    case 'recordThirdPartyResponse': {
      const inquiry = current.openInquiries.find((candidate) => candidate.id === action.inquiryId);
      if (!inquiry) throw fieldError('action.inquiryId', 'No open inquiry with this id', 'not_found');
      const remaining = current.openInquiries.filter((candidate) => candidate.id !== action.inquiryId);
      const resumed = remaining.length === 0 ? (current.resumeStatus ?? 'investigating') : current.status;
      const next: CaseDocument = { ...current, openInquiries: remaining, status: resumed, resumeStatus: remaining.length === 0 ? null : current.resumeStatus };
      const entries: TimelineDraft[] = [{ kind: 'inquiry-response', at: action.at, data: { inquiryId: inquiry.id, partyName: inquiry.partyName, response: action.response } }];
      if (resumed !== current.status) entries.push(transition(current, action.type, resumed, current.stage, action.at, inquiry.partyName));
      return { next, entries };
    }
    case 'communicateResolution': {
      const next: CaseDocument = {
        ...current,
        status: 'resolution-communicated',
        resolution: resolutionOf(action, context.actor),
        clock: { ...clock, stage1ResolvedAt: action.at },
        rootCause: action.rootCause ?? current.rootCause,
        lessonsLearned: action.lessonsLearned ?? current.lessonsLearned,
      };
      return { next, entries: [transition(current, action.type, 'resolution-communicated', 1, action.at, action.outcome), communicationOut(action.at, action.channel, action.summary)] };
    }
    case 'close': {
      const next: CaseDocument = {
        ...current,
        status: 'closed',
        closedAt: action.at,
        rootCause: action.rootCause ?? current.rootCause,
        lessonsLearned: action.lessonsLearned ?? current.lessonsLearned,
      };
      return { next, entries: [transition(current, action.type, 'closed', current.stage, action.at)] };
    }
    case 'recordEscalationRequest': {
      // P-4.2 step 1: the customer is not satisfied and asks for escalation.
      const next: CaseDocument = {
        ...current,
        stage: 2,
        status: 'escalation-requested',
        closedAt: null,
        escalation: { requestedAt: action.at, channel: action.channel, reason: action.reason, acknowledgedAt: null, acknowledgedChannel: null, departmentHead: null, forwardedAt: null },
        clock: { ...clock, escalationRequestedAt: action.at },
      };
      return {
        next,
        entries: [
          { kind: 'communication', at: action.at, data: { direction: 'in', channel: action.channel, summary: `Escalation requested: ${action.reason}`, generated: { key: 'escalationRequested', params: { reason: action.reason } } } } as TimelineDraft,
          transition(current, action.type, 'escalation-requested', 2, action.at, action.reason),
        ],
      };
    }
    case 'acknowledgeEscalation': {
      const escalation = current.escalation;
      if (!escalation) throw invalidTransition(`${label} is not possible now: no escalation was requested.`);
      if (Date.parse(action.at) < Date.parse(escalation.requestedAt)) throw fieldError('action.at', 'Cannot be before the escalation was requested', 'before_request');
      const next: CaseDocument = {
        ...current,
        status: 'escalation-acknowledged',
        escalation: { ...escalation, acknowledgedAt: action.at, acknowledgedChannel: action.channel },
        clock: { ...clock, escalationAcknowledgedAt: action.at },
      };
      return { next, entries: [transition(current, action.type, 'escalation-acknowledged', 2, action.at), communicationOut(action.at, action.channel, 'Escalation acknowledged', { key: 'escalationAcknowledged', params: {} })] };
    }
    case 'forwardToDepartmentHead': {
      const escalation = current.escalation;
      if (!escalation) throw invalidTransition(`${label} is not possible now: no escalation was requested.`);
      const next: CaseDocument = {
        ...current,
        status: 'department-head-review',
        escalation: { ...escalation, departmentHead: action.departmentHead, forwardedAt: action.at },
        departments: current.departments.includes(action.departmentHead.department) ? current.departments : [...current.departments, action.departmentHead.department],
      };
      return { next, entries: [transition(current, action.type, 'department-head-review', 2, action.at, `${action.departmentHead.name}, ${action.departmentHead.department}`)] };
    }
    case 'communicateStage2Outcome': {
      // P-6.1: the final response tells the customer where to seek independent advice.
      const next: CaseDocument = {
        ...current,
        status: 'stage2-resolution-communicated',
        stage2Resolution: resolutionOf(action, context.actor),
        clock: { ...clock, stage2ResolvedAt: action.at },
        externalReferral: { ...emptyReferral(current), signpostedAt: action.at, signpostedTo: action.signpostedTo },
        rootCause: action.rootCause ?? current.rootCause,
        lessonsLearned: action.lessonsLearned ?? current.lessonsLearned,
      };
      return {
        next,
        entries: [
          transition(current, action.type, 'stage2-resolution-communicated', 2, action.at, action.outcome),
          communicationOut(action.at, action.channel, action.summary),
          { kind: 'external-signposting', at: action.at, data: { to: action.signpostedTo } },
        ],
      };
    }
    case 'recordExternalSignposting':
      return {
        next: { ...current, externalReferral: { ...emptyReferral(current), signpostedAt: action.at, signpostedTo: action.to } },
        entries: [{ kind: 'external-signposting', at: action.at, data: { to: action.to } }],
      };
    case 'recordExternalReferral': {
      const referral = emptyReferral(current);
      return {
        next: { ...current, externalReferral: { ...referral, referredAt: action.at, referredTo: action.to, outcome: action.outcome || referral.outcome, outcomeAt: action.outcome ? action.at : referral.outcomeAt } },
        entries: [{ kind: 'external-referral', at: action.at, data: { to: action.to, outcome: action.outcome } }],
      };
    }
    case 'extendDeadline':
      return extend(current, action, context);
    case 'recordExtensionNotice': {
      const extension = current.extensions.find((candidate) => candidate.id === action.extensionId);
      if (!extension) throw fieldError('action.extensionId', 'No extension with this id', 'not_found');
      if (extension.customerNotice) throw fieldError('action.extensionId', 'The customer was already told about this extension');
      if (Date.parse(action.at) < Date.parse(extension.grantedAt)) throw fieldError('action.at', 'Cannot be before the extension was granted');
      const next: CaseDocument = {
        ...current,
        extensions: current.extensions.map((candidate) => (candidate.id === extension.id ? { ...candidate, customerNotice: { at: action.at, channel: action.channel } } : candidate)),
      };
      return {
        next,
        entries: [
          { kind: 'extension-notice', at: action.at, data: { extensionId: extension.id, channel: action.channel } },
          communicationOut(action.at, action.channel, `Told the customer the deadline is extended to ${extension.newDueAt}: ${extension.reason}`, { key: 'extensionNotice', params: { date: extension.newDueAt, reason: extension.reason } }),
        ],
      };
    }
    case 'reopen': {
      const to: CaseStatus = current.stage === 1 ? 'investigating' : 'department-head-review';
      const next: CaseDocument = {
        ...current,
        status: to,
        closedAt: null,
        clock: current.stage === 1 ? { ...clock, stage1ReopenedAt: action.at, stage1ResolvedAt: null } : { ...clock, stage2ReopenedAt: action.at, stage2ResolvedAt: null },
      };
      return { next, entries: [transition(current, action.type, to, current.stage, action.at, action.reason)] };
    }
  }
}

function emptyReferral(current: CaseDocument) {
  return current.externalReferral ?? { signpostedAt: null, signpostedTo: null, referredAt: null, referredTo: null, outcome: null, outcomeAt: null };
}

/** P-4.4: an extension replaces the resolution deadline; reasons and the new date go to the customer. */
function extend(current: CaseDocument, action: Extract<CaseActionInput, { type: 'extendDeadline' }>, context: ActionContext): ActionResult {
  const deadline = extendableDeadlineOf(current);
  if (!deadline) throw invalidTransition('Extend a deadline is not possible now: no resolution deadline is running.');
  if (action.deadline && action.deadline !== deadline) throw fieldError('action.deadline', `Only the ${deadline === 'stage1Resolution' ? 'stage-1' : 'stage-2'} resolution deadline is running`);
  const running = current.deadlines.find((candidate) => candidate.kind === deadline);
  const previousDueAt = running?.dueAt ?? action.at;
  if (Date.parse(action.newDueAt) <= Date.parse(previousDueAt)) throw fieldError('action.newDueAt', 'The new deadline must be later than the current one', 'not_later');
  if (action.customerNotice) {
    if (Date.parse(action.customerNotice.at) > context.now.getTime() + context.futureToleranceMs) throw fieldError('action.customerNotice.at', 'Cannot be in the future', 'future_time');
    if (Date.parse(action.customerNotice.at) < Date.parse(current.receivedAt)) throw fieldError('action.customerNotice.at', 'Cannot be before the complaint was received');
  }
  const extension: CaseExtension = {
    id: context.newId(),
    deadline,
    previousDueAt,
    newDueAt: new Date(action.newDueAt).toISOString(),
    reason: action.reason,
    thirdParty: action.thirdParty,
    approvedBy: action.approvedBy,
    grantedAt: action.at,
    customerNotice: action.customerNotice,
  };
  const next: CaseDocument = {
    ...current,
    extensions: [...current.extensions, extension],
    clock: { ...current.clock, extensions: [...(current.clock.extensions ?? []), { id: extension.id, deadline, newDueAt: extension.newDueAt }] },
  };
  const { grantedAt: _granted, ...entryData } = extension;
  const entries: TimelineDraft[] = [{ kind: 'extension', at: action.at, data: entryData }];
  if (action.customerNotice) {
    entries.push(
      communicationOut(action.customerNotice.at, action.customerNotice.channel, `Told the customer the deadline is extended to ${extension.newDueAt}: ${action.reason}`, {
        key: 'extensionNotice',
        params: { date: extension.newDueAt, reason: action.reason },
      }),
    );
  }
  return { next, entries };
}
