/**
 * The pull side of a collection's replication, modelled on RxDB's CouchDB plugin but under
 * Plaint's control: it reads the database's `_changes` from a checkpoint, lets only what the
 * inbound gate admits reach RxDB, and reads answers defensively (an error answer or a body
 * without `results` is an error RxDB retries, never a crash).
 *
 * RxDB takes a batch shorter than asked for as "the server has no more". Refused documents
 * would make a batch short, so the handler reads on until the batch is full or the feed is
 * really exhausted.
 */
import type { WithDeleted } from 'rxdb';
import type { InboundGate } from '../inbound/inbound-gate';
import { changesRequest, type ScopedFeed } from '../need-to-know/scoped-feed';
import { changesSchema, readAnswer, type ChangesAnswer, type CouchDocument, type Sequence } from './couch-protocol';

export interface CouchCheckpoint {
  readonly sequence: Sequence;
}

export interface PullSource {
  /** The database's URL, ending in `/`. */
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly gate: InboundGate;
  /** The last change read (restore detection keeps it as a witness). */
  readonly onRead: (last: { id: string; rev: string }, sequence: Sequence) => void;
  /** A batch was read and checked. */
  readonly onPulled: () => void;
  /** Need-to-know replication (issue 19): what this device reads of the feed; absent, everything. */
  readonly scope?: ScopedFeed;
}

/** The server answered with an HTTP error (the status was reported already). */
export class CouchAnswerError extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`The server answered ${status} to ${what}`);
    this.name = 'CouchAnswerError';
  }
}

export function ensureOk(response: Response, what: string): Response {
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    throw new CouchAnswerError(response.status, what);
  }
  return response;
}

/** The documents of a change feed, without design documents (the server guard, `_design/plaint-guard`): they are the server's, never a device's. */
export function changedDocuments(answer: ChangesAnswer): CouchDocument[] {
  return answer.results.flatMap((row) => (row.doc && !row.id.startsWith('_design/') ? [row.doc] : []));
}

export function noteLastRead(answer: ChangesAnswer, onRead: PullSource['onRead']): void {
  const last = answer.results.at(-1);
  const rev = last?.changes[0]?.rev;
  if (last && rev) onRead({ id: last.id, rev }, answer.last_seq);
}

export function pullHandler(source: PullSource) {
  // Stretches of the feed that held only refused documents: RxDB keeps no checkpoint for an empty
  // batch, so without this every restart would read (and refuse) them again.
  const skipAhead = new Map<string, Sequence>();
  const read = async (since: Sequence, limit: number, selector: Record<string, unknown> | null): Promise<{ answer: ChangesAnswer; documents: WithDeleted<unknown>[] }> => {
    const request = changesRequest(source.url, { style: 'all_docs', feed: 'normal', include_docs: true, since, limit, seq_interval: limit }, selector);
    const answer = await readAnswer(ensureOk(await source.fetch(request.url, request.init), '_changes'), changesSchema, '_changes');
    noteLastRead(answer, source.onRead);
    return { answer, documents: await source.gate.admit(changedDocuments(answer)) };
  };
  /** What came into scope, read once from the start of the feed (issue 19). */
  const backfill = async (batchSize: number, documents: WithDeleted<unknown>[]): Promise<void> => {
    for (let next = source.scope?.nextBackfill(); next && documents.length < batchSize; next = source.scope?.nextBackfill()) {
      const limit = batchSize - documents.length;
      const { answer, documents: admitted } = await read(next.since, limit, next.selector);
      documents.push(...admitted);
      next.since = answer.last_seq;
      if (answer.results.length < limit) source.scope?.backfillDone(next);
    }
  };
  return async (checkpoint: CouchCheckpoint | undefined, batchSize: number): Promise<{ documents: WithDeleted<unknown>[]; checkpoint: CouchCheckpoint }> => {
    const from = checkpoint?.sequence ?? 0;
    const documents: WithDeleted<unknown>[] = [];
    await backfill(batchSize, documents);
    // A full batch of backfill: RxDB asks again, the feed itself is read then.
    if (documents.length >= batchSize) return { documents, checkpoint: { sequence: from } };
    let since: Sequence = skipAhead.get(JSON.stringify(from)) ?? from;
    const backfilled = documents.length;
    for (;;) {
      const limit = batchSize - documents.length;
      const { answer, documents: admitted } = await read(since, limit, source.scope?.selector() ?? null);
      documents.push(...admitted);
      since = answer.last_seq;
      if (answer.results.length < limit || documents.length >= batchSize) break;
    }
    if (documents.length === backfilled && since !== from) skipAhead.set(JSON.stringify(from), since);
    // Withdrawn here (out of scope): the server's side of them is "deleted" for this device.
    const pulled = source.scope ? source.scope.withWithdrawals(documents) : documents;
    source.onPulled();
    return { documents: pulled, checkpoint: { sequence: since } };
  };
}
