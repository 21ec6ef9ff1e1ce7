/**
 * Issue 14 (P-7.2): plans the anonymisation of cases and the erasure of letters as one change set
 * (database/change-set.ts): every case, its timeline, its letters, their scans and PDFs, and this
 * device's notifications about it are written in one transaction, or nothing is.
 */
import type { RxCollection } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import type { ErasureCounts } from '../../shared/domain/retention';
import type { StaffRef, TimelineEntry } from '../../shared/domain/records';
import type { ChangeSet } from '../database/change-set';
import { causalTime, newestStamp } from '../domain/case-field-groups';
import type { CaseDocument, DomainDatabase } from '../domain/collections';
import type { FileCollections } from '../files/file-store';
import type { StoredNotification } from '../notifier/notification-store';
import type { LetterDocument } from '../post-room/letters-collection';
import { anonymisedCase, anonymiseNow, erasedChunk, erasedFile, erasedLetter, isAnonymised, redactedEntry } from './redaction';

export interface ErasureStores {
  readonly db: Pick<DomainDatabase, 'cases' | 'timeline' | 'settings'>;
  readonly letters: RxCollection<LetterDocument>;
  readonly files: FileCollections;
  /** This device's notification centre (its texts name complainants). */
  readonly notifications: RxCollection<StoredNotification> | null;
}

type Stored = '_meta' | '_rev' | '_deleted' | '_attachments';

function plainOf<T>(json: T & Partial<Record<Stored, unknown>>): T {
  const { _meta, _rev, _deleted, _attachments, ...rest } = json;
  return rest as T;
}

/** Adds the erasure of the given cases (found) and letters to `changes`; returns what it changes. */
export async function planErasure(
  stores: ErasureStores,
  changes: ChangeSet,
  caseIds: readonly string[],
  letterIds: readonly string[],
  actor: StaffRef,
  now: string,
): Promise<ErasureCounts> {
  let counted = { cases: 0, timelineEntries: 0, letters: 0, files: 0 };
  for (const stored of await stores.db.cases
    .findByIds([...caseIds])
    .exec()
    .then((found) => [...found.values()])) {
    const before = plainOf<CaseDocument>(stored.toMutableJSON(true));
    // Already anonymised (a sweep, or a second erasure): nothing more to change in the case.
    if (isAnonymised(before) && deepEqual(anonymisedCase(before, { at: now, by: actor }), before)) continue;
    const next = anonymiseNow(before, { at: causalTime(newestStamp(before), now), by: actor });
    changes.update(stores.db.cases, stored, next);
    counted = { ...counted, cases: counted.cases + 1 };
  }
  if (caseIds.length > 0) {
    for (const stored of await stores.db.timeline.find({ selector: { caseId: { $in: [...caseIds] } } }).exec()) {
      const entry = plainOf<TimelineEntry>(stored.toMutableJSON(true));
      const next = redactedEntry(entry);
      if (deepEqual(next, entry)) continue;
      changes.update<TimelineEntry>(stores.db.timeline, stored, next);
      counted = { ...counted, timelineEntries: counted.timelineEntries + 1 };
    }
  }
  const onCases = caseIds.length > 0 ? await stores.letters.find({ selector: { caseId: { $in: [...caseIds] } } }).exec() : [];
  const chosen = letterIds.length > 0 ? [...(await stores.letters.findByIds([...letterIds]).exec()).values()] : [];
  const letters = new Map([...onCases, ...chosen].map((letter) => [letter.id, letter]));
  for (const stored of letters.values()) {
    const letter = plainOf<LetterDocument>(stored.toMutableJSON(true));
    const next = erasedLetter(letter);
    if (!deepEqual(next, letter)) {
      changes.update(stores.letters, stored, next);
      counted = { ...counted, letters: counted.letters + 1 };
    }
    counted = { ...counted, files: counted.files + (await planFileErasure(stores.files, changes, letter.id)) };
  }
  // Issue 18: files attached to the case itself (a complaint, note or communication) are owned by the case.
  for (const caseId of caseIds) counted = { ...counted, files: counted.files + (await planFileErasure(stores.files, changes, caseId)) };
  if (stores.notifications && caseIds.length > 0) {
    for (const stored of await stores.notifications.find().exec()) {
      if (!stored.caseIds.some((caseId) => caseIds.includes(caseId))) continue;
      const notification = plainOf<StoredNotification>(stored.toMutableJSON(true));
      if (notification.body !== '' || notification.title !== '') changes.update(stores.notifications, stored, { ...notification, title: '', body: '' });
    }
  }
  return counted;
}

/** Empties every file of an owner (a letter's scans and PDFs) and its chunks; returns how many files changed. */
async function planFileErasure(files: FileCollections, changes: ChangeSet, ownerId: string): Promise<number> {
  let changed = 0;
  for (const stored of await files.files.find({ selector: { ownerId } }).exec()) {
    const record = plainOf(stored.toMutableJSON(true));
    const next = erasedFile(record);
    let touched = !deepEqual(next, record);
    if (touched) changes.update(files.files, stored, next);
    for (const chunk of await files.fileChunks.find({ selector: { fileId: record.id } }).exec()) {
      if (chunk.data === '') continue;
      changes.update(files.fileChunks, chunk, erasedChunk(plainOf(chunk.toMutableJSON(true))));
      touched = true;
    }
    if (touched) changed += 1;
  }
  return changed;
}
