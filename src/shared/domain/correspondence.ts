/**
 * New correspondence on a case (issue 18): post (or later e-mail) that arrives about an existing
 * case. It is marked unread for the case's assignee until they open the case; on a closed case it
 * waits for a decision by the assignee or a manager: reopen, escalate or no action, with a reason.
 */
import { z } from 'zod';
import { requiredText } from './fields';

export const CORRESPONDENCE_DECISIONS = ['reopen', 'escalate', 'no-action'] as const;
export type CorrespondenceDecision = (typeof CORRESPONDENCE_DECISIONS)[number];

const id = z.string().min(1).max(64);

export const caseCorrespondenceInput = z.object({ caseId: id }).strict();
export const unreadCasesInput = z.object({}).strict();

export const decideCorrespondenceInput = z
  .object({
    caseId: id,
    /** The timeline entry of the correspondence that arrived. */
    entryId: id,
    decision: z.enum(CORRESPONDENCE_DECISIONS),
    reason: requiredText(1_000),
  })
  .strict();

/** Correspondence that arrived on a closed case and still waits for a decision. */
export interface AwaitingDecision {
  readonly entryId: string;
  readonly at: string;
  readonly recordedAt: string;
  readonly channel: string;
  readonly summary: string;
}

export interface CaseCorrespondence {
  /** New correspondence arrived since the reader (the assignee) last opened the case. */
  readonly unread: boolean;
  readonly awaitingDecision: readonly AwaitingDecision[];
  /** Whether the reader may decide (the assignee or a manager). */
  readonly mayDecide: boolean;
}
