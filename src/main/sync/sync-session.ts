/**
 * One connection to the team's CouchDB server with one set of settings: check the server and
 * its databases, then replicate every shared collection live (RxDB's CouchDB replication, with
 * each collection's conflict handler), retrying with back-off while the server is away, and
 * report what happens. The sync service starts a new session when the settings change.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import { replicateCouchDB, type RxCouchDBReplicationState } from 'rxdb/plugins/replication-couchdb';
import crypto from 'node:crypto';
import type { SyncProblem } from '../../shared/domain/sync';
import type { Logger } from '../logging/logger';
import { couchFetch, type CouchOutcome } from './couch-http';
import { prepareRemoteDatabases } from './couch-databases';
import { pendingChanges } from './pending-changes';
import { REPLICATED_COLLECTIONS, remoteDatabaseName } from './replicated-collections';
import type { SyncConfig } from './sync-config';

export interface RetryPolicy {
  readonly firstMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstMs: 1_000, maxMs: 60_000 };

export interface SessionReport {
  problem?: { kind: SyncProblem; message: string } | null;
  connected?: boolean;
  active?: boolean;
  pending?: number;
  nextRetryAt?: string | null;
  /** Both sides hold the same data now. */
  inSync?: boolean;
}

export interface SyncSessionOptions {
  readonly database: RxDatabase;
  readonly config: SyncConfig;
  readonly password: string;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly report: (report: SessionReport) => void;
  /** After the first full exchange (the sync service claims the device code then). */
  readonly onConnected: () => Promise<void>;
  readonly fetch?: typeof fetch;
}

type Replication = RxCouchDBReplicationState<unknown>;

