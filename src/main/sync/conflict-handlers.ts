/**
 * RxDB conflict handlers: what a device does when its change reaches the server after another
 * device changed the same document (the push finds a different server state than the one this
 * device last saw). Each shared collection has its stated policy (merge/*.ts); the resolved
 * document is written locally and pushed again, so every device converges on it.
 *
 * A case conflict also records, for each field group edited on both sides, the kept and the
 * discarded edit as a `conflict` entry in the case's timeline. The entry's id is derived from
 * the conflict itself, so resolving the same conflict again (a retry after a crash) adds nothing.
 */
import crypto from 'node:crypto';
import { defaultConflictHandler, deepEqual, type RxConflictHandler, type RxConflictHandlerInput, type RxDatabase, type WithDeleted } from 'rxdb';
import type { StaffRef, TimelineEntry } from '../../shared/domain/records';
import { withDerivedFields } from '../domain/case-derivation';
import type { Clock } from '../domain/clock';
import { laterSavedView, type CaseViewDocument } from '../domain/case-views/case-views-collection';
import { collectionOf } from '../database/collection-of';
import type { CaseDocument, ConflictHandlerFor, SettingsDocument } from '../domain/collections';
import { SettingsService } from '../domain/settings-service';
import type { LetterDocument } from '../post-room/letters-collection';
import type { StaffMember } from '../../shared/domain/records';
import { mergeCasesKeepingErasure, mergeLettersKeepingErasure } from './merge/erasure-merge';
import type { Edit } from './merge/edits';
import { earliestClaim, mergeStaff, type DeviceCodeClaim } from './merge/record-merge';
import { mergeSettings } from './merge/settings-merge';

/** The author of entries that sync itself writes. */
export const SYNC_ACTOR: StaffRef = { id: 'plaint-sync', name: 'Sync' };

/** The document without RxDB's bookkeeping, as the merges see it. */
function plain<T>(document: WithDeleted<T>): T {
  const { _deleted, _attachments, _meta, _rev, ...rest } = document as WithDeleted<T> & { _attachments?: unknown; _meta?: unknown; _rev?: unknown };
  return rest as T;
}

/**
 * A document deleted on one side and not on the other: the deletion stands if the other side did
 * not change the document since they last agreed; otherwise the edit survives (no lost updates).
 */
function resolveDeletion<T>(input: RxConflictHandlerInput<T>): WithDeleted<T> | null {
  const { assumedMasterState: base, realMasterState: server, newDocumentState: local } = input;
  if (!local._deleted && !server._deleted) return null;
  if (local._deleted && server._deleted) return server;
  const [deleted, kept] = local._deleted ? [local, server] : [server, local];
  if (base && deepEqual(plain(kept), plain(base))) return deleted;
  return { ...kept, _deleted: false };
}

function conflictEntryId(caseId: string, field: string, kept: Edit, discarded: Edit): string {
  const hash = crypto
    .createHash('sha256')
    .update(JSON.stringify([caseId, field, kept, discarded]))
    .digest('hex');
  return `conflict-${hash.slice(0, 40)}`;
}

async function recordConflicts(database: RxDatabase, conflicts: readonly { caseId: string; field: string; kept: Edit; discarded: Edit }[]): Promise<void> {
  if (conflicts.length === 0) return;
  const entries = conflicts.map((conflict, order): TimelineEntry => {
    const at = conflict.kept.at > conflict.discarded.at ? conflict.kept.at : conflict.discarded.at;
    return {
      id: conflictEntryId(conflict.caseId, conflict.field, conflict.kept, conflict.discarded),
      caseId: conflict.caseId,
      kind: 'conflict',
      at,
      recordedAt: at,
      order,
      by: SYNC_ACTOR,
      data: { field: conflict.field, kept: conflict.kept, discarded: conflict.discarded, rule: 'later-edit' },
    };
  });
  const result = await collectionOf<TimelineEntry>(database, 'timeline').bulkInsert(entries);
  // 409: recorded by an earlier run of this same resolution.
  const failed = result.error.find((error) => error.status !== 409);
  if (failed) throw new Error(`Could not record a sync conflict in the timeline (status ${failed.status})`);
}

