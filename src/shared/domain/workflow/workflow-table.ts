/**
 * The case workflow as one table (P-3, P-4, P-6): for each action, the rule of the procedure it
 * implements, the states it is allowed from, the state it leads to, its input, its effect and its
 * label. The main process enforces it on every action; the renderer offers only the actions it
 * allows now and builds each action's form from its input (README, "Adding a workflow action").
 */
import type { CaseRecord } from '../records';
import type { CaseStatus } from '../vocabulary';
import type { ActionContext, EffectOutcome } from './action-context';
import { ACTION_INPUTS, type ActionInput, type CaseAction } from './action-inputs';
import { recordExternalReferral, recordExternalSignposting } from './effects/external';
import { extendDeadline, recordExtensionNotice } from './effects/extensions';
import { askThirdParty, recordThirdPartyResponse } from './effects/inquiries';
import { acknowledge, close, communicateResolution, reopen, startInvestigation } from './effects/stage-one';
import { acknowledgeEscalation, communicateStage2Outcome, forwardToDepartmentHead, recordEscalationRequest } from './effects/stage-two';
import type { StaffRole } from '../vocabulary';
import { extendableDeadlineOf, type WorkflowFacts } from './workflow-facts';

export interface WorkflowEntry<A extends CaseAction> {
  /** The procedure's rule the action implements. */
  readonly rule: string;
  /** The states it is allowed from ('any': decided by `also` alone). */
  readonly from: readonly CaseStatus[] | 'any';
  /** A further condition on the case (its stage, open inquiries, a running deadline…). */
  readonly also?: (facts: WorkflowFacts) => boolean;
  /** Why it is not allowed, in English for the log; users read `workflow.refusals.<action>`. */
  readonly refusal: string;
  /** The state it leads to: a state, the one it is in, or one that depends on the case and input. */
  readonly leadsTo: CaseStatus | 'unchanged' | ((facts: WorkflowFacts, input: ActionInput<A>) => CaseStatus);
  readonly input: (typeof ACTION_INPUTS)[A];
  readonly effect: <C extends CaseRecord>(current: C, input: ActionInput<A>, context: ActionContext) => EffectOutcome<C>;
  /** Translation key of its name (buttons, form titles, the timeline). */
  readonly label: `actions.${A}`;
  /** Who may perform it (the permission table, shared/identity/permissions.ts, reads this). */
  readonly roles: readonly StaffRole[];
}

/** Working a case. */
const CASE_WORK: readonly StaffRole[] = ['caseworker', 'manager'];
/** Extensions and reopening are the manager's decisions. */
const MANAGERS: readonly StaffRole[] = ['manager'];

const FINAL_RESPONSE_GIVEN: readonly CaseStatus[] = ['resolution-communicated', 'stage2-resolution-communicated', 'closed'];

