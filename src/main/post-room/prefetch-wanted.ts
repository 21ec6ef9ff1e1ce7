/**
 * Which files offline work needs (issue 19, prefetch): the scans and letters of the cases
 * assigned to the people who signed in on this device, and of their departments' open cases,
 * within what each of them may see (P-7.1: a restricted case only for those named on it), and
 * those cases' own files (issue 18: attached to the complaint, a note or a communication; a file
 * record whose owner is the case), by the same rule.
 * Files opened recently and letters logged here are the file cache's own (files/file-contents.ts).
 */
import type { MangoQuerySelector, RxCollection } from 'rxdb';
import type { StaffMember } from '../../shared/domain/records';
import type { CaseDocument } from '../domain/collections';
import type { FileRecord } from '../files/file-store';
import { visibleSelector } from '../domain/case-visibility';
import type { LetterDocument } from './letters-collection';

/** Up to this many cases their letters are asked for by case id. */
const ONE_QUERY_UP_TO = 200;

export interface PrefetchSources {
  readonly cases: RxCollection<CaseDocument>;
  readonly staff: RxCollection<StaffMember>;
  readonly letters: RxCollection<LetterDocument>;
  /** The file records (issue 18: a case's own files are owned by the case itself). */
  readonly files: RxCollection<FileRecord>;
}

export async function wantedFiles(sources: PrefetchSources, people: readonly string[]): Promise<string[]> {
  const members = [...(await sources.staff.findByIds([...people]).exec()).values()].filter((member) => member.active);
  const caseIds = new Set<string>();
  for (const member of members) {
    const viewer = { accountId: member.id, name: member.name, roles: [...member.roles], departments: [...member.departments] };
    const theirs: MangoQuerySelector<CaseDocument> = {
      $or: [
        { assigneeId: member.id },
        ...(member.departments.length > 0 ? [{ open: true, departments: { $in: [...member.departments] } } as MangoQuerySelector<CaseDocument>] : []),
      ],
    };
    const selector = visibleSelector(theirs, viewer);
    if (!selector) continue;
    for (const found of await sources.cases.find({ selector }).exec()) caseIds.add(found.id);
  }
  if (caseIds.size === 0) return [];
  // Letters have no case index: a few cases are one query; many are one pass over the letters,
  // never a pass per page of cases (an administrator assigned most of 100 000 cases).
  const selector: MangoQuerySelector<LetterDocument> = caseIds.size <= ONE_QUERY_UP_TO ? { caseId: { $in: [...caseIds] }, voided: false } : { voided: false };
  const letters = (await sources.letters.find({ selector }).exec()).filter((letter) => letter.caseId !== null && caseIds.has(letter.caseId));
  // Issue 18: the cases' own files, by the indexed owner for a few cases, one pass for many (as letters).
  const owned: MangoQuerySelector<FileRecord> = caseIds.size <= ONE_QUERY_UP_TO ? { ownerId: { $in: [...caseIds] } } : {};
  const caseFiles = (await sources.files.find({ selector: owned }).exec()).filter((file) => caseIds.has(file.ownerId));
  return [...letters.flatMap((letter) => letter.files.map((file) => file.id)), ...caseFiles.map((file) => file.id)];
}
