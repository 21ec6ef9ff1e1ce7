/** The case workflow (P-3, P-4, P-6): one table of actions, their inputs and effects. */
export {
  ACTION_INPUTS,
  CASE_ACTIONS,
  actOnCaseInput,
  caseActionInput,
  formHints,
  redressSchema,
  type ActionInput,
  type CaseAction,
  type CaseActionInput,
  type FieldWidget,
  type FormHint,
} from './action-inputs';
export type { ActionContext, ActionOutcome, TimelineDraft } from './action-context';
export { applyCaseAction } from './apply-action';
export { actionRefusal, availableActions, CASE_WORKFLOW, type WorkflowEntry } from './workflow-table';
export { extendableDeadlineOf, type WorkflowFacts } from './workflow-facts';
