/** Stage 2 (P-4.2, P-4.3, P-6.1): escalation, its acknowledgement, the department head, the outcome. */
import type { CaseRecord, ExternalReferral } from '../../records';
import { DomainError, fieldError } from '../../domain-error';
import type { ActionInput } from '../action-inputs';
import { communicationOut, type ActionContext, type EffectOutcome } from '../action-context';
import { resolutionOf } from './stage-one';

/** P-4.2 step 1: the customer is not satisfied and asks for escalation. */
export function recordEscalationRequest<C extends CaseRecord>(current: C, input: ActionInput<'recordEscalationRequest'>): EffectOutcome<C> {
  return {
    next: {
      ...current,
      stage: 2,
      closedAt: null,
      escalation: {
        requestedAt: input.at,
        channel: input.channel,
        reason: input.reason,
        acknowledgedAt: null,
        acknowledgedChannel: null,
        departmentHead: null,
        forwardedAt: null,
      },
      clock: { ...current.clock, escalationRequestedAt: input.at },
    },
    entries: [
      {
        kind: 'communication',
        at: input.at,
        data: {
          direction: 'in',
          channel: input.channel,
          summary: `Escalation requested: ${input.reason}`,
          generated: { key: 'escalationRequested', params: { reason: input.reason } },
        },
      },
    ],
    details: input.reason,
  };
}

function escalationOf(current: CaseRecord) {
  if (!current.escalation)
    throw new DomainError('INVALID_TRANSITION', 'No escalation was requested.', [
      { path: 'action.type', code: 'invalid_transition', message: 'No escalation was requested.' },
    ]);
  return current.escalation;
}

/** P-4.3: the escalation is acknowledged within 5 (target) to 10 (limit) working days. */
export function acknowledgeEscalation<C extends CaseRecord>(current: C, input: ActionInput<'acknowledgeEscalation'>): EffectOutcome<C> {
  const escalation = escalationOf(current);
  if (Date.parse(input.at) < Date.parse(escalation.requestedAt))
    throw fieldError('action.at', 'Cannot be before the escalation was requested', 'before_request');
  return {
    next: {
      ...current,
      escalation: { ...escalation, acknowledgedAt: input.at, acknowledgedChannel: input.channel },
      clock: { ...current.clock, escalationAcknowledgedAt: input.at },
    },
    entries: [communicationOut(input.at, input.channel, 'Escalation acknowledged', { key: 'escalationAcknowledged', params: {} })],
  };
}

/** P-4.2 step 2: the Customer Service Manager forwards it to the relevant department head. */
export function forwardToDepartmentHead<C extends CaseRecord>(current: C, input: ActionInput<'forwardToDepartmentHead'>): EffectOutcome<C> {
  const escalation = escalationOf(current);
  const { department } = input.departmentHead;
  return {
    next: {
      ...current,
      escalation: { ...escalation, departmentHead: input.departmentHead, forwardedAt: input.at },
      departments: current.departments.includes(department) ? current.departments : [...current.departments, department],
    },
    entries: [],
    details: `${input.departmentHead.name}, ${department}`,
  };
}

export function emptyReferral(current: CaseRecord): ExternalReferral {
  return current.externalReferral ?? { signpostedAt: null, signpostedTo: null, referredAt: null, referredTo: null, outcome: null, outcomeAt: null };
}

/** P-4.2 step 3 and P-6.1: the final response tells the customer where to seek independent advice. */
export function communicateStage2Outcome<C extends CaseRecord>(
  current: C,
  input: ActionInput<'communicateStage2Outcome'>,
  context: ActionContext,
): EffectOutcome<C> {
  return {
    next: {
      ...current,
      stage2Resolution: resolutionOf(input, context.actor),
      clock: { ...current.clock, stage2ResolvedAt: input.at },
      externalReferral: { ...emptyReferral(current), signpostedAt: input.at, signpostedTo: input.signpostedTo },
      rootCauseId: input.rootCauseId ?? current.rootCauseId,
      rootCauseNote: input.rootCauseNote ?? current.rootCauseNote,
      lessonsLearned: input.lessonsLearned ?? current.lessonsLearned,
    },
    entries: [communicationOut(input.at, input.channel, input.summary), { kind: 'external-signposting', at: input.at, data: { to: input.signpostedTo } }],
    details: input.outcome,
  };
}