export class SyncSession {
  private replications: Replication[] = [];
  /** When the current run of failures began (null while the server answers). */
  private failingSince: number | null = null;
  private restarting: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private problem: { kind: SyncProblem; message: string } | null = null;
  private connected = false;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly loggedErrors = new Map<string, string>();
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SyncSessionOptions) {
    this.fetch = couchFetch({ username: options.config.username, password: options.password, onOutcome: (outcome) => this.onOutcome(outcome), ...(options.fetch ? { fetch: options.fetch } : {}) });
  }

  start(): void {
    void this.prepare();
  }

  /**
   * "Sync now", the network came back, or the system woke: retry at once. After a failure the
   * replications may be sleeping through their back-off, so they are started afresh (they resume
   * from their checkpoints); when all is well a resync is enough.
   */
  retryNow(): void {
    if (this.stopped) return;
    this.failingSince = null;
    if (this.problem === null && this.replications.length > 0) {
      this.replications.forEach((replication) => replication.reSync());
      this.scheduleRefresh();
      return;
    }
    this.restarting = this.restarting.then(async () => {
      if (this.stopped) return;
      await this.cancelReplications();
      this.clearRetry();
      await this.prepare();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearRetry();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    await this.cancelReplications();
  }

  private async cancelReplications(): Promise<void> {
    this.unsubscribe.splice(0).forEach((unsubscribe) => unsubscribe());
    this.connected = false;
    await Promise.all(this.replications.splice(0).map((replication) => replication.cancel()));
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Wait about as long as the server has been away so far: 1 s, 2 s, 4 s… up to the maximum. */
  private backoffMs(): number {
    const away = this.failingSince === null ? 0 : Date.now() - this.failingSince;
    return Math.min(this.options.retry.maxMs, Math.max(this.options.retry.firstMs, away));
  }

  private onOutcome(outcome: CouchOutcome): void {
    if (this.stopped) return;
    if (outcome.ok) {
      const wasFailing = this.problem !== null;
      // A refused document stays the problem until a push goes through.
      if (this.problem && (this.problem.kind !== 'refused' || outcome.push)) this.setProblem(null);
      this.failingSince = null;
      for (const replication of this.replications) replication.retryTime = this.options.retry.firstMs;
      if (wasFailing && this.problem === null) this.replications.forEach((replication) => replication.reSync());
      return;
    }
    this.failingSince ??= Date.now();
    const wait = this.backoffMs();
    for (const replication of this.replications) replication.retryTime = wait;
    this.setProblem({ kind: outcome.problem, message: outcome.message }, new Date(Date.now() + wait).toISOString());
  }

  private setProblem(problem: { kind: SyncProblem; message: string } | null, nextRetryAt: string | null = null): void {
    const changed = JSON.stringify(problem) !== JSON.stringify(this.problem);
    this.problem = problem;
    if (changed && problem) this.options.logger.warn('Sync problem', { kind: problem.kind, message: problem.message });
    this.options.report({ problem, nextRetryAt });
    if (!problem) this.scheduleRefresh();
  }

  private async prepare(): Promise<void> {
    if (this.stopped) return;
    const { config } = this.options;
    const names = REPLICATED_COLLECTIONS.map((collection) => remoteDatabaseName(config.database, collection));
    let problem: (CouchOutcome & { ok: false }) | null;
    try {
      problem = await prepareRemoteDatabases(config.serverUrl, names, this.fetch);
    } catch {
      // Unreachable: the fetch has reported it.
      if (this.problem === null) this.setProblem({ kind: 'unreachable', message: `The server at ${config.serverUrl} cannot be reached.` });
      this.scheduleRetry();
      return;
    }
    if (this.stopped) return;
    if (problem) {
      this.failingSince ??= Date.now();
      this.setProblem({ kind: problem.problem, message: problem.message }, this.scheduleRetry());
      return;
    }
    this.setProblem(null);
    this.startReplications();
  }

  private scheduleRetry(): string {
    this.clearRetry();
    const wait = this.backoffMs();
    this.retryTimer = setTimeout(() => void this.prepare(), wait);
    this.retryTimer.unref();
    return new Date(Date.now() + wait).toISOString();
  }

  private startReplications(): void {
    const { database, config } = this.options;
    const scope = crypto.createHash('sha256').update(`${config.serverUrl}|${config.database}`).digest('hex').slice(0, 12);
    for (const spec of REPLICATED_COLLECTIONS) {
      const collection = database.collections[spec.collection] as RxCollection<unknown> | undefined;
      if (!collection) continue;
      const replication = replicateCouchDB<unknown>({
        replicationIdentifier: `plaint-${spec.collection}-${scope}`,
        collection,
        url: `${config.serverUrl}/${encodeURIComponent(remoteDatabaseName(config.database, spec))}/`,
        fetch: this.fetch,
        live: true,
        retryTime: this.options.retry.firstMs,
        waitForLeadership: false,
        autoStart: true,
        pull: { batchSize: spec.batchSize, heartbeat: 30_000 },
        push: { batchSize: spec.batchSize },
      });
      this.replications.push(replication as Replication);
      const subscriptions = [
        replication.active$.subscribe(() => this.scheduleRefresh()),
        replication.error$.subscribe((error) => this.logReplicationError(spec.collection, error)),
        collection.$.subscribe(() => this.scheduleRefresh()),
      ];
      this.unsubscribe.push(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));
    }
    void Promise.all(this.replications.map((replication) => replication.awaitInitialReplication()))
      .then(async () => {
        if (this.stopped) return;
        this.connected = true;
        await this.options.onConnected();
        this.options.report({ connected: true });
        this.scheduleRefresh();
      })
      .catch((error: unknown) => this.options.logger.warn('Sync did not complete its first exchange', { error: String(error) }));
  }

  /** Each distinct replication error once (a server that is away repeats the same one every retry). */
  private logReplicationError(collection: string, error: { message: string }): void {
    const message = String(error.message).slice(0, 500);
    if (this.loggedErrors.get(collection) === message) return;
    this.loggedErrors.set(collection, message);
    this.options.logger.info('Replication error (retrying)', { collection, error: message });
  }

  /** Activity and pending changes, at most every 250 ms. */
  private scheduleRefresh(): void {
    if (this.stopped || this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, 250);
    this.refreshTimer.unref();
  }

  private async refresh(): Promise<void> {
    if (this.stopped) return;
    const active = this.replications.some((replication) => replication.subjects.active.getValue());
    const counts = await Promise.all(this.replications.map((replication) => pendingChanges(replication).catch(() => 0)));
    const pending = counts.reduce((sum, count) => sum + count, 0);
    if (this.stopped) return;
    const inSync = this.connected && !active && pending === 0 && this.problem === null;
    this.options.report({ active, pending, ...(inSync ? { inSync: true } : {}) });
  }
}
