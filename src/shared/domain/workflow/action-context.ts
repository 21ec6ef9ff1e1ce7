/** What an action's effect gets besides the case and its input, and what it gives back. */
import type { CaseRecord, GeneratedMessage, StaffRef, TimelineEntry } from '../records';
import type { CommunicationChannel } from '../vocabulary';

export interface ActionContext {
  readonly actor: StaffRef;
  readonly now: Date;
  readonly newId: () => string;
  /** Recorded times may be a little ahead of this device's clock (another device's), never more. */
  readonly futureToleranceMs: number;
  /** The manager named as an extension's approver, looked up and checked by the main process. */
  readonly approver?: StaffRef;
}

type Draft<E> = E extends TimelineEntry ? Pick<E, 'kind' | 'at' | 'data'> : never;
/** A timeline entry before it is stamped with its id, case, author and recording time. */
export type TimelineDraft = Draft<TimelineEntry>;

export interface EffectOutcome<C extends CaseRecord> {
  /** The case after the action, before the workflow sets its status (the table's `leadsTo`). */
  readonly next: C;
  /** Entries recorded after the transition entry, in this order. */
  readonly entries: readonly TimelineDraft[];
  /** Said on the transition entry (a party's name, an outcome, a reason). */
  readonly details?: string;
}

export interface ActionOutcome<C extends CaseRecord> {
  readonly next: C;
  readonly entries: readonly TimelineDraft[];
}

/** A message to the customer that Plaint wrote, so each language can show its own words. */
export function communicationOut(
  at: string,
  channel: CommunicationChannel,
  summary: string,
  generated?: { key: GeneratedMessage; params: Record<string, string> },
): TimelineDraft {
  return { kind: 'communication', at, data: { direction: 'out', channel, summary, ...(generated ? { generated } : {}) } };
}
