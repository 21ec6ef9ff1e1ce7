/** P-6.1: where the customer was told to turn for independent advice, and any external referral. */
import type { CaseRecord } from '../../records';
import type { ActionInput } from '../action-inputs';
import type { EffectOutcome } from '../action-context';
import { emptyReferral } from './stage-two';

export function recordExternalSignposting<C extends CaseRecord>(current: C, input: ActionInput<'recordExternalSignposting'>): EffectOutcome<C> {
  return {
    next: { ...current, externalReferral: { ...emptyReferral(current), signpostedAt: input.at, signpostedTo: input.to } },
    entries: [{ kind: 'external-signposting', at: input.at, data: { to: input.to } }],
  };
}

export function recordExternalReferral<C extends CaseRecord>(current: C, input: ActionInput<'recordExternalReferral'>): EffectOutcome<C> {
  const referral = emptyReferral(current);
  return {
    next: {
      ...current,
      externalReferral: {
        ...referral,
        referredAt: input.at,
        referredTo: input.to,
        outcome: input.outcome || referral.outcome,
        outcomeAt: input.outcome ? input.at : referral.outcomeAt,
      },
    },
    entries: [{ kind: 'external-referral', at: input.at, data: { to: input.to, outcome: input.outcome } }],
  };
}
