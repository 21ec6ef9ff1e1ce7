/**
 * Issue 14, subject access: applies the administrator's decisions to the bundle. An excluded entry
 * is left out and only listed (kind, id, reason); a redacted one keeps its kind and date and loses
 * its content. Every decision must name an entry of this export, or nothing is exported.
 *
 * A case's own fields are exported without the ones that are Plaint's bookkeeping (sort keys,
 * field versions, deadline indexes) or that name other people by account (`restrictedTo`) or as
 * third parties (`thirdParties`).
 *
 * Issue 18: a case's own files (attached to the complaint, a note or a communication) are exported
 * under their case, and each can be excluded with a reason like a letter's file (`file:<id>`).
 */
import { DomainError } from '../../shared/domain/domain-error';
import type { LetterLanguage } from '../../shared/domain/letters';
import type { TimelineEntry } from '../../shared/domain/records';
import type { WithheldCaseField, WithheldEntry, WithheldField, WithheldKind, WithholdAction } from '../../shared/domain/subject-access';
import type { CaseDocument } from '../domain/collections';
import type { FileRecord } from '../files/file-store';
import type { LetterDocument } from '../post-room/letters-collection';
import { entryText } from './entry-text';
import { letterDate, type SubjectAccessBundle } from './subject-access-bundle';

type CaseFields = Omit<
  CaseDocument,
  'fieldVersions' | 'complainantSortName' | 'nextDueAt' | 'nextWarnAt' | 'nextDeadlineKind' | 'assigneeId' | 'assigneeName' | 'restrictedTo' | 'thirdParties'
>;
/** A case as exported: a field the reviewer withheld is absent. */
export type ExportedCase = Omit<CaseFields, WithheldCaseField> & Partial<Pick<CaseFields, WithheldCaseField>>;

export type ExportedTimelineEntry =
  | {
      readonly id: string;
      readonly kind: TimelineEntry['kind'];
      readonly at: string;
      readonly by: string;
      readonly text: string;
      readonly data: TimelineEntry['data'];
    }
  | { readonly id: string; readonly kind: TimelineEntry['kind']; readonly at: string; readonly redacted: { readonly reason: string } };

export type ExportedLetter =
  | {
      readonly id: string;
      readonly direction: 'in' | 'out';
      readonly date: string;
      readonly caseReference: string | null;
      readonly record: Omit<LetterDocument, 'files'>;
      readonly files: readonly FileRecord[];
    }
  | {
      readonly id: string;
      readonly direction: 'in' | 'out';
      readonly date: string;
      readonly caseReference: string | null;
      readonly redacted: { readonly reason: string };
    };

export interface WithheldListing {
  /** 'case-field': a field of the case `id`, named in `field`, left out. */
  readonly kind: WithheldKind | 'case-field';
  readonly id: string;
  readonly field?: WithheldCaseField;
  readonly action: WithholdAction;
  readonly reason: string;
  /** The case or letter it belonged to, so the person can see where something was withheld. */
  readonly caseReference: string | null;
  readonly at: string;
}

export interface ExportContent {
  /** Each case with its timeline and its own files (issue 18), less those excluded. */
  readonly cases: readonly { readonly record: ExportedCase; readonly timeline: readonly ExportedTimelineEntry[]; readonly files: readonly FileRecord[] }[];
  readonly letters: readonly ExportedLetter[];
  /** The files to copy into the archive (the cases' own, then those of letters neither excluded nor redacted; less excluded files). */
  readonly files: readonly FileRecord[];
  readonly withheld: readonly WithheldListing[];
}

export function exportedCase(record: CaseDocument, withheldFields: ReadonlySet<WithheldCaseField> = new Set()): ExportedCase {
  const {
    fieldVersions: _versions,
    complainantSortName: _sort,
    nextDueAt: _due,
    nextWarnAt: _warn,
    nextDeadlineKind: _next,
    assigneeId: _assigneeId,
    assigneeName: _assigneeName,
    restrictedTo: _restrictedTo,
    thirdParties: _thirdParties,
    ...rest
  } = record;
  const { description, desiredOutcome, resolution, stage2Resolution, rootCauseNote, lessonsLearned, ...always } = rest;
  const shown = (field: WithheldCaseField) => !withheldFields.has(field);
  return {
    ...always,
    ...(shown('description') ? { description } : {}),
    ...(shown('desiredOutcome') ? { desiredOutcome } : {}),
    ...(shown('resolution') ? { resolution } : {}),
    ...(shown('stage2Resolution') ? { stage2Resolution } : {}),
    ...(shown('rootCauseNote') ? { rootCauseNote } : {}),
    ...(shown('lessonsLearned') ? { lessonsLearned } : {}),
  };
}

function unknownCase(index: number, entry: WithheldField): DomainError {
  const message = `The case ${entry.caseId} whose ${entry.field} is to be withheld is not part of this export.`;
  return new DomainError('VALIDATION_FAILED', message, [
    { path: `withheldFields.${index}.caseId`, code: 'subject_access_unknown_entry', message, params: { id: entry.caseId } },
  ]);
}

