/**
 * The decision for each document pulled from the server: accept it, or refuse it with a reason
 * (inbound-rules.ts says what each collection accepts). Pure: the caller gives the local state
 * it needs (the document's current local copy, and for deletions whether its case is untouched).
 */
import { deepEqual } from 'rxdb/plugins/utils';
import type { z } from 'zod';
import type { QuarantineReason } from '@shared/domain/sync';
import type { InboundRules } from './inbound-rules';

export type RefusalReason = QuarantineReason;

export type InboundDecision =
  | { readonly accept: true }
  | {
      readonly accept: false;
      readonly reason: RefusalReason;
      /** Field paths and rule codes, never values (they may be personal data). */
      readonly issues: readonly string[];
      /** This device holds a good copy to give the server back. */
      readonly heal: boolean;
    };

/** A pulled document as CouchDB sent it, with its primary key in `id` and without `_rev`. */
export type Incoming = Record<string, unknown> & { readonly id: string; readonly _deleted: boolean };

export interface LocalState {
  /** The local copy without RxDB's bookkeeping (`_deleted` kept), or undefined when never stored. */
  readonly local: (Record<string, unknown> & { readonly _deleted: boolean }) | undefined;
  /** For deletions of cases and timeline entries: is the case gone here, or still exactly as logged? */
  readonly caseUntouched: boolean;
}

/** The collection's JSON schema check (RxDB's own validator): issues, empty when valid. */
export type StorageCheck = (document: Incoming) => readonly string[];

const ACCEPT: InboundDecision = { accept: true };

function content(document: Record<string, unknown>, ignore: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_') && !ignore.includes(key)));
}

export function zodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(document)'}: ${issue.code}`);
}

export function inspectInbound(rules: InboundRules, incoming: Incoming, state: LocalState, storageCheck: StorageCheck): InboundDecision {
  const { local } = state;
  const localAlive = local !== undefined && !local._deleted;
  if (incoming._deleted) {
    if (!localAlive)
      return rules.deletion === 'refuse' && local === undefined ? { accept: false, reason: 'deleted-before-arrival', issues: [], heal: false } : ACCEPT;
    if (rules.deletion === 'allow' || (rules.deletion === 'while-case-untouched' && state.caseUntouched)) return ACCEPT;
    return { accept: false, reason: 'deletion-refused', issues: [], heal: true };
  }
  // A broken document over one this device holds in good order: the server gets the good one back.
  const storageIssues = storageCheck(incoming);
  if (storageIssues.length > 0) return { accept: false, reason: 'invalid', issues: storageIssues, heal: localAlive };
  const checked = rules.schema.safeParse(content(incoming, []));
  if (!checked.success) return { accept: false, reason: 'invalid', issues: zodIssues(checked.error), heal: localAlive };
  if (rules.mutableFields !== null && localAlive) {
    const changed = !deepEqual(content(local, rules.mutableFields), content(incoming, rules.mutableFields));
    // A voided letter stays voided: undo cannot be undone by the server.
    const unvoided = local['voided'] === true && incoming['voided'] === false;
    if (changed && !unvoided && isErasure(rules, local, incoming)) return ACCEPT;
    if (changed || unvoided)
      return { accept: false, reason: 'rewritten', issues: changed ? ['(content): written once'] : ['voided: stays voided'], heal: true };
  }
  return ACCEPT;
}

/** Issue 14: the incoming copy is exactly the erased form of the local one (an erasure made on another device). */
function isErasure(rules: InboundRules, local: Record<string, unknown>, incoming: Incoming): boolean {
  const erased = rules.erasedForm?.(content(local, []));
  const ignore = rules.mutableFields ?? [];
  return erased !== undefined && erased !== null && deepEqual(content(erased, ignore), content(incoming, ignore));
}

/** A case is untouched while it is exactly as logged: nobody acknowledged, edited or assigned it. */
export function isUntouchedCase(document: Record<string, unknown> | undefined): boolean {
  if (!document || document['_deleted'] === true) return true;
  return document['status'] === 'received' && document['updatedAt'] === document['createdAt'];
}
