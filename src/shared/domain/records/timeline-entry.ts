/** A case timeline entry as stored and replicated (domain/collections.ts): append-only. */
import { z } from 'zod';
import { DEADLINE_KINDS } from '../../sla';
import { CONTACT_FIELDS, CONTACT_SOURCES } from '../contact-update';
import { CORRESPONDENCE_DECISIONS } from '../correspondence';
import { MAX_ATTACHMENTS } from '../inputs';
import { CASE_STATUSES, COMMUNICATION_CHANNELS, DIRECTIONS, THIRD_PARTY_KINDS } from '../vocabulary';
import { extension } from './case-record';
import { id, instant, staffRef } from './common';

/** Issue 18: a file attached to a complaint, note or communication: a case file, opened like a scan. */
const caseFileRef = z.object({ id, name: z.string().max(255), mimeType: z.string().max(100), size: z.number().int().min(0) });
export type CaseFileRef = z.infer<typeof caseFileRef>;
/** At most as many as one upload may carry (inputs.ts). */
const caseFiles = z.array(caseFileRef).max(MAX_ATTACHMENTS);

const communicationData = z.object({
  direction: z.enum(DIRECTIONS),
  channel: z.enum(COMMUNICATION_CHANNELS),
  /** As written, or for messages Plaint wrote itself, the English text (search, export). */
  summary: z.string(),
  /** Set for messages Plaint wrote itself (a GeneratedMessage key), so each language can show its own words. */
  generated: z.object({ key: z.string(), params: z.record(z.string(), z.string()) }).optional(),
  letterId: z.string().optional(),
  /** Issue 18: correspondence that arrived about the case (post, later e-mail); on a closed case it needs a decision. */
  arrived: z.object({ closedCase: z.boolean() }).optional(),
  /** Issue 18: files (photos, PDFs) that came with it, stored as case files under the scans' checks. */
  files: caseFiles.optional(),
});
const conflictingEdit = z.object({ value: z.unknown(), at: instant, by: staffRef });

/** `at`: when it happened (may be in the past: logging yesterday's call); `recordedAt`: when it was recorded in Plaint; `order`: its position within the write that recorded it (orders entries with the same times). */
const timelineBase = { id, caseId: id, at: instant, recordedAt: instant, order: z.number().int().min(0).max(1000), by: staffRef };
/** Issue 14 (P-7.2): an entry of an anonymised case has its free text removed and says so with `redacted: true`. */
const redactable = { redacted: z.literal(true).optional() };
const entry = <K extends string, S extends z.ZodRawShape>(kind: K, data: z.ZodObject<S>) =>
  z.object({ ...timelineBase, kind: z.literal(kind), data: data.extend(redactable) });

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  entry('communication', communicationData),
  entry('note', z.object({ text: z.string(), files: caseFiles.optional() })),
  entry('inquiry', z.object({ inquiryId: id, partyKind: z.enum(THIRD_PARTY_KINDS), partyName: z.string(), question: z.string(), dueAt: instant.nullable() })),
  entry('inquiry-response', z.object({ inquiryId: id, partyName: z.string(), response: z.string() })),
  entry('extension', extension.omit({ grantedAt: true })),
  entry('extension-notice', z.object({ extensionId: id, channel: z.enum(COMMUNICATION_CHANNELS) })),
  entry(
    'transition',
    z.object({
      action: z.string(),
      from: z.enum(CASE_STATUSES).nullable(),
      to: z.enum(CASE_STATUSES),
      fromStage: z.union([z.literal(1), z.literal(2)]),
      toStage: z.union([z.literal(1), z.literal(2)]),
      details: z.string(),
    }),
  ),
  entry('external-signposting', z.object({ to: z.string() })),
  entry('external-referral', z.object({ to: z.string(), outcome: z.string() })),
  entry('audit', z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  entry('conflict', z.object({ field: z.string(), kept: conflictingEdit, discarded: conflictingEdit, rule: z.literal('later-edit') })),
  entry(
    'deadlines-moved',
    z.object({
      because: z.enum(['calendar', 'slaPolicy']),
      moved: z.array(z.object({ deadline: z.enum(DEADLINE_KINDS), from: instant, to: instant })),
      changes: z.array(
        z.union([
          z.object({
            setting: z.enum(['closures', 'extraWorkingDays']),
            added: z.array(z.string()),
            removed: z.array(z.string()),
            notes: z.record(z.string(), z.string()),
          }),
          z.object({ setting: z.string(), before: z.unknown(), after: z.unknown() }),
        ]),
      ),
    }),
  ),
  entry('restriction', z.object({ restricted: z.boolean(), people: z.array(staffRef), reason: z.string() })),
  entry('correspondence-decision', z.object({ entryId: id, decision: z.enum(CORRESPONDENCE_DECISIONS), reason: z.string() })),
  entry('case-link', z.object({ linked: z.boolean(), otherCaseId: z.string(), otherReference: z.string() })),
  entry('contact-update', z.object({ fields: z.array(z.enum(CONTACT_FIELDS)).min(1).max(CONTACT_FIELDS.length), source: z.enum(CONTACT_SOURCES) })),
]);
