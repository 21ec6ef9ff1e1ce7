/** What the case API returns for lists, a single case, searches and counts. */
import type { CaseAction } from './workflow';
import type { CaseRecord, StaffRef, TimelineEntry } from './records';
import type { DeadlineKind } from '../sla';
import type { CaseStatus, IntakeChannel } from './vocabulary';

export interface CaseListItem {
  readonly id: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly type: string;
  readonly channel: IntakeChannel;
  readonly stage: 1 | 2;
  readonly status: CaseStatus;
  readonly assignee: StaffRef | null;
  readonly receivedAt: string;
  /** `breachedAt`: this deadline was breached, then extended (issue 18). */
  readonly nextDeadline: { readonly kind: DeadlineKind; readonly dueAt: string; readonly warnAt: string; readonly breachedAt?: string } | null;
  readonly openInquiries: number;
  /** P-4.4: an extension whose customer notice is not recorded. */
  readonly extensionWithoutNotice: boolean;
  /** Issue 17, P-3.2: the acknowledgement e-mail bounced and none has reached the customer since (the list shows a badge). */
  readonly acknowledgementUndelivered: boolean;
  /** P-7.1: narrowed to named people (the list shows a badge). */
  readonly restricted: boolean;
  readonly updatedAt: string;
}

export interface CaseList {
  readonly items: readonly CaseListItem[];
  readonly total: number;
  readonly offset: number;
}

export interface CaseDetail {
  readonly case: CaseRecord;
  readonly timeline: readonly TimelineEntry[];
  readonly availableActions: readonly CaseAction[];
  /** P-5.1: time taken so far. */
  readonly timeTaken: {
    readonly acknowledgement: { readonly hours: number; readonly workingDays: number } | null;
    readonly resolution: { readonly hours: number; readonly workingDays: number } | null;
  };
}

export interface QuickSearchResult {
  readonly hits: readonly QuickSearchHit[];
  /** Set when the query is a whole reference whose check character (or a character) is wrong. */
  readonly referenceProblem: 'check-failed' | 'invalid-character' | null;
}

export interface QuickSearchHit {
  readonly id: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly status: CaseStatus;
  readonly summary: string;
  readonly matchedBy: 'reference' | 'text';
}

/** Issue 18: how another case was found to be the same complainant's. */
export type SameComplainantMatch = 'email' | 'phone' | 'name-postcode';

/** Another case of the same complainant, as the workspace's "Related cases" lists it. */
export interface RelatedCase extends CaseListItem {
  /** Linked by hand (both cases name each other). */
  readonly linked: boolean;
  readonly matchedBy: readonly SameComplainantMatch[];
}
