/**
 * One shared collection replicated live with its CouchDB database: RxDB's generic replication
 * (`replicateRxCollection`, its checkpoints, conflict handling and retries) driven by Plaint's
 * own pull, push and live-changes handlers (couch-pull.ts, couch-push.ts, couch-live.ts), so that
 * what is pulled is checked, 404s and odd answers are errors rather than crashes, and the
 * session sees every sign of life from the server.
 *
 * Why not RxDB's CouchDB plugin: it stores whatever the server sends (a malformed document then
 * fails later, in reads and lists), drops refused documents without a trace, and its live loop
 * dies with an unhandled rejection on a 404 body (issue 21). Its 341 lines are the model here.
 */
import { getAssumedMasterState, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { Logger } from '../../logging/logger';
import { InboundGate } from '../inbound/inbound-gate';
import type { Quarantine } from '../inbound/quarantine';
import { LiveChanges } from './couch-live';
import { pullHandler, type CouchCheckpoint } from './couch-pull';
import { healer, pushHandler, sameContent } from './couch-push';
import type { Sequence } from './couch-protocol';
import type { ScopedFeed } from '../need-to-know/scoped-feed';

export interface CollectionReplicationOptions {
  readonly database: RxDatabase;
  readonly collection: RxCollection<unknown>;
  readonly identifier: string;
  /** The CouchDB database's URL, ending in `/`. */
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly batchSize: number;
  readonly heartbeatMs: number;
  readonly retryMs: number;
  readonly quarantine: Quarantine;
  readonly logger: Logger;
  readonly onRead: (witness: { id: string; rev: string }, sequence: Sequence) => void;
  readonly onWritten: (witness: { id: string; rev: string }) => void;
  readonly onContact: () => void;
  /** A batch of changes was read and checked (the server's answers can be read again). */
  readonly onPulled: () => void;
  readonly onLiveError: (error: unknown) => void;
  /** Need-to-know replication (issue 19): what this device reads of the database; absent, everything. */
  readonly scope?: ScopedFeed;
}

export interface CollectionReplication {
  readonly collection: string;
  readonly state: RxReplicationState<unknown, CouchCheckpoint>;
  readonly live: LiveChanges;
  cancel(): Promise<void>;
}

export function replicateCollection(options: CollectionReplicationOptions): CollectionReplication {
  const { collection, url } = options;
  const primaryPath = collection.schema.primaryPath as string;
  // Every revision this device writes is known to the gate (a later echo of an older one is not news).
  let noteWritten: (written: { id: string; rev: string }) => void = () => undefined;
  const onWritten = (written: { id: string; rev: string }) => {
    noteWritten(written);
    options.onWritten(written);
  };
  const heal = healer(url, options.fetch, onWritten);
  let state: RxReplicationState<unknown, CouchCheckpoint> | null = null;
  const settled = async (ids: readonly string[]): Promise<ReadonlySet<string>> => {
    const internal = state?.internalReplicationState;
    if (!internal || ids.length === 0) return new Set();
    const [assumed, locals] = await Promise.all([getAssumedMasterState(internal, [...ids]), collection.storageInstance.findDocumentsById([...ids], true)]);
    return new Set(
      locals
        .filter((local) => {
          const id = String((local as Record<string, unknown>)[primaryPath]);
          const master = assumed[id];
          return master !== undefined && sameContent(master.docData, local);
        })
        .map((local) => String((local as Record<string, unknown>)[primaryPath])),
    );
  };
  const gate = new InboundGate({ collection, database: options.database, quarantine: options.quarantine, heal, settled, logger: options.logger });
  noteWritten = (written) => gate.noteRevision(written.id, written.rev);
  /**
   * Whether the batch the pull handler returns now is stored (issue 19: a read-in moves on only
   * then). RxDB calls the handler inside its downstream queue's current task, which writes every
   * batch it pulled before it ends, unless the replication was cancelled meanwhile.
   */
  const stored = (): Promise<boolean> => {
    const internal = state?.internalReplicationState;
    if (!internal) return Promise.resolve(false);
    return internal.streamQueue.down.then(
      () => !internal.events.canceled.getValue(),
      () => false,
    );
  };
  const stream = new Subject<{ documents: never[]; checkpoint: CouchCheckpoint }>();
  const started = replicateRxCollection<unknown, CouchCheckpoint>({
    replicationIdentifier: options.identifier,
    collection,
    live: true,
    retryTime: options.retryMs,
    waitForLeadership: false,
    autoStart: true,
    toggleOnDocumentVisible: false,
    pull: {
      handler: pullHandler({
        url,
        fetch: options.fetch,
        gate,
        onRead: options.onRead,
        onPulled: options.onPulled,
        ...(options.scope ? { scope: options.scope, stored } : {}),
      }),
      batchSize: options.batchSize,
      stream$: stream.asObservable(),
    },
    push: { handler: pushHandler({ url, fetch: options.fetch, gate, primaryPath, onWritten }), batchSize: options.batchSize },
  });
  state = started;
  const live = new LiveChanges({
    url,
    fetch: options.fetch,
    gate,
    batchSize: options.batchSize,
    heartbeatMs: options.heartbeatMs,
    onRead: options.onRead,
    onPulled: options.onPulled,
    emit: (batch) => stream.next(batch as { documents: never[]; checkpoint: CouchCheckpoint }),
    onContact: options.onContact,
    onError: options.onLiveError,
    retryMs: () => started.retryTime ?? options.retryMs,
    ...(options.scope ? { scope: options.scope } : {}),
  });
  live.start();
  // Backfills and withdrawals are applied by the pull handler: pull again when some are queued,
  // and again whenever the pull goes idle with some left (a RESYNC can be lost, see below).
  const scope = options.scope;
  const unwatchWork = scope ? onWorkAndIdle(started, scope) : () => undefined;
  return {
    collection: collection.name,
    state: started,
    live,
    async cancel() {
      unwatchWork();
      live.stop();
      stream.complete();
      await started.cancel();
    },
  };
}

/**
 * Pulls while the scoped feed has read-ins or withdrawals waiting (issue 19): at once when some
 * are queued, and each time the pull goes idle with some left. The second is what keeps a
 * read-in from waiting forever: RxDB (17.6, replication-protocol/downstream.js) takes a RESYNC
 * off its downstream queue and leaves it out when live changes were queued before it in the same
 * round, so a `reSync()` asked for while live changes arrive can be lost, and the replication
 * then sits idle with the read-in unread and the status never "up to date". That is the stall
 * fresh-clone CI found in sync.test's five server kills.
 */
export function onWorkAndIdle(state: RxReplicationState<unknown, CouchCheckpoint>, scope: Pick<ScopedFeed, 'onWork' | 'wantsPull'>): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const pullIfWanted = () => {
    timer = null;
    if (!stopped && !state.isStopped() && !state.subjects.active.getValue() && scope.wantsPull()) state.reSync();
  };
  const unwatch = scope.onWork(() => state.reSync());
  const idle = state.active$.subscribe((active) => {
    // A moment later: a batch just stored settles its read-ins first (they may be done).
    if (!active && !timer) {
      timer = setTimeout(pullIfWanted, 0);
      timer.unref();
    }
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unwatch();
    idle.unsubscribe();
  };
}

/** Removes what a replication kept on this device (its checkpoints and the server states it saw). */
export async function forgetReplication(collection: RxCollection<unknown>, identifier: string): Promise<void> {
  const old = replicateRxCollection<unknown, CouchCheckpoint>({
    replicationIdentifier: identifier,
    collection,
    live: false,
    autoStart: false,
    waitForLeadership: false,
    toggleOnDocumentVisible: false,
    pull: { handler: () => Promise.resolve({ documents: [], checkpoint: { sequence: 0 } }), batchSize: 1 },
  });
  await old.remove();
}
