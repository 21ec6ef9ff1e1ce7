/**
 * What this device accepts from the server, per shared collection (sync issue 11, "Sync checks
 * what it pulls"). Data from the server is input like any other (P-7.1, P-7.2): every pulled
 * document must keep the same rules as a local write, or it is refused and kept aside in the
 * quarantine with the reason, so it can never break reads, lists, deadlines or settings here.
 *
 * - **Shape:** the collection's stored-record schema (shared/domain/records). A broken
 *   version of a document this device holds in good order is refused, and the server is given
 *   the device's version back.
 * - **Written once:** timeline entries (the audit trail), files and file chunks never change after
 *   their first write, and a letter's content never changes (only its posting and `voided` do,
 *   and a voided letter stays voided). A rewritten copy from the server is refused, and the
 *   server is given this device's copy back.
 * - **Deletions** (CouchDB tombstones, `{_id,_rev,_deleted:true}`): Plaint itself deletes only in
 *   one place: undo of a just-logged letter removes the case it created and that case's timeline,
 *   while the case is still exactly as logged. So a deletion of a case or of a timeline entry is
 *   applied while the case is untouched since it was logged (or gone already); any other
 *   deletion is refused, and the server gets this device's copy back: letters (undo voids them),
 *   files and chunks (scans are evidence, P-5.1), settings, staff (deactivated, never deleted)
 *   and device codes (P-3.2). A person's saved case views are theirs to delete.
 * - **Erasure** (issue 14, P-7.2): a record written once may change once more, into exactly its
 *   erased form (erasure/redaction.ts), when an administrator anonymised its case on another device.
 */
import type { z } from 'zod';
import {
  accessLogRecordSchema,
  caseRecordSchema,
  caseViewRecordSchema,
  deviceCodeClaimSchema,
  fileChunkSchema,
  fileRecordSchema,
  letterRecordSchema,
  settingsDocumentSchema,
  staffMemberSchema,
  timelineEntrySchema,
} from '@shared/domain/records';
import { ERASED_FORMS } from '../../erasure/redaction';

export type DeletionPolicy = 'refuse' | 'while-case-untouched' | 'allow';

export interface InboundRules {
  readonly schema: z.ZodType;
  /** Null: the document may change. Otherwise it is written once, except for these fields. */
  readonly mutableFields: readonly string[] | null;
  readonly deletion: DeletionPolicy;
  /**
   * Issue 14 (P-7.2): the erased form of a record written once. A rewrite that is exactly the
   * erased form of this device's copy is an erasure from another device, and is accepted.
   */
  readonly erasedForm?: (document: Record<string, unknown>) => Record<string, unknown> | null;
}

export const INBOUND_RULES: Readonly<Record<string, InboundRules>> = {
  cases: { schema: caseRecordSchema, mutableFields: null, deletion: 'while-case-untouched' },
  timeline: { schema: timelineEntrySchema, mutableFields: [], deletion: 'while-case-untouched', erasedForm: ERASED_FORMS['timeline'] },
  letters: { schema: letterRecordSchema, mutableFields: ['posting', 'postedOn', 'voided'], deletion: 'refuse', erasedForm: ERASED_FORMS['letters'] },
  files: { schema: fileRecordSchema, mutableFields: [], deletion: 'refuse', erasedForm: ERASED_FORMS['files'] },
  fileChunks: { schema: fileChunkSchema, mutableFields: [], deletion: 'refuse', erasedForm: ERASED_FORMS['fileChunks'] },
  settings: { schema: settingsDocumentSchema, mutableFields: null, deletion: 'refuse' },
  staff: { schema: staffMemberSchema, mutableFields: null, deletion: 'refuse' },
  deviceCodes: { schema: deviceCodeClaimSchema, mutableFields: null, deletion: 'refuse' },
  // P-7.2: the access log is append-only: never edited, never deleted.
  accessLog: { schema: accessLogRecordSchema, mutableFields: [], deletion: 'refuse' },
  // A person's own saved views: they change and are deleted by their owner.
  caseViews: { schema: caseViewRecordSchema, mutableFields: null, deletion: 'allow' },
};

export function inboundRulesOf(collection: string): InboundRules {
  const rules = INBOUND_RULES[collection];
  if (!rules) throw new Error(`No inbound rules for the collection ${collection}`);
  return rules;
}
