/** P-4.1 step 1: departments and third parties (suppliers, warehouse, laboratories) consulted. */
import type { CaseRecord } from '../../records';
import { fieldError } from '../../domain-error';
import type { ActionInput } from '../action-inputs';
import type { ActionContext, EffectOutcome } from '../action-context';

export function askThirdParty<C extends CaseRecord>(current: C, input: ActionInput<'askThirdParty'>, context: ActionContext): EffectOutcome<C> {
  if (input.dueAt && Date.parse(input.dueAt) < Date.parse(input.at))
    throw fieldError('action.dueAt', 'The reply is due after the question is asked', 'before_question');
  const inquiryId = context.newId();
  return {
    next: {
      ...current,
      resumeStatus: current.status === 'awaiting-third-party' ? current.resumeStatus : current.status,
      openInquiries: [...current.openInquiries, { id: inquiryId, partyKind: input.partyKind, partyName: input.partyName, dueAt: input.dueAt }],
      thirdParties: current.thirdParties.includes(input.partyName) ? current.thirdParties : [...current.thirdParties, input.partyName],
    },
    entries: [
      {
        kind: 'inquiry',
        at: input.at,
        data: { inquiryId, partyKind: input.partyKind, partyName: input.partyName, question: input.question, dueAt: input.dueAt },
      },
    ],
    details: input.partyName,
  };
}

export function recordThirdPartyResponse<C extends CaseRecord>(current: C, input: ActionInput<'recordThirdPartyResponse'>): EffectOutcome<C> {
  const inquiry = current.openInquiries.find((candidate) => candidate.id === input.inquiryId);
  if (!inquiry) throw fieldError('action.inquiryId', 'No open inquiry with this id', 'not_found');
  const remaining = current.openInquiries.filter((candidate) => candidate.id !== input.inquiryId);
  return {
    next: { ...current, openInquiries: remaining, resumeStatus: remaining.length === 0 ? null : current.resumeStatus },
    entries: [{ kind: 'inquiry-response', at: input.at, data: { inquiryId: inquiry.id, partyName: inquiry.partyName, response: input.response } }],
    details: inquiry.partyName,
  };
}
