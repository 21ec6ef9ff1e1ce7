/**
 * What one collection's pull reads under need-to-know replication (issue 19, P-7.1): the Mango
 * selector the server filters its changes feed with, one-shot reads from the start of the feed
 * for what came into scope (a case granted, a person who signed in here), and this device's
 * copies of what left it (withdrawn: removed here, never on the server).
 *
 * The replica scope (replica-scope.ts) sets these; the pull handler and the live changes loop
 * (couch-pull.ts, couch-live.ts) read them. Withdrawals reach RxDB as the server's state of the
 * document (deleted), so RxDB's upstream never pushes them: the server and other devices keep it.
 */
import type { WithDeleted } from 'rxdb';
import { queryString, type Sequence } from '../couch/couch-protocol';

export type Selector = Record<string, unknown>;

export interface Backfill {
  readonly selector: Selector;
  /**
   * Read, and stored on this device, up to here. A pulled batch is stored or lost only after the
   * pull handler returned it (a server killed before the next request, a replication cancelled
   * before RxDB wrote it), so a read-in moves on only when its batch was stored: a lost batch is
   * read again, never skipped.
   */
  since: Sequence;
  /** Read to the end of the feed and stored: what it covers need not be read again. */
  readonly done: () => void;
}

/** What one pulled batch read of a read-in: from where, to where, and whether to its end. */
export interface ReadInStep {
  readonly backfill: Backfill;
  readonly from: Sequence;
  readonly to: Sequence;
  readonly finished: boolean;
}

function sameSequence(a: Sequence, b: Sequence): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class ScopedFeed {
  private current: Selector;
  private readonly backfills: Backfill[] = [];
  private readonly withdrawals = new Map<string, WithDeleted<unknown>>();
  private readonly listeners = new Set<() => void>();
  private readonly workers = new Set<() => void>();
  private primaryPath: string | null = null;
  /** Pulled batches with read-ins or withdrawals that RxDB has not yet stored (or dropped). */
  private unsettled = 0;

  constructor(
    readonly collection: string,
    initial: Selector,
  ) {
    this.current = initial;
  }

  selector(): Selector {
    return this.current;
  }

  /** A new selector: a long poll waiting under the old one is asked again. */
  setSelector(selector: Selector): void {
    if (JSON.stringify(selector) === JSON.stringify(this.current)) return;
    this.current = selector;
    this.listeners.forEach((listener) => listener());
  }

  /** Documents matching `selector` are read once from the start of the feed (they came into scope). */
  backfill(selector: Selector, done: () => void = () => undefined): void {
    this.backfills.push({ selector, since: 0, done });
    this.wakeWorkers();
  }

  /** The read-ins still to read or to store, first queued first. */
  readIns(): readonly Backfill[] {
    return this.backfills;
  }

  /** A pulled batch with read-ins or withdrawals was handed to RxDB: busy until it is stored or dropped. */
  handedOver(): void {
    this.unsettled += 1;
  }

  /**
   * RxDB stored the batch: each read-in it read moves on, and one read to its end leaves the
   * queue. Only contiguously: a step that does not start where the read-in's stored position is
   * (an earlier batch was lost) is not taken, and false says to read again from there.
   */
  stored(steps: readonly ReadInStep[]): boolean {
    this.unsettled -= 1;
    let taken = true;
    for (const step of steps) {
      const index = this.backfills.indexOf(step.backfill);
      if (index < 0) continue;
      if (!sameSequence(step.backfill.since, step.from)) {
        taken = false;
        continue;
      }
      step.backfill.since = step.to;
      if (step.finished) {
        this.backfills.splice(index, 1);
        step.backfill.done();
      }
    }
    if (!taken) this.wakeWorkers();
    return taken;
  }

  /**
   * RxDB dropped the batch (the replication was cancelled, or failed to write it): its read-ins
   * stay where they were stored and its withdrawals are handed over again, by a pull started now.
   */
  dropped(withdrawn: readonly WithDeleted<unknown>[]): void {
    this.unsettled -= 1;
    const key = this.primaryPath;
    if (key)
      for (const document of withdrawn) {
        const id = String((document as Record<string, unknown>)[key]);
        if (!this.withdrawals.has(id)) this.withdrawals.set(id, document);
      }
    this.wakeWorkers();
  }

  /** This device's copies of documents out of scope, as deletions from the server's side. */
  withdraw(documents: readonly WithDeleted<unknown>[], primaryPath: string): void {
    this.primaryPath = primaryPath;
    for (const document of documents) this.withdrawals.set(String((document as Record<string, unknown>)[primaryPath]), document);
    if (documents.length > 0) this.wakeWorkers();
  }

  /**
   * A pulled batch with the withdrawals added (a withdrawal replaces a copy of the same document
   * in it), and the withdrawals it took (given back if the batch is dropped).
   */
  withWithdrawals(documents: readonly WithDeleted<unknown>[]): { documents: WithDeleted<unknown>[]; withdrawn: WithDeleted<unknown>[] } {
    if (this.withdrawals.size === 0 || !this.primaryPath) return { documents: [...documents], withdrawn: [] };
    const key = this.primaryPath;
    const withdrawn = new Map(this.withdrawals);
    this.withdrawals.clear();
    return {
      documents: [...documents.filter((document) => !withdrawn.has(String((document as Record<string, unknown>)[key]))), ...withdrawn.values()],
      withdrawn: [...withdrawn.values()],
    };
  }

  /** Read-ins or withdrawals are waiting for a pull (the replication must pull again until there are none). */
  wantsPull(): boolean {
    return this.backfills.length > 0 || this.withdrawals.size > 0;
  }

  /** Read-ins or withdrawals wait, or a batch with some is not stored yet: the status is not "up to date" meanwhile. */
  busy(): boolean {
    return this.backfills.length > 0 || this.withdrawals.size > 0 || this.unsettled > 0;
  }

  /** The selector changed (the live loop asks again). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read-ins or withdrawals were queued, or must be read again (the replication pulls again to apply them). */
  onWork(worker: () => void): () => void {
    this.workers.add(worker);
    return () => this.workers.delete(worker);
  }

  private wakeWorkers(): void {
    this.workers.forEach((worker) => worker());
  }
}

/** A `_changes` request, filtered by a Mango selector in the body as CouchDB reads it, or not filtered. */
export function changesRequest(url: string, params: Record<string, string | number | boolean>, selector: Selector | null): { url: string; init: RequestInit } {
  if (!selector) return { url: `${url}_changes?${queryString(params)}`, init: {} };
  return {
    url: `${url}_changes?${queryString({ ...params, filter: '_selector' })}`,
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ selector }) },
  };
}
