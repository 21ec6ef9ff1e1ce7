/**
 * How many local changes of a collection the server has not accepted yet, decided the way the
 * replication's own upstream decides it: documents written after its upstream checkpoint whose
 * state differs from the server state it last saw (its "assumed master"). Documents the
 * replication itself wrote from the server are equal to that and do not count. Counted up to a
 * limit: the status only needs "12" or "1000+". Null while the replication has not started: the
 * count is unknown then, never 0 (that would let the status say "up to date" too early).
 */
import { getAssumedMasterState, getChangedDocumentsSince, writeDocToDocState } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

export const PENDING_COUNT_LIMIT = 1000;

export async function pendingChanges<C>(replication: RxReplicationState<unknown, C>): Promise<number | null> {
  const state = replication.internalReplicationState;
  if (!state || replication.isStopped()) return null;
  const checkpoint = state.lastCheckpointDoc['up']?.checkpointData;
  const { documents } = await getChangedDocumentsSince(state.input.forkInstance, PENDING_COUNT_LIMIT + 1, checkpoint);
  if (documents.length === 0) return 0;
  const idOf = (document: object) => String((document as Record<string, unknown>)[state.primaryPath]);
  const assumed = await getAssumedMasterState(state, documents.map(idOf));
  return documents.filter((document) => {
    const master = assumed[idOf(document)];
    return !master || !state.input.conflictHandler.isEqual(master.docData, writeDocToDocState(document, state.hasAttachments, false), 'plaint-pending-count');
  }).length;
}
