/**
 * Issue 14 (P-7.2): the anonymised form of each kind of record. Pure and idempotent: the same
 * record is anonymised to the same document on every device, and anonymising it again changes
 * nothing. That is what lets sync tell an erasure from a forged rewrite of a record written once
 * (sync/inbound): a rewrite is accepted only when it is exactly the erased form of this device's copy.
 *
 * Removed: the complainant's details, every free text that can name or describe a person (summary,
 * description, desired outcome, notes, communications, questions and answers, reasons, audit
 * values, conflict values), letters' parties and texts, and the content of scans and PDFs.
 * Kept, so reports keep their counts (P-5.1, P-5.2): type, product, channel, dates, clock and
 * deadlines, status and outcome, redress kinds and amounts, root cause and lessons learned,
 * departments, assignee and every staff reference, third parties by kind, and the timeline's shape.
 */
import { deepEqual } from 'rxdb/plugins/utils';
import type { Resolution, TimelineEntry } from '../../shared/domain/records';
import { TIMELINE_KINDS } from '../../shared/domain/vocabulary';
import type { CaseDocument } from '../domain/collections';
import type { FieldVersion } from '../domain/field-versions';
import { stampChangedGroups } from '../domain/case-field-groups';
import { EMPTY_FILE_SHA256 } from '../files/emptied-file';
import type { FileChunk, FileRecord } from '../files/file-store';
import type { LetterDocument } from '../post-room/letters-collection';

/** Where a case records its anonymisation: a field version (when, by whom), so no schema changes and sync carries it. */
export const ANONYMISED_MARK = 'anonymised';
/** What an anonymised case shows for its complainant and summary (both are required). */
export const ANONYMISED_TEXT = 'Anonymised';
export { EMPTY_FILE_SHA256 };

export function anonymisationOf(record: Pick<CaseDocument, 'fieldVersions'>): FieldVersion | null {
  return record.fieldVersions?.[ANONYMISED_MARK] ?? null;
}

export function isAnonymised(record: Pick<CaseDocument, 'fieldVersions'>): boolean {
  return anonymisationOf(record) !== null;
}

/** Of two anonymisations, the earlier (then the greater staff id): both devices keep the same one. */
export function firstAnonymisation(a: FieldVersion | null, b: FieldVersion | null): FieldVersion | null {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at < b.at ? a : b;
  return a.by.id >= b.by.id ? a : b;
}

function blankResolution(resolution: Resolution | null): Resolution | null {
  return resolution ? { ...resolution, summary: '', redress: resolution.redress.map((redress) => ({ ...redress, description: '' })) } : null;
}

/** The case without personal data, marked as anonymised (the first marker it carries stays). */
export function anonymisedCase(record: CaseDocument, version: FieldVersion): CaseDocument {
  const { complainant } = record;
  return {
    ...record,
    complainant: {
      kind: complainant.kind,
      name: ANONYMISED_TEXT,
      email: '',
      phone: '',
      address: null,
      preferredChannel: complainant.preferredChannel,
      customerNumber: '',
      orderNumber: '',
    },
    complainantSortName: ANONYMISED_TEXT.toLowerCase(),
    summary: ANONYMISED_TEXT,
    description: '',
    desiredOutcome: '',
    resolution: blankResolution(record.resolution),
    stage2Resolution: blankResolution(record.stage2Resolution),
    escalation: record.escalation ? { ...record.escalation, reason: '' } : null,
    externalReferral: record.externalReferral ? { ...record.externalReferral, outcome: record.externalReferral.outcome === null ? null : '' } : null,
    extensions: record.extensions.map((extension) => ({ ...extension, reason: '' })),
    // The structured root cause stays for reports (P-5.3); the note beside it is free text.
    rootCauseNote: '',
    fieldVersions: { ...record.fieldVersions, [ANONYMISED_MARK]: anonymisationOf(record) ?? version },
  };
}

/**
 * The case as this device anonymises it now: every group the anonymisation changed is stamped
 * with this change (sync's merge order, case-field-groups.ts), and the case carries the marker.
 */
export function anonymiseNow(before: CaseDocument, version: FieldVersion): CaseDocument {
  const after = anonymisedCase(before, version);
  const stamped = stampChangedGroups(before, after, version);
  return {
    ...stamped,
    fieldVersions: { ...stamped.fieldVersions, [ANONYMISED_MARK]: anonymisationOf(after) ?? version },
    updatedAt: version.at,
    updatedBy: version.by,
  };
}

export const REDACTED_FLAG = 'redacted';

