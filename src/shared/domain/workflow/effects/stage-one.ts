/** Stage 1 (P-3.2, P-4.1): acknowledgement, investigation, resolution, closing and reopening. */
import type { CaseRecord, Resolution, StaffRef } from '../../records';
import type { ActionInput } from '../action-inputs';
import { communicationOut, type ActionContext, type EffectOutcome } from '../action-context';

/** P-3.2: acknowledged with the reference number, by the chosen channel. */
export function acknowledge<C extends CaseRecord>(current: C, input: ActionInput<'acknowledge'>, context: ActionContext): EffectOutcome<C> {
  return {
    next: { ...current, acknowledgement: { at: input.at, channel: input.channel, by: context.actor }, clock: { ...current.clock, acknowledgedAt: input.at } },
    entries: [
      communicationOut(input.at, input.channel, `Acknowledgement sent with reference ${current.reference}`, {
        key: 'acknowledgementSent',
        params: { reference: current.reference },
      }),
    ],
  };
}

export function startInvestigation<C extends CaseRecord>(current: C): EffectOutcome<C> {
  return { next: current, entries: [] };
}

export function resolutionOf(input: ActionInput<'communicateResolution'> | ActionInput<'communicateStage2Outcome'>, actor: StaffRef): Resolution {
  return { summary: input.summary, outcome: input.outcome, redress: input.redress, channel: input.channel, at: input.at, by: actor };
}

/** P-4.1 steps 2–3: the findings and the resolution go to the customer; P-5.3: with its root cause. */
export function communicateResolution<C extends CaseRecord>(current: C, input: ActionInput<'communicateResolution'>, context: ActionContext): EffectOutcome<C> {
  return {
    next: {
      ...current,
      resolution: resolutionOf(input, context.actor),
      clock: { ...current.clock, stage1ResolvedAt: input.at },
      rootCauseId: input.rootCauseId,
      rootCauseNote: input.rootCauseNote ?? current.rootCauseNote,
      lessonsLearned: input.lessonsLearned ?? current.lessonsLearned,
    },
    entries: [communicationOut(input.at, input.channel, input.summary)],
    details: input.outcome,
  };
}

/** P-5.3: what caused it and what was learned can be recorded on closing. */
export function close<C extends CaseRecord>(current: C, input: ActionInput<'close'>): EffectOutcome<C> {
  return {
    next: {
      ...current,
      closedAt: input.at,
      rootCauseNote: input.rootCauseNote ?? current.rootCauseNote,
      lessonsLearned: input.lessonsLearned ?? current.lessonsLearned,
    },
    entries: [],
  };
}

/** A closed case is worked again: its stage's resolution clock starts from the reopening. */
export function reopen<C extends CaseRecord>(current: C, input: ActionInput<'reopen'>): EffectOutcome<C> {
  const clock =
    current.stage === 1
      ? { ...current.clock, stage1ReopenedAt: input.at, stage1ResolvedAt: null }
      : { ...current.clock, stage2ReopenedAt: input.at, stage2ResolvedAt: null };
  return { next: { ...current, closedAt: null, clock }, entries: [], details: input.reason };
}
