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
import { changesRequest, type Backfill, type ReadInStep, type ScopedFeed } from '../need-to-know/scoped-feed';
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
  /**
   * Whether the batch the handler is returning now gets stored on this device (true) or is
   * dropped (false: the replication was cancelled, or failed to write it). Read-ins move on and
   * withdrawals are done only when it is stored; absent, every batch returned counts as stored.
   */
  readonly stored?: () => Promise<boolean>;
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
  const read = async (
    since: Sequence,
    limit: number,
    selector: Record<string, unknown> | null,
  ): Promise<{ answer: ChangesAnswer; documents: WithDeleted<unknown>[] }> => {
    const request = changesRequest(source.url, { style: 'all_docs', feed: 'normal', include_docs: true, since, limit, seq_interval: limit }, selector);
    const answer = await readAnswer(ensureOk(await source.fetch(request.url, request.init), '_changes'), changesSchema, '_changes');
    noteLastRead(answer, source.onRead);
    return { answer, documents: await source.gate.admit(changedDocuments(answer)) };
  };
  /**
   * Need-to-know (issue 19): how far this replication's batches read each read-in, stored or not
   * yet known to be. A failed request leaves it as it was, and a batch RxDB did not store sends
   * the read-in back to where it was stored: nothing read is skipped unless it was stored.
   */
  const reading = new Map<Backfill, { since: Sequence; finished: boolean }>();
  /** What came into scope, read once from the start of the feed. */
  const readIns = async (scope: ScopedFeed, batchSize: number, documents: WithDeleted<unknown>[], steps: ReadInStep[]): Promise<void> => {
    const local = new Map<Backfill, { since: Sequence; finished: boolean }>();
    const position = (backfill: Backfill) => local.get(backfill) ?? reading.get(backfill) ?? { since: backfill.since, finished: false };
    for (
      let next = scope.readIns().find((backfill) => !position(backfill).finished);
      next && documents.length < batchSize;
      next = scope.readIns().find((backfill) => !position(backfill).finished)
    ) {
      const limit = batchSize - documents.length;
      const from = position(next).since;
      const { answer, documents: admitted } = await read(from, limit, next.selector);
      documents.push(...admitted);
      const finished = answer.results.length < limit;
      local.set(next, { since: answer.last_seq, finished });
      steps.push({ backfill: next, from, to: answer.last_seq, finished });
    }
  };
  /** The batch goes to RxDB: its read-ins and withdrawals count once it is stored, and are read or handed over again if not. */
  const handOver = (scope: ScopedFeed, steps: readonly ReadInStep[], withdrawn: readonly WithDeleted<unknown>[]): void => {
    if (steps.length === 0 && withdrawn.length === 0) return;
    for (const step of steps) reading.set(step.backfill, { since: step.to, finished: step.finished });
    scope.handedOver();
    const forget = () => steps.forEach((step) => reading.delete(step.backfill));
    void (source.stored?.() ?? Promise.resolve(true)).then(
      (stored) => {
        if (!stored) {
          forget();
          scope.dropped(withdrawn);
        } else if (!scope.stored(steps)) forget();
        else steps.filter((step) => step.finished).forEach((step) => reading.delete(step.backfill));
      },
      () => {
        forget();
        scope.dropped(withdrawn);
      },
    );
  };
  return async (checkpoint: CouchCheckpoint | undefined, batchSize: number): Promise<{ documents: WithDeleted<unknown>[]; checkpoint: CouchCheckpoint }> => {
    const from = checkpoint?.sequence ?? 0;
    const scope = source.scope;
    const documents: WithDeleted<unknown>[] = [];
    const steps: ReadInStep[] = [];
    if (scope) await readIns(scope, batchSize, documents, steps);
    // A full batch of read-ins: RxDB asks again, the feed itself is read then.
    if (scope && documents.length >= batchSize) {
      handOver(scope, steps, []);
      return { documents, checkpoint: { sequence: from } };
    }
    let since: Sequence = skipAhead.get(JSON.stringify(from)) ?? from;
    const backfilled = documents.length;
    for (;;) {
      const limit = batchSize - documents.length;
      const { answer, documents: admitted } = await read(since, limit, scope?.selector() ?? null);
      documents.push(...admitted);
      since = answer.last_seq;
      if (answer.results.length < limit || documents.length >= batchSize) break;
    }
    if (documents.length === backfilled && since !== from) skipAhead.set(JSON.stringify(from), since);
    source.onPulled();
    if (!scope) return { documents, checkpoint: { sequence: since } };
    // Withdrawn here (out of scope): the server's side of them is "deleted" for this device.
    const pulled = scope.withWithdrawals(documents);
    handOver(scope, steps, pulled.withdrawn);
    return { documents: pulled.documents, checkpoint: { sequence: since } };
  };
}