/** The entry without its free text; `data.redacted` marks it (the server guard reads it). */
export function redactedEntry(entry: TimelineEntry): TimelineEntry {
  const redacted = true as const;
  switch (entry.kind) {
    case 'communication': {
      const { generated, files, ...data } = entry.data;
      // Issue 18: attached files keep their place (their content is emptied with the case's files), not their names.
      const namelessFiles = files?.map((file) => ({ ...file, name: '' }));
      return {
        ...entry,
        data: {
          ...data,
          summary: '',
          ...(generated ? { generated: { key: generated.key, params: {} } } : {}),
          ...(namelessFiles ? { files: namelessFiles } : {}),
          redacted,
        },
      };
    }
    case 'note':
      return { ...entry, data: { text: '', redacted } };
    case 'inquiry':
      return { ...entry, data: { ...entry.data, question: '', redacted } };
    case 'inquiry-response':
      return { ...entry, data: { ...entry.data, response: '', redacted } };
    case 'extension':
      return { ...entry, data: { ...entry.data, reason: '', redacted } };
    case 'transition':
      return { ...entry, data: { ...entry.data, details: '', redacted } };
    case 'external-referral':
      return { ...entry, data: { ...entry.data, outcome: '', redacted } };
    case 'audit':
      return { ...entry, data: { ...entry.data, before: null, after: null, redacted } };
    case 'conflict':
      return { ...entry, data: { ...entry.data, kept: { ...entry.data.kept, value: null }, discarded: { ...entry.data.discarded, value: null }, redacted } };
    case 'restriction':
      return { ...entry, data: { ...entry.data, reason: '', redacted } };
    case 'external-signposting':
      return { ...entry, data: { ...entry.data, redacted } };
    case 'extension-notice':
      return { ...entry, data: { ...entry.data, redacted } };
    case 'deadlines-moved':
      return { ...entry, data: { ...entry.data, redacted } };
    case 'correspondence-decision':
      return { ...entry, data: { ...entry.data, reason: '', redacted } };
    case 'case-link':
      return { ...entry, data: { ...entry.data, redacted } };
    case 'contact-update':
      return { ...entry, data: { ...entry.data, redacted } };
  }
}

export function isRedactedEntry(entry: TimelineEntry): boolean {
  return entry.data.redacted === true;
}

/** The letter as a bare register line: direction, dates, kind, template, posting; no party, text or scans. */
export function erasedLetter(letter: LetterDocument): LetterDocument {
  return {
    ...letter,
    party: { name: '', addressLines: [], postcode: '', country: letter.party.country },
    referenceQuoted: '',
    routedTo: '',
    note: '',
    summary: '',
    files: [],
    text: '',
    // Issue 17: a letter sent by e-mail keeps when it went, not the person's address.
    posting: letter.posting
      ? {
          ...letter.posting,
          trackingNumber: '',
          ...(letter.posting.email
            ? { email: { ...letter.posting.email, to: '', ...(letter.posting.email.bounce ? { bounce: { ...letter.posting.email.bounce, reason: '' } } : {}) } }
            : {}),
        }
      : null,
  };
}

/** A letter that was erased: no party (every letter Plaint logs or writes names one), and nothing left to erase. */
export function isErasedLetter(letter: LetterDocument): boolean {
  return letter.party.name === '' && deepEqual(erasedLetter(letter), letter);
}

/** A file with no content: its chunks are emptied (erasedChunk) and its record says 0 bytes. */
export function erasedFile(file: FileRecord): FileRecord {
  return { ...file, name: '', mimeType: '', size: 0, sha256: EMPTY_FILE_SHA256 };
}

export function erasedChunk(chunk: FileChunk): FileChunk {
  return { ...chunk, data: '' };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Stored records of this shape passed their collection's schema; these guards only pick the erasure that fits. */
function isTimelineEntry(document: Record<string, unknown>): document is Record<string, unknown> & TimelineEntry {
  return typeof document['kind'] === 'string' && (TIMELINE_KINDS as readonly string[]).includes(document['kind']) && isObject(document['data']);
}
function isLetter(document: Record<string, unknown>): document is Record<string, unknown> & LetterDocument {
  return isObject(document['party']) && Array.isArray(document['files']) && typeof document['text'] === 'string';
}
function isFileRecord(document: Record<string, unknown>): document is Record<string, unknown> & FileRecord {
  return typeof document['sha256'] === 'string' && typeof document['ownerId'] === 'string';
}
function isFileChunk(document: Record<string, unknown>): document is Record<string, unknown> & FileChunk {
  return typeof document['fileId'] === 'string' && typeof document['data'] === 'string';
}

/**
 * The erased form of a record written once, per shared collection, for sync's inbound check: a
 * rewrite equal to the erased form of this device's copy is an erasure (null: none fits).
 */
export const ERASED_FORMS: Readonly<Record<string, (document: Record<string, unknown>) => Record<string, unknown> | null>> = {
  timeline: (document) => (isTimelineEntry(document) ? { ...document, ...redactedEntry(document) } : null),
  letters: (document) => (isLetter(document) ? { ...document, ...erasedLetter(document) } : null),
  files: (document) => (isFileRecord(document) ? { ...document, ...erasedFile(document) } : null),
  fileChunks: (document) => (isFileChunk(document) ? { ...document, ...erasedChunk(document) } : null),
};
