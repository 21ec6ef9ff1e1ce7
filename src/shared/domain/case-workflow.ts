/**
 * The stage workflow as data (P-3, P-4, P-6): which actions a case in a given state allows. The
 * main process enforces it on every action; the renderer uses the same rules to offer only the
 * actions that are valid now.
 */
import type { ExtendableDeadline } from '../sla';
import type { CaseRecord } from './records';
import type { CaseStatus } from './vocabulary';

export const CASE_ACTIONS = [
  'acknowledge',
  'startInvestigation',
  'askThirdParty',
  'recordThirdPartyResponse',
  'communicateResolution',
  'close',
  'recordEscalationRequest',
  'acknowledgeEscalation',
  'forwardToDepartmentHead',
  'communicateStage2Outcome',
  'recordExternalSignposting',
  'recordExternalReferral',
  'extendDeadline',
  'recordExtensionNotice',
  'reopen',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export type WorkflowFacts = Pick<CaseRecord, 'status' | 'stage' | 'openInquiries' | 'extensions' | 'externalReferral'>;

// An extension moves a resolution deadline that is running for real, i.e. after acknowledgement
// (before it, the deadline is only provisional).
const STAGE1_WORKING: readonly CaseStatus[] = ['acknowledged', 'investigating', 'awaiting-third-party'];
const STAGE2_WORKING: readonly CaseStatus[] = ['escalation-acknowledged', 'department-head-review', 'awaiting-third-party'];
const FINAL_RESPONSE_GIVEN: readonly CaseStatus[] = ['resolution-communicated', 'stage2-resolution-communicated', 'closed'];

/** The resolution deadline an extension would move, given the case's stage (P-4.4). */
export function extendableDeadlineOf(facts: Pick<CaseRecord, 'stage' | 'status'>): ExtendableDeadline | null {
  if (facts.stage === 1 && STAGE1_WORKING.includes(facts.status)) return 'stage1Resolution';
  if (facts.stage === 2 && STAGE2_WORKING.includes(facts.status)) return 'stage2Resolution';
  return null;
}

/**
 * Why the action is not possible now (a sentence for the user), or null when it is. Rule numbers
 * in brackets point at the procedure.
 */
export function actionRefusal(action: CaseAction, facts: WorkflowFacts): string | null {
  const { status, stage } = facts;
  const unless = (allowed: boolean, reason: string): string | null => (allowed ? null : reason);
  switch (action) {
    case 'acknowledge':
      return unless(status === 'received', 'Only a newly received complaint can be acknowledged (P-3.2).');
    case 'startInvestigation':
      return unless(status === 'acknowledged', 'An investigation starts after the complaint is acknowledged (P-4.1).');
    case 'askThirdParty':
      return unless(
        status === 'investigating' || status === 'department-head-review' || status === 'awaiting-third-party',
        'Departments and third parties are consulted during an investigation or a department-head review (P-4.1).',
      );
    case 'recordThirdPartyResponse':
      return unless(facts.openInquiries.length > 0, 'There is no open inquiry to record a response to.');
    case 'communicateResolution':
      return unless(stage === 1 && status === 'investigating', 'A stage-1 resolution is communicated after investigating, once no inquiry is still open (P-4.1).');
    case 'close':
      return unless(status === 'resolution-communicated' || status === 'stage2-resolution-communicated', 'A case is closed after its resolution has been communicated.');
    case 'recordEscalationRequest':
      return unless(stage === 1 && (status === 'resolution-communicated' || status === 'closed'), 'Escalation is requested after the stage-1 resolution (P-4.2).');
    case 'acknowledgeEscalation':
      return unless(status === 'escalation-requested', 'Only a requested escalation can be acknowledged (P-4.3).');
    case 'forwardToDepartmentHead':
      return unless(status === 'escalation-acknowledged', 'The escalation is forwarded to the department head after it is acknowledged (P-4.2).');
    case 'communicateStage2Outcome':
      return unless(stage === 2 && status === 'department-head-review', 'The stage-2 outcome follows the department-head review, once no inquiry is still open (P-4.2).');
    case 'recordExternalSignposting':
      return unless(FINAL_RESPONSE_GIVEN.includes(status), 'Independent advice is signposted with or after a final response (P-6.1).');
    case 'recordExternalReferral':
      return unless(FINAL_RESPONSE_GIVEN.includes(status), 'An external referral is recorded after a final response (P-6.1).');
    case 'extendDeadline':
      return unless(extendableDeadlineOf(facts) !== null, 'Only a running resolution deadline can be extended (P-4.4).');
    case 'recordExtensionNotice':
      return unless(facts.extensions.some((extension) => extension.customerNotice === null), 'Every extension already has its customer notice (P-4.4).');
    case 'reopen':
      return unless(status === 'closed', 'Only a closed case can be reopened.');
  }
}

export function availableActions(facts: WorkflowFacts): CaseAction[] {
  return CASE_ACTIONS.filter((action) => actionRefusal(action, facts) === null);
}
