/**
 * The push side of a collection's replication, modelled on RxDB's CouchDB plugin: read the
 * server's copies of the documents to send, write those the server holds in the state this
 * device last saw (or lacks), and hand the others back to RxDB as conflicts for the collection's
 * conflict handler.
 *
 * Differences, all deliberate:
 * - a server copy that is already the same as this device's counts as sent (after a restore,
 *   re-sending everything costs one read, not a conflict per document);
 * - a server copy that breaks the record rules, or a record written once that the server holds
 *   in another version than the one this device and the server last agreed on, is not a
 *   conflict to merge: it is refused (quarantined) and this device's copy goes over it;
 * - a document the server refuses (403, 413, a validation function) is an error naming the
 *   document, retried with back-off and shown in the status; it is never dropped.
 */
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';
import type { InboundGate } from '../inbound/inbound-gate';
import { ensureOk } from './couch-pull';
import { allDocsSchema, BadAnswerError, bulkDocsSchema, readAnswer, toCouch, type AllDocsRow } from './couch-protocol';

export interface PushTarget {
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly gate: InboundGate;
  readonly primaryPath: string;
  /** Written documents, with their new server revision (restore detection keeps the last). */
  readonly onWritten: (written: { id: string; rev: string }) => void;
}

/** The server refused a document (not a conflict): the name and reason, never its content. */
export class PushRefusedError extends Error {
  constructor(
    readonly documentId: string,
    readonly reason: string,
  ) {
    super(`The server refused document ${documentId}: ${reason}`);
    this.name = 'PushRefusedError';
  }
}

function content(document: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => key === '_deleted' || !key.startsWith('_')));
}

export function sameContent(a: object, b: object): boolean {
  return deepEqual(content({ _deleted: false, ...a }), content({ _deleted: false, ...b }));
}

const json = { 'content-type': 'application/json' };

async function serverCopies(target: PushTarget, ids: readonly string[]): Promise<Map<string, AllDocsRow>> {
  const response = await target.fetch(`${target.url}_all_docs`, { method: 'POST', headers: json, body: JSON.stringify({ keys: ids, include_docs: true }) });
  const answer = await readAnswer(ensureOk(response, '_all_docs'), allDocsSchema, '_all_docs');
  return new Map(answer.rows.filter((row) => !row.error && row.value).map((row) => [row.key, row]));
}

export function pushHandler(target: PushTarget) {
  const idOf = (document: WithDeleted<unknown>) => String((document as Record<string, unknown>)[target.primaryPath]);

  /** What to write for each row, and which rows are conflicts (the server copy, for the handler). */
  async function plan(
    rows: readonly RxReplicationWriteToMasterRow<unknown>[],
  ): Promise<{ writes: Record<string, unknown>[]; conflicts: WithDeleted<unknown>[] }> {
    const server = await serverCopies(
      target,
      rows.map((row) => idOf(row.newDocumentState)),
    );
    const writes: Record<string, unknown>[] = [];
    const conflicts: WithDeleted<unknown>[] = [];
    for (const row of rows) {
      const mine = row.newDocumentState as Record<string, unknown>;
      const found = server.get(idOf(row.newDocumentState));
      if (!found?.value) {
        writes.push(toCouch(mine, target.primaryPath));
        continue;
      }
      if (found.value.deleted) {
        // Deleted there: a deletion is already done; an edit made here survives it.
        if (mine['_deleted'] !== true) writes.push(toCouch(mine, target.primaryPath, found.value.rev));
        continue;
      }
      if (!found.doc) throw new BadAnswerError('_all_docs');
      const theirs = await target.gate.checkServerCopy(found.doc, row.assumedMasterState as Record<string, unknown> | undefined);
      if (theirs === null) {
        writes.push(toCouch(mine, target.primaryPath, found.value.rev));
        continue;
      }
      const theirsPlain = theirs as Record<string, unknown>;
      if (sameContent(theirsPlain, mine)) continue;
      if (row.assumedMasterState && sameContent(theirsPlain, row.assumedMasterState as Record<string, unknown>))
        writes.push(toCouch(mine, target.primaryPath, found.value.rev));
      else conflicts.push(theirs);
    }
    return { writes, conflicts };
  }

  async function write(documents: readonly Record<string, unknown>[]): Promise<string[]> {
    if (documents.length === 0) return [];
    const response = await target.fetch(`${target.url}_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs: documents }) });
    const results = await readAnswer(ensureOk(response, '_bulk_docs'), bulkDocsSchema, '_bulk_docs');
    const again: string[] = [];
    for (const result of results) {
      if (result.error === 'conflict') again.push(result.id);
      else if (result.error || !result.rev) throw new PushRefusedError(result.id, result.reason ?? result.error ?? 'no revision in the answer');
      else target.onWritten({ id: result.id, rev: result.rev });
    }
    return again;
  }

  return async (rows: RxReplicationWriteToMasterRow<unknown>[]): Promise<WithDeleted<unknown>[]> => {
    const { writes, conflicts } = await plan(rows);
    const changedMeanwhile = new Set(await write(writes));
    if (changedMeanwhile.size === 0) return conflicts;
    // Someone wrote between the read and the write: plan those again (a conflict, or now the same).
    const again = await plan(rows.filter((row) => changedMeanwhile.has(idOf(row.newDocumentState))));
    await write(again.writes).then((still) => {
      if (still.length > 0) throw new Error(`Documents kept changing on the server while being sent: ${still.join(', ')}`);
    });
    return [...conflicts, ...again.conflicts];
  };
}

/** Writes documents over the server revisions given in them: how the inbound gate heals the server. */
export function healer(
  url: string,
  send: typeof fetch,
  onWritten: PushTarget['onWritten'],
): (documents: readonly Record<string, unknown>[]) => Promise<ReadonlySet<string>> {
  return async (documents) => {
    const response = await send(`${url}_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs: documents }) });
    const results = await readAnswer(ensureOk(response, '_bulk_docs'), bulkDocsSchema, '_bulk_docs');
    const healed = new Set<string>();
    for (const result of results) {
      if (!result.error && result.rev) {
        healed.add(result.id);
        onWritten({ id: result.id, rev: result.rev });
      }
    }
    return healed;
  };
}
