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

interface Backfill {
  readonly selector: Selector;
  since: Sequence;
  /** Read to the end of the feed: what it covers need not be read again. */
  readonly done: () => void;
}

export class ScopedFeed {
  private current: Selector;
  private readonly backfills: Backfill[] = [];
  private readonly withdrawals = new Map<string, WithDeleted<unknown>>();
  private readonly listeners = new Set<() => void>();
  private readonly workers = new Set<() => void>();
  private primaryPath: string | null = null;

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
    this.workers.forEach((worker) => worker());
  }

  /** The next one-shot read, or null. */
  nextBackfill(): Backfill | null {
    return this.backfills[0] ?? null;
  }

  backfillDone(backfill: Backfill): void {
    const index = this.backfills.indexOf(backfill);
    if (index < 0) return;
    this.backfills.splice(index, 1);
    backfill.done();
  }

  /** This device's copies of documents out of scope, as deletions from the server's side. */
  withdraw(documents: readonly WithDeleted<unknown>[], primaryPath: string): void {
    this.primaryPath = primaryPath;
    for (const document of documents) this.withdrawals.set(String((document as Record<string, unknown>)[primaryPath]), document);
    if (documents.length > 0) this.workers.forEach((worker) => worker());
  }

  /** A pulled batch with the withdrawals added (a withdrawal replaces a copy of the same document in it). */
  withWithdrawals(documents: readonly WithDeleted<unknown>[]): WithDeleted<unknown>[] {
    if (this.withdrawals.size === 0 || !this.primaryPath) return [...documents];
    const key = this.primaryPath;
    const withdrawn = new Map(this.withdrawals);
    this.withdrawals.clear();
    return [...documents.filter((document) => !withdrawn.has(String((document as Record<string, unknown>)[key]))), ...withdrawn.values()];
  }

  /** Backfills or withdrawals wait: the status is not "up to date" meanwhile. */
  busy(): boolean {
    return this.backfills.length > 0 || this.withdrawals.size > 0;
  }

  /** The selector changed (the live loop asks again). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Backfills or withdrawals were queued (the replication pulls again to apply them). */
  onWork(worker: () => void): () => void {
    this.workers.add(worker);
    return () => this.workers.delete(worker);
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