/** Deletions first (resolveDeletion); otherwise the collection's merge of (base, local, server). */
function resolveMerged<T>(input: RxConflictHandlerInput<T>, merge: (base: T | undefined, local: T, server: T) => Promise<T> | T): Promise<WithDeleted<T>> {
  const deletion = resolveDeletion(input);
  if (deletion) return Promise.resolve(deletion);
  const base = input.assumedMasterState && !input.assumedMasterState._deleted ? plain(input.assumedMasterState) : undefined;
  return Promise.resolve(merge(base, plain(input.newDocumentState), plain(input.realMasterState))).then(
    (merged) => ({ ...merged, _deleted: false }) as WithDeleted<T>,
  );
}

function caseHandler(database: RxDatabase, clock: Clock): RxConflictHandler<CaseDocument> {
  let settings: SettingsService | null = null;
  return {
    isEqual: defaultConflictHandler.isEqual,
    resolve: (input) =>
      resolveMerged<CaseDocument>(input, async (base, local, server) => {
        // Issue 14 (P-7.2): an anonymised case stays anonymised, and no conflict record keeps a value.
        const { merged, conflicts } = mergeCasesKeepingErasure(base, local, server);
        settings ??= new SettingsService({ settings: collectionOf<SettingsDocument>(database, 'settings') }, clock);
        const [{ slaPolicy }, calendar] = await Promise.all([settings.values(), settings.calendar()]);
        await recordConflicts(
          database,
          conflicts.map((conflict) => ({ caseId: conflict.caseId, field: conflict.group, kept: conflict.kept, discarded: conflict.discarded })),
        );
        return withDerivedFields(merged, calendar, slaPolicy);
      }),
  };
}

function letterHandler(database: RxDatabase): RxConflictHandler<LetterDocument> {
  return {
    isEqual: defaultConflictHandler.isEqual,
    resolve: (input) =>
      resolveMerged<LetterDocument>(input, async (base, local, server) => {
        // Issue 14: a letter erased on either side stays erased (and no conflict record keeps its posting).
        const { merged, conflict } = mergeLettersKeepingErasure(base, local, server);
        if (conflict && merged.caseId) await recordConflicts(database, [{ caseId: merged.caseId, field: `letter ${merged.id} posting`, ...conflict }]);
        return merged;
      }),
  };
}

/** A handler from a pure merge of (base, local, server). */
function mergingHandler<T>(merge: (base: T | undefined, local: T, server: T) => T): RxConflictHandler<T> {
  return { isEqual: defaultConflictHandler.isEqual, resolve: (input) => resolveMerged(input, merge) };
}

/** Written once, never edited: both sides hold the same document, so the server's copy is kept. */
const writeOnce: RxConflictHandler<unknown> = { isEqual: defaultConflictHandler.isEqual, resolve: (input) => Promise.resolve(input.realMasterState) };

/** The conflict handler of each shared collection of this database; the clock is the profile's (tests move it). */
export function conflictHandlersFor(database: RxDatabase, clock: Clock): ConflictHandlerFor {
  const handlers: Record<string, () => RxConflictHandler<unknown>> = {
    cases: () => caseHandler(database, clock) as RxConflictHandler<unknown>,
    letters: () => letterHandler(database) as RxConflictHandler<unknown>,
    settings: () => mergingHandler<SettingsDocument>(mergeSettings) as RxConflictHandler<unknown>,
    staff: () => mergingHandler<StaffMember>(mergeStaff) as RxConflictHandler<unknown>,
    deviceCodes: () => mergingHandler<DeviceCodeClaim>((_base, local, server) => earliestClaim(local, server)) as RxConflictHandler<unknown>,
    timeline: () => writeOnce,
    files: () => writeOnce,
    fileChunks: () => writeOnce,
    accessLog: () => writeOnce,
    caseViews: () => mergingHandler<CaseViewDocument>(laterSavedView) as RxConflictHandler<unknown>,
  };
  return <T>(collection: string) => handlers[collection]?.() as RxConflictHandler<T> | undefined;
}
