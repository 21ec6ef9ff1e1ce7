/**
 * Performs a workflow action on a case by the table: refuses it if the case's state does not allow
 * it or its time is impossible, runs its effect, sets the state it leads to, and records the
 * transition (when the state changes) before the entries the effect made. Pure: nothing is
 * written, and a refusal leaves the case as it was.
 */
import { DomainError } from '../domain-error';
import type { CaseRecord } from '../records';
import { refuseBeforeReceipt, refuseFutureTime } from '../recorded-times';
import type { CaseStatus } from '../vocabulary';
import type { ActionContext, ActionOutcome, TimelineDraft } from './action-context';
import type { ActionInput, CaseAction, CaseActionInput } from './action-inputs';
import { actionRefusal, CASE_WORKFLOW, type WorkflowEntry } from './workflow-table';

function checkTime(path: string, at: string, current: CaseRecord, context: ActionContext): void {
  refuseFutureTime(path, at, context.now, context.futureToleranceMs);
  refuseBeforeReceipt(path, at, current.receivedAt);
}

function perform<A extends CaseAction, C extends CaseRecord>(
  entry: WorkflowEntry<A>,
  action: A,
  current: C,
  input: ActionInput<A>,
  context: ActionContext,
): ActionOutcome<C> {
  const outcome = entry.effect(current, input, context);
  const status: CaseStatus =
    entry.leadsTo === 'unchanged' ? current.status : typeof entry.leadsTo === 'function' ? entry.leadsTo(current, input) : entry.leadsTo;
  const next: C = { ...outcome.next, status };
  const transition: TimelineDraft[] =
    status === current.status
      ? []
      : [
          {
            kind: 'transition',
            at: input.at,
            data: { action, from: current.status, to: status, fromStage: current.stage, toStage: next.stage, details: outcome.details ?? '' },
          },
        ];
  return { next, entries: [...transition, ...outcome.entries] };
}

export function applyCaseAction<C extends CaseRecord>(current: C, input: CaseActionInput, context: ActionContext): ActionOutcome<C> {
  const refusal = actionRefusal(input.type, current);
  if (refusal) {
    const message = `${input.type} is not possible now: ${refusal}`;
    throw new DomainError('INVALID_TRANSITION', message, [{ path: 'action.type', code: 'invalid_transition', params: { action: input.type }, message }]);
  }
  checkTime('action.at', input.at, current, context);
  return dispatch(current, input, context);
}

/** The action's own entry for its input (the table is indexed by the input's `type`). */
function dispatch<C extends CaseRecord, A extends CaseAction>(
  current: C,
  input: ActionInput<A> & { readonly type: A },
  context: ActionContext,
): ActionOutcome<C> {
  return perform(CASE_WORKFLOW[input.type], input.type, current, input, context);
}
