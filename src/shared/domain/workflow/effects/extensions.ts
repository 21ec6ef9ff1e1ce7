/** P-4.4: an extension replaces a resolution deadline; the customer is told the reasons and the new date. */
import type { CaseExtension, CaseRecord } from '../../records';
import { DomainError, fieldError } from '../../domain-error';
import { refuseBeforeReceipt, refuseFutureTime } from '../../recorded-times';
import type { ActionInput } from '../action-inputs';
import { communicationOut, type ActionContext, type EffectOutcome, type TimelineDraft } from '../action-context';
import { extendableDeadlineOf } from '../workflow-facts';

function extensionNotice(at: string, channel: NonNullable<CaseExtension['customerNotice']>['channel'], newDueAt: string, reason: string): TimelineDraft {
  return communicationOut(at, channel, `Told the customer the deadline is extended to ${newDueAt}: ${reason}`, {
    key: 'extensionNotice',
    params: { date: newDueAt, reason },
  });
}

export function extendDeadline<C extends CaseRecord>(current: C, input: ActionInput<'extendDeadline'>, context: ActionContext): EffectOutcome<C> {
  const deadline = extendableDeadlineOf(current);
  if (!deadline)
    throw new DomainError('INVALID_TRANSITION', 'No resolution deadline is running.', [
      { path: 'action.type', code: 'invalid_transition', message: 'No resolution deadline is running.', params: { action: 'extendDeadline' } },
    ]);
  if (input.deadline && input.deadline !== deadline)
    throw fieldError(
      'action.deadline',
      `Only the ${deadline === 'stage1Resolution' ? 'stage-1' : 'stage-2'} resolution deadline is running`,
      'wrong_deadline',
      { deadline },
    );
  const previousDueAt = current.deadlines.find((candidate) => candidate.kind === deadline)?.dueAt ?? input.at;
  if (Date.parse(input.newDueAt) <= Date.parse(previousDueAt))
    throw fieldError('action.newDueAt', 'The new deadline must be later than the current one', 'not_later', { date: previousDueAt });
  // Issue 18: an extension cannot set a deadline that has already passed: that would hide a breach behind another one.
  const recordedAt = context.now.toISOString();
  if (Date.parse(input.newDueAt) <= context.now.getTime())
    throw fieldError('action.newDueAt', 'The new deadline must be later than now', 'not_after_now', { date: recordedAt });
  // A deadline that passed before the extension was recorded stays a breach ("breached, then extended").
  const breachedAt = Date.parse(previousDueAt) < context.now.getTime() ? previousDueAt : null;
  if (context.approver?.id !== input.approverId) throw fieldError('action.approverId', 'Choose the manager who approved the extension', 'approver_not_manager');
  if (input.customerNotice) {
    refuseFutureTime('action.customerNotice.at', input.customerNotice.at, context.now, context.futureToleranceMs);
    refuseBeforeReceipt('action.customerNotice.at', input.customerNotice.at, current.receivedAt);
  }
  const extension: CaseExtension = {
    id: context.newId(),
    deadline,
    previousDueAt,
    newDueAt: new Date(input.newDueAt).toISOString(),
    reason: input.reason,
    thirdParty: input.thirdParty,
    approvedBy: context.approver.name,
    approverId: context.approver.id,
    grantedAt: input.at,
    customerNotice: input.customerNotice,
    ...(breachedAt ? { breachedAt } : {}),
  };
  const { grantedAt: _granted, ...entryData } = extension;
  const entries: TimelineDraft[] = [{ kind: 'extension', at: input.at, data: entryData }];
  if (input.customerNotice) entries.push(extensionNotice(input.customerNotice.at, input.customerNotice.channel, extension.newDueAt, input.reason));
  return {
    next: {
      ...current,
      extensions: [...current.extensions, extension],
      clock: {
        ...current.clock,
        extensions: [...(current.clock.extensions ?? []), { id: extension.id, deadline, newDueAt: extension.newDueAt, ...(breachedAt ? { breachedAt } : {}) }],
      },
    },
    entries,
  };
}

export function recordExtensionNotice<C extends CaseRecord>(current: C, input: ActionInput<'recordExtensionNotice'>): EffectOutcome<C> {
  const extension = current.extensions.find((candidate) => candidate.id === input.extensionId);
  if (!extension) throw fieldError('action.extensionId', 'No extension with this id', 'not_found');
  if (extension.customerNotice) throw fieldError('action.extensionId', 'The customer was already told about this extension', 'already_told');
  if (Date.parse(input.at) < Date.parse(extension.grantedAt)) throw fieldError('action.at', 'Cannot be before the extension was granted', 'before_granted');
  return {
    next: {
      ...current,
      extensions: current.extensions.map((candidate) =>
        candidate.id === extension.id ? { ...candidate, customerNotice: { at: input.at, channel: input.channel } } : candidate,
      ),
    },
    entries: [
      { kind: 'extension-notice', at: input.at, data: { extensionId: extension.id, channel: input.channel } },
      extensionNotice(input.at, input.channel, extension.newDueAt, extension.reason),
    ],
  };
}