function unknownEntry(index: number, entry: WithheldEntry): DomainError {
  const message = `The ${entry.kind} ${entry.id} to withhold is not part of this export.`;
  return new DomainError('VALIDATION_FAILED', message, [
    { path: `withheld.${index}.id`, code: 'subject_access_unknown_entry', message, params: { id: entry.id } },
  ]);
}

/** What an excluded case file is called where its entry mentions it: never its name (P-7.2, issue 18). */
export const WITHHELD_FILE: Record<LetterLanguage, string> = { 'en-GB': 'A file withheld', lv: 'Neizpausts fails' };

/**
 * A timeline entry's data with its excluded files named only as withheld: a file's name can be
 * the very thing withheld (a neighbour's name, an address), so only its id (listed with the reason)
 * is kept.
 */
function withoutExcludedFiles(data: TimelineEntry['data'], excluded: (fileId: string) => boolean, language: LetterLanguage): TimelineEntry['data'] {
  const files = 'files' in data ? data.files : undefined;
  if (!files || !files.some((file) => excluded(file.id))) return data;
  return {
    ...data,
    files: files.map((file) => (excluded(file.id) ? { id: file.id, name: WITHHELD_FILE[language], withheld: true } : file)),
  } as TimelineEntry['data'];
}

export function applyWithholding(
  bundle: SubjectAccessBundle,
  decisions: readonly WithheldEntry[],
  fieldDecisions: readonly WithheldField[] = [],
  language: LetterLanguage = 'en-GB',
): ExportContent {
  const known = new Set<string>();
  for (const { timeline, files } of bundle.cases) {
    for (const entry of timeline) known.add(`timeline:${entry.id}`);
    for (const file of files) known.add(`file:${file.id}`);
  }
  for (const { record, files } of bundle.letters) {
    known.add(`letter:${record.id}`);
    for (const file of files) known.add(`file:${file.id}`);
  }
  decisions.forEach((decision, index) => {
    if (!known.has(`${decision.kind}:${decision.id}`)) throw unknownEntry(index, decision);
  });
  const caseIds = new Set(bundle.cases.map(({ record }) => record.id));
  fieldDecisions.forEach((decision, index) => {
    if (!caseIds.has(decision.caseId)) throw unknownCase(index, decision);
  });
  const decided = new Map(decisions.map((decision) => [`${decision.kind}:${decision.id}`, decision]));
  const withheld: WithheldListing[] = [];
  const listing = (decision: WithheldEntry, caseReference: string | null, at: string) =>
    withheld.push({ kind: decision.kind, id: decision.id, action: decision.action, reason: decision.reason, caseReference, at });

  const files: FileRecord[] = [];
  /** The files not excluded; each excluded one is listed against its case (or letter's case). */
  const keptFiles = (owned: readonly FileRecord[], caseReference: string | null): FileRecord[] => {
    const kept: FileRecord[] = [];
    for (const file of owned) {
      const fileDecision = decided.get(`file:${file.id}`);
      if (fileDecision) listing(fileDecision, caseReference, file.createdAt);
      else kept.push(file);
    }
    files.push(...kept);
    return kept;
  };

  const cases = bundle.cases.map(({ record, timeline, files: caseFiles }) => {
    const fields = fieldDecisions.filter((decision) => decision.caseId === record.id);
    for (const decision of fields)
      withheld.push({
        kind: 'case-field',
        id: record.id,
        field: decision.field,
        action: 'exclude',
        reason: decision.reason,
        caseReference: record.reference,
        at: record.receivedAt,
      });
    const entries: ExportedTimelineEntry[] = [];
    for (const entry of timeline) {
      const decision = decided.get(`timeline:${entry.id}`);
      if (decision) listing(decision, record.reference, entry.at);
      if (decision?.action === 'exclude') continue;
      const data = withoutExcludedFiles(entry.data, (fileId) => decided.get(`file:${fileId}`)?.action === 'exclude', language);
      entries.push(
        decision
          ? { id: entry.id, kind: entry.kind, at: entry.at, redacted: { reason: decision.reason } }
          : { id: entry.id, kind: entry.kind, at: entry.at, by: entry.by.name, text: entryText(entry), data },
      );
    }
    return {
      record: exportedCase(record, new Set(fields.map((decision) => decision.field))),
      timeline: entries,
      files: keptFiles(caseFiles, record.reference),
    };
  });

  const letters: ExportedLetter[] = [];
  for (const { record, files: letterFiles } of bundle.letters) {
    const decision = decided.get(`letter:${record.id}`);
    const head = { id: record.id, direction: record.direction, date: letterDate(record), caseReference: record.caseReference };
    if (decision) {
      listing(decision, record.caseReference, head.date);
      if (decision.action === 'redact') letters.push({ ...head, redacted: { reason: decision.reason } });
      continue;
    }
    const { files: _files, ...rest } = record;
    letters.push({ ...head, record: rest, files: keptFiles(letterFiles, record.caseReference) });
  }
  return { cases, letters, files, withheld };
}