export const CASE_WORKFLOW: { readonly [A in CaseAction]: WorkflowEntry<A> } = {
  acknowledge: {
    rule: 'P-3.2',
    from: ['received'],
    refusal: 'Only a newly received complaint can be acknowledged (P-3.2).',
    leadsTo: 'acknowledged',
    input: ACTION_INPUTS.acknowledge,
    effect: acknowledge,
    label: 'actions.acknowledge',
    roles: CASE_WORK,
  },
  startInvestigation: {
    rule: 'P-4.1',
    from: ['acknowledged'],
    refusal: 'An investigation starts after the complaint is acknowledged (P-4.1).',
    leadsTo: 'investigating',
    input: ACTION_INPUTS.startInvestigation,
    effect: startInvestigation,
    label: 'actions.startInvestigation',
    roles: CASE_WORK,
  },
  askThirdParty: {
    rule: 'P-4.1',
    from: ['investigating', 'department-head-review', 'awaiting-third-party'],
    refusal: 'Departments and third parties are consulted during an investigation or a department-head review (P-4.1).',
    leadsTo: 'awaiting-third-party',
    input: ACTION_INPUTS.askThirdParty,
    effect: askThirdParty,
    label: 'actions.askThirdParty',
    roles: CASE_WORK,
  },
  recordThirdPartyResponse: {
    rule: 'P-4.1',
    from: 'any',
    also: (facts) => facts.openInquiries.length > 0,
    refusal: 'There is no open inquiry to record a response to.',
    // The last answer resumes the work the question interrupted.
    leadsTo: (facts, input) =>
      facts.openInquiries.every((inquiry) => inquiry.id === input.inquiryId) ? (facts.resumeStatus ?? 'investigating') : facts.status,
    input: ACTION_INPUTS.recordThirdPartyResponse,
    effect: recordThirdPartyResponse,
    label: 'actions.recordThirdPartyResponse',
    roles: CASE_WORK,
  },
  communicateResolution: {
    rule: 'P-4.1',
    from: ['investigating'],
    also: (facts) => facts.stage === 1,
    refusal: 'A stage-1 resolution is communicated after investigating, once no inquiry is still open (P-4.1).',
    leadsTo: 'resolution-communicated',
    input: ACTION_INPUTS.communicateResolution,
    effect: communicateResolution,
    label: 'actions.communicateResolution',
    roles: CASE_WORK,
  },
  close: {
    rule: 'P-5.1',
    from: ['resolution-communicated', 'stage2-resolution-communicated'],
    refusal: 'A case is closed after its resolution has been communicated.',
    leadsTo: 'closed',
    input: ACTION_INPUTS.close,
    effect: close,
    label: 'actions.close',
    roles: CASE_WORK,
  },
  recordEscalationRequest: {
    rule: 'P-4.2',
    from: ['resolution-communicated', 'closed'],
    also: (facts) => facts.stage === 1,
    refusal: 'Escalation is requested after the stage-1 resolution (P-4.2).',
    leadsTo: 'escalation-requested',
    input: ACTION_INPUTS.recordEscalationRequest,
    effect: recordEscalationRequest,
    label: 'actions.recordEscalationRequest',
    roles: CASE_WORK,
  },
  acknowledgeEscalation: {
    rule: 'P-4.3',
    from: ['escalation-requested'],
    refusal: 'Only a requested escalation can be acknowledged (P-4.3).',
    leadsTo: 'escalation-acknowledged',
    input: ACTION_INPUTS.acknowledgeEscalation,
    effect: acknowledgeEscalation,
    label: 'actions.acknowledgeEscalation',
    roles: CASE_WORK,
  },
  forwardToDepartmentHead: {
    rule: 'P-4.2',
    from: ['escalation-acknowledged'],
    refusal: 'The escalation is forwarded to the department head after it is acknowledged (P-4.2).',
    leadsTo: 'department-head-review',
    input: ACTION_INPUTS.forwardToDepartmentHead,
    effect: forwardToDepartmentHead,
    label: 'actions.forwardToDepartmentHead',
    roles: CASE_WORK,
  },
  communicateStage2Outcome: {
    rule: 'P-4.2',
    from: ['department-head-review'],
    also: (facts) => facts.stage === 2,
    refusal: 'The stage-2 outcome follows the department-head review, once no inquiry is still open (P-4.2).',
    leadsTo: 'stage2-resolution-communicated',
    input: ACTION_INPUTS.communicateStage2Outcome,
    effect: communicateStage2Outcome,
    label: 'actions.communicateStage2Outcome',
    roles: CASE_WORK,
  },
  recordExternalSignposting: {
    rule: 'P-6.1',
    from: FINAL_RESPONSE_GIVEN,
    refusal: 'Independent advice is signposted with or after a final response (P-6.1).',
    leadsTo: 'unchanged',
    input: ACTION_INPUTS.recordExternalSignposting,
    effect: recordExternalSignposting,
    label: 'actions.recordExternalSignposting',
    roles: CASE_WORK,
  },
  recordExternalReferral: {
    rule: 'P-6.1',
    from: FINAL_RESPONSE_GIVEN,
    refusal: 'An external referral is recorded after a final response (P-6.1).',
    leadsTo: 'unchanged',
    input: ACTION_INPUTS.recordExternalReferral,
    effect: recordExternalReferral,
    label: 'actions.recordExternalReferral',
    roles: CASE_WORK,
  },
  extendDeadline: {
    rule: 'P-4.4',
    from: 'any',
    also: (facts) => extendableDeadlineOf(facts) !== null,
    refusal: 'Only a running resolution deadline can be extended (P-4.4).',
    leadsTo: 'unchanged',
    input: ACTION_INPUTS.extendDeadline,
    effect: extendDeadline,
    label: 'actions.extendDeadline',
    roles: MANAGERS,
  },
  recordExtensionNotice: {
    rule: 'P-4.4',
    from: 'any',
    also: (facts) => facts.extensions.some((extension) => extension.customerNotice === null),
    refusal: 'Every extension already has its customer notice (P-4.4).',
    leadsTo: 'unchanged',
    input: ACTION_INPUTS.recordExtensionNotice,
    effect: recordExtensionNotice,
    label: 'actions.recordExtensionNotice',
    roles: CASE_WORK,
  },
  reopen: {
    rule: 'P-4.1, P-4.2',
    from: ['closed'],
    refusal: 'Only a closed case can be reopened.',
    // The stage's working state: its resolution clock starts again (stage1/2ReopenedAt).
    leadsTo: (facts) => (facts.stage === 1 ? 'investigating' : 'department-head-review'),
    input: ACTION_INPUTS.reopen,
    effect: reopen,
    label: 'actions.reopen',
    roles: MANAGERS,
  },
};

/** Why the action is not possible now (English, for the log), or null when it is. */
export function actionRefusal(action: CaseAction, facts: WorkflowFacts): string | null {
  const entry: WorkflowEntry<CaseAction> = CASE_WORKFLOW[action];
  const fromAllowed = entry.from === 'any' || entry.from.includes(facts.status);
  return fromAllowed && (entry.also?.(facts) ?? true) ? null : entry.refusal;
}

/** The actions the case allows now, in the table's order. */
export function availableActions(facts: WorkflowFacts): CaseAction[] {
  return (Object.keys(CASE_WORKFLOW) as CaseAction[]).filter((action) => actionRefusal(action, facts) === null);
}
