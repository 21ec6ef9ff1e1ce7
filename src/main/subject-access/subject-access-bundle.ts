/**
 * Issue 14, subject access: everything held about the cases and letters an administrator confirmed
 * are one person's: each case with its whole timeline, the letters filed on those cases and the
 * letters selected on their own, and each letter's files (scans, generated PDFs). Issue 18: each
 * case's own files too (attached to a complaint that did not come by post, a note or a
 * communication; stored with the case as owner), so none is missing from the export (P-7.2).
 *
 * Need-to-know holds (P-7.1): a case the viewer may not open in full is refused, and so is a
 * letter filed on one. An id that names nothing is refused too; nothing is read half.
 */
import type { RxCollection } from 'rxdb';
import { DomainError } from '../../shared/domain/domain-error';
import type { TimelineEntry } from '../../shared/domain/records';
import { caseAccess } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import type { CaseDocument } from '../domain/collections';
import type { FileRecord, FileStore } from '../files/file-store';
import type { LetterDocument } from '../post-room/letters-collection';
import type { PeopleSearchSources } from './people-search';

export interface SubjectAccessSources extends PeopleSearchSources {
  readonly timeline: RxCollection<TimelineEntry>;
  readonly files: FileStore;
}

export interface BundledCase {
  readonly record: CaseDocument;
  readonly timeline: readonly TimelineEntry[];
  /** Issue 18: the case's own files (not its letters' scans). */
  readonly files: readonly FileRecord[];
}

export interface BundledLetter {
  readonly record: LetterDocument;
  readonly files: readonly FileRecord[];
}

export interface SubjectAccessBundle {
  readonly cases: readonly BundledCase[];
  readonly letters: readonly BundledLetter[];
}

export interface SubjectAccessSelection {
  readonly caseIds: readonly string[];
  readonly letterIds: readonly string[];
}

function refused(path: string, code: 'not_found' | 'case_not_visible', message: string): DomainError {
  return new DomainError(code === 'not_found' ? 'NOT_FOUND' : 'FORBIDDEN', message, [{ path, code, message }]);
}

function byTime(a: TimelineEntry, b: TimelineEntry): number {
  return a.at.localeCompare(b.at) || a.recordedAt.localeCompare(b.recordedAt) || a.order - b.order;
}

export function letterDate(letter: LetterDocument): string {
  return letter.receivedOn ?? letter.letterDate ?? letter.loggedAt;
}

function byCreation(a: FileRecord, b: FileRecord): number {
  return a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name);
}

export async function collectBundle(sources: SubjectAccessSources, selection: SubjectAccessSelection, viewer: Viewer): Promise<SubjectAccessBundle> {
  const caseIds = [...new Set(selection.caseIds)];
  const cases: BundledCase[] = [];
  for (const [index, caseId] of caseIds.entries()) {
    const found = await sources.cases.findOne(caseId).exec();
    if (!found) throw refused(`caseIds.${index}`, 'not_found', `Case ${caseId} does not exist.`);
    const record = found.toJSON() as CaseDocument;
    if (caseAccess(viewer, record) !== 'full') throw refused(`caseIds.${index}`, 'case_not_visible', `You may not see case ${caseId} (need-to-know, P-7.1).`);
    const entries = await sources.timeline.find({ selector: { caseId } }).exec();
    const files = (await sources.files.listFor(caseId)).sort(byCreation);
    cases.push({ record, timeline: entries.map((entry) => entry.toJSON() as TimelineEntry).sort(byTime), files });
  }

  const letters = new Map<string, LetterDocument>();
  if (caseIds.length > 0) {
    for (const found of await sources.letters.find({ selector: { caseId: { $in: caseIds } } }).exec()) letters.set(found.id, found.toJSON() as LetterDocument);
  }
  for (const [index, letterId] of [...new Set(selection.letterIds)].entries()) {
    if (letters.has(letterId)) continue;
    const found = await sources.letters.findOne(letterId).exec();
    if (!found) throw refused(`letterIds.${index}`, 'not_found', `Letter ${letterId} does not exist.`);
    const letter = found.toJSON() as LetterDocument;
    if (letter.caseId !== null) {
      // A letter filed on a case is seen only with its case (P-7.1).
      const onCase = await sources.cases.findOne(letter.caseId).exec();
      if (!onCase || caseAccess(viewer, onCase.toJSON() as CaseDocument) !== 'full')
        throw refused(`letterIds.${index}`, 'case_not_visible', `You may not see the case letter ${letterId} is filed on (P-7.1).`);
    }
    letters.set(letter.id, letter);
  }
  const bundledLetters: BundledLetter[] = [];
  for (const letter of [...letters.values()].sort((a, b) => letterDate(a).localeCompare(letterDate(b)) || a.loggedAt.localeCompare(b.loggedAt))) {
    const files = (await sources.files.listFor(letter.id)).sort(byCreation);
    bundledLetters.push({ record: letter, files });
  }
  cases.sort((a, b) => a.record.receivedAt.localeCompare(b.record.receivedAt));
  return { cases, letters: bundledLetters };
}
