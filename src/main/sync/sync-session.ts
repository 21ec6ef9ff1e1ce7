/**
 * One connection to the team's CouchDB server with one set of settings: check the server, its
 * databases and their continuity (continuity/), then replicate every shared collection live
 * (couch/collection-replication.ts), retry with back-off while the server is away, and report
 * what happens. The sync service starts a new session when the settings change.
 *
 * What the session reports backs the status rule "never up to date too early":
 * - while the replications are (re)starting, `connected` is false and `pending` unknown (null);
 * - `pending` is counted the way the replication decides what to push, and after the server went
 *   back it is the number of documents still to re-send;
 * - `contactFresh` says the server answered recently (an answer, or a long-poll heartbeat).
 */
import crypto from 'node:crypto';
import type { RxCollection, RxDatabase } from 'rxdb';
import type { ServerWarning, SyncNotice } from '../../shared/domain/sync';
import type { Logger } from '../logging/logger';
import { RemoteMemory } from './continuity/remote-memory';
import { readIdentity } from './continuity/server-continuity';
import { brokenDatabases, startAfresh, type Judged, type RemoteDatabase, type TeamDatabase } from './continuity/start-afresh';
import { replicateCollection, type CollectionReplication } from './couch/collection-replication';
import { anonymousAccess } from './couch/anonymous-access';
import { prepareRemoteDatabases } from './couch/couch-databases';
import { couchFetch, unreachable, type CouchOutcome } from './couch/couch-http';
import { SilentServerError } from './couch/couch-live';
import { BadAnswerError } from './couch/couch-protocol';
import { CouchAnswerError } from './couch/couch-pull';
import type { Quarantine } from './inbound/quarantine';
import { pendingChanges } from './pending-changes';
import { CouchContentServer } from './files/couch-content-server';
import { FILE_CONTENTS, LIVE_COLLECTIONS, REPLICATED_COLLECTIONS, remoteDatabaseName, type ReplicatedCollection } from './replicated-collections';
import type { ContentServer } from '../files/file-contents';
import { ProblemBoard, PULL_SCOPE, PUSH_SCOPE, scopeOf, type Problem } from './session/problem-board';
import { describeReplicationError, problemOfReplicationError } from './session/replication-errors';
import type { SyncConfig } from './sync-config';
import type { Viewer } from '../../shared/identity/viewer';
import { ReplicaScope } from './need-to-know/replica-scope';

export interface RetryPolicy {
  readonly firstMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstMs: 1_000, maxMs: 60_000 };

/** Long polls send a heartbeat this often; a server silent for 2.5 of them counts as gone. */
export const DEFAULT_HEARTBEAT_MS = 10_000;

/** How often a connected session checks that the server has not gone back in time. */
const CONTINUITY_CHECK_MS = 60_000;

export interface SessionReport {
  problem?: Problem | null;
  connected?: boolean;
  active?: boolean;
  pending?: number | null;
  nextRetryAt?: string | null;
  contactFresh?: boolean;
  notice?: SyncNotice | null;
  /** Both sides hold the same data now (backed by a recent answer from the server). */
  inSync?: boolean;
  serverWarning?: ServerWarning | null;
}

/** File contents on demand (files/file-contents.ts), as sync drives them (issue 19). */
export interface SyncedContents {
  /** Files whose content only this device holds: they count as pending changes. */
  pendingUploads(): number;
  upload(): Promise<void>;
  /** The server went back in time: contents it held must be confirmed again. */
  serverWentBack(): Promise<void>;
  /** Up to date: the background prefetch pass. */
  afterSync(): void;
  /** Need-to-know: these file records leave this device (their contents go from here, never from the server). */
  withdrawing?(fileIds: readonly string[]): void;
}

export interface SyncSessionOptions {
  readonly database: RxDatabase;
  readonly config: SyncConfig;
  readonly password: string;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly heartbeatMs?: number;
  readonly quarantine: Quarantine;
  readonly report: (report: SessionReport) => void;
  /** After the first full exchange (the sync service claims the device code then). */
  readonly onConnected: () => Promise<void>;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
  readonly contents?: SyncedContents;
  /** Need-to-know replication (issue 19): the people who signed in on this device; absent, every case replicates. */
  readonly audience?: () => Promise<readonly Viewer[]>;
}

interface Running {
  readonly spec: ReplicatedCollection;
  readonly database: string;
  readonly replication: CollectionReplication;
}

function databaseOf(url: string): string | null {
  const first = new URL(url).pathname.split('/').filter(Boolean)[0];
  return first ? decodeURIComponent(first) : null;
}

export class SyncSession {
  private running: Running[] = [];
  /** Bumped at every restart: callbacks of replications from before are ignored. */
  private generation = 0;
  private failingSince: number | null = null;
  private restarting: Promise<void> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private readonly intervals: NodeJS.Timeout[] = [];
  private stopped = false;
  private preparing = false;
  /** Continuity checks the status waits for (after an outage, on Sync now). */
  private verifying = 0;
  private readonly problems = new ProblemBoard();
  private nextRetryAt: string | null = null;
  private connected = false;
  private lastContactAt = 0;
  private memory: RemoteMemory | null = null;
  /** The chunk database went back, seen by a regular check: kept for the restart's reconcile, which a new upload's witness could otherwise blind. */
  private contentsWentBack: Judged<RemoteDatabase> | null = null;
  /** After the server went back: per collection, the documents it lacked that are not re-sent yet. */
  private readonly resending = new Map<string, Set<string>>();
  private notice: SyncNotice | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly loggedErrors = new Map<string, string>();
  private readonly fetch: typeof fetch;
  /** For the checks before replicating: their answers are summed up once, not reported one by one. */
  private readonly quietFetch: typeof fetch;
  private readonly heartbeatMs: number;
  private readonly now: () => Date;
  private readonly scope: string;
  /** Need-to-know replication (issue 19): what this device holds of cases and their children. */
  private readonly replicaScope: ReplicaScope | null;
  private scopeTimer: NodeJS.Timeout | null = null;
  /** The pending count of the last refresh (withdrawals wait for 0). */
  private lastPending: number | null = null;

  constructor(private readonly options: SyncSessionOptions) {
    const credentials = { username: options.config.username, password: options.password, ...(options.fetch ? { fetch: options.fetch } : {}) };
    this.fetch = couchFetch({ ...credentials, onOutcome: (outcome) => this.onOutcome(outcome) });
    this.quietFetch = couchFetch({ ...credentials, onOutcome: (outcome) => outcome.ok && this.contact() });
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.now = options.now ?? (() => new Date());
    this.scope = crypto.createHash('sha256').update(`${options.config.serverUrl}|${options.config.database}`).digest('hex').slice(0, 12);
    const audience = options.audience;
    this.replicaScope = audience
      ? new ReplicaScope({
          database: options.database,
          audience,
          quiet: () => this.connected && this.lastPending === 0 && !this.problems.has(),
          withdrawingFiles: (fileIds) => options.contents?.withdrawing?.(fileIds),
          key: this.scope,
          logger: options.logger,
        })
      : null;
  }

  /** Someone signed in on this device: not "up to date" until the scope includes them (issue 19). */
  audienceChanged(): void {
    if (!this.replicaScope) return;
    this.replicaScope.markDirty();
    this.scheduleScope();
    this.scheduleRefresh();
  }

  /** The scope is computed again a moment after cases, letters, files or people changed. */
  private scheduleScope(): void {
    if (this.stopped || !this.replicaScope || this.scopeTimer) return;
    this.scopeTimer = setTimeout(() => {
      this.scopeTimer = null;
      void this.replicaScope?.update().then(() => this.scheduleRefresh());
    }, 300);
    this.scopeTimer.unref();
  }

  start(): void {
    this.intervals.push(setInterval(() => this.scheduleRefresh(), this.heartbeatMs));
    // Who signed in here, and their departments, change without a replicated write here.
    if (this.replicaScope) this.intervals.push(setInterval(() => this.scheduleScope(), this.heartbeatMs));
    this.intervals.push(setInterval(() => void this.verifyContinuity(), CONTINUITY_CHECK_MS));
    this.intervals.forEach((timer) => timer.unref());
    this.restart();
  }

  /**
   * "Sync now", the network came back, or the system woke: retry at once. When all is well, the
   * server's continuity is checked and the replications resync; otherwise they start afresh
   * (from their checkpoints) after the server and its databases are checked again.
   */
  retryNow(): void {
    if (this.stopped) return;
    this.failingSince = null;
    if (!this.problems.has() && this.connected && this.running.length > 0) {
      void this.verifyContinuity({ holdStatus: true }).then((continuous) => {
        if (continuous) this.resync();
      });
      return;
    }
    this.restart();
  }

  /**
   * The team server's file contents while it can be reached: offline (the server unreachable),
   * a file that is not here is queued at once rather than after a timeout. Other problems (a
   * document refused, a bad answer) leave it to the requests themselves to fail or not.
   */
  contentServer(): ContentServer | null {
    if (this.stopped || !FILE_CONTENTS || this.preparing || this.problems.current()?.kind === 'unreachable') return null;
    const database = remoteDatabaseName(this.options.config.database, FILE_CONTENTS);
    const memory = this.memory;
    return new CouchContentServer(
      this.databaseUrl(database),
      this.fetch,
      memory ? { written: (witness) => memory.written(database, witness), read: (witness) => memory.read(database, witness) } : undefined,
    );
  }

  /** The chunk database (files on demand, issue 19): not replicated, but checked for a restore like the others. */
  private contentsDatabase(): RemoteDatabase | null {
    if (!FILE_CONTENTS || !this.options.contents) return null;
    const database = remoteDatabaseName(this.options.config.database, FILE_CONTENTS);
    return { database, url: this.databaseUrl(database) };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearRetry();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    if (this.scopeTimer) clearTimeout(this.scopeTimer);
    this.intervals.splice(0).forEach((timer) => clearInterval(timer));
    await this.restarting.catch(() => undefined);
    await this.cancelReplications();
    await this.memory?.flush().catch(() => undefined);
  }

  private restart(): void {
    this.restarting = this.restarting
      .then(async () => {
        if (this.stopped) return;
        await this.cancelReplications();
        this.clearRetry();
        await this.prepare();
      })
      .catch((error: unknown) => {
        this.options.logger.error('Sync could not start its replications', { error: describeReplicationError(error) });
        this.scheduleRetry();
      });
  }

  private resync(): void {
    for (const { replication } of this.running) {
      replication.state.reSync();
      replication.live.retryNow();
    }
    this.scheduleRefresh();
  }

  private async cancelReplications(): Promise<void> {
    this.generation += 1;
    this.unsubscribe.splice(0).forEach((unsubscribe) => unsubscribe());
    this.connected = false;
    const stopping = this.running.splice(0);
    // Until new replications have done a full exchange, nothing is known about what is pending.
    if (!this.stopped) this.options.report({ connected: false, active: false, pending: null });
    await Promise.all(stopping.map(({ replication }) => replication.cancel().catch(() => undefined)));
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

  private contact(): void {
    this.lastContactAt = Date.now();
  }

  private contactFresh(): boolean {
    return Date.now() - this.lastContactAt < this.heartbeatMs * 3;
  }

  /** Every answer (or its absence) from the server, from every request of the replications. */
  private onOutcome(outcome: CouchOutcome): void {
    if (this.stopped) return;
    if (outcome.ok) {
      this.contact();
      const wasFailing = this.problems.has();
      let cleared = this.problems.answered(databaseOf(outcome.url));
      // A refused document stays the problem until a push goes through.
      if (outcome.push) cleared = this.problems.clear(PUSH_SCOPE) || cleared;
      this.failingSince = null;
      for (const { replication } of this.running) replication.state.retryTime = this.options.retry.firstMs;
      // Back after an outage: the server may have been restored meanwhile (checked before the
      // cleared problem is published, so no "up to date" from old checkpoints shows meanwhile).
      if (wasFailing && !this.problems.has() && !this.preparing)
        void this.verifyContinuity({ holdStatus: true }).then((continuous) => continuous && this.resync());
      if (cleared) this.publishProblem();
      return;
    }
    this.onProblem(asProblem(outcome), null);
  }

  private onProblem(problem: Problem, database: string | null): void {
    if (this.stopped) return;
    this.failingSince ??= Date.now();
    const wait = this.backoffMs();
    for (const { replication } of this.running) replication.state.retryTime = wait;
    this.nextRetryAt = new Date(Date.now() + wait).toISOString();
    this.problems.set(scopeOf(problem.kind, database ?? databaseOfProblem(problem)), problem);
    this.publishProblem();
    // A database that disappeared under a running replication: check everything again (it is
    // created anew where this user may, and its replication starts afresh).
    if (problem.kind === 'database-missing' && this.running.length > 0 && !this.preparing) this.scheduleRetry();
  }

  private publishProblem(): void {
    const problem = this.problems.current();
    if (problem && this.loggedErrors.get('problem') !== problem.message) {
      this.loggedErrors.set('problem', problem.message);
      this.options.logger.warn('Sync problem', { kind: problem.kind, message: problem.message });
    }
    if (!problem) this.loggedErrors.delete('problem');
    this.options.report({ problem, nextRetryAt: problem ? this.nextRetryAt : null });
    this.scheduleRefresh();
  }

  private async prepare(): Promise<void> {
    if (this.stopped) return;
    const { config } = this.options;
    this.preparing = true;
    try {
      this.memory ??= await RemoteMemory.load(this.options.database, this.scope);
      const names = REPLICATED_COLLECTIONS.map((spec) => remoteDatabaseName(config.database, spec));
      let prepared: Awaited<ReturnType<typeof prepareRemoteDatabases>>;
      try {
        prepared = await prepareRemoteDatabases(config.serverUrl, names, this.quietFetch, this.now);
      } catch (error) {
        this.reportPrepareFailure(error);
        return;
      }
      if (this.stopped) return;
      if (!prepared.ok) {
        this.onProblem({ kind: prepared.problem, message: prepared.message }, null);
        this.scheduleRetry();
        return;
      }
      this.problems.clearAll();
      this.failingSince = null;
      this.publishProblem();
      const serverWarning = await anonymousAccess(config.serverUrl, names[0] ?? config.database, this.options.fetch);
      if (this.stopped) return;
      this.options.report({ serverWarning });
      await this.reconcile(prepared.identities);
      if (this.stopped) return;
      // The first pulls read under the device's scope (issue 19), never the whole team's data.
      await this.replicaScope?.update();
      if (this.stopped) return;
      this.startReplications();
    } catch (error) {
      this.reportPrepareFailure(error);
    } finally {
      this.preparing = false;
    }
  }

  private reportPrepareFailure(error: unknown): void {
    if (error instanceof BadAnswerError)
      this.onProblem({ kind: 'bad-answer', message: 'The server sent an answer that is not a CouchDB answer. Check the server address.' }, null);
    else if (!(error instanceof CouchAnswerError) && !this.problems.has()) this.onProblem(asProblem(unreachable(this.options.config.serverUrl, error)), null);
    this.scheduleRetry();
  }

  /** The shared collections of this database, with their CouchDB databases. */
  private teamDatabases(): TeamDatabase[] {
    return LIVE_COLLECTIONS.flatMap((spec) => {
      const collection = this.collectionOf(spec);
      const database = remoteDatabaseName(this.options.config.database, spec);
      return collection ? [{ collection, database, url: this.databaseUrl(database), identifier: (epoch: number) => this.identifier(spec, epoch) }] : [];
    });
  }

  /**
   * Checks each database's continuity; a database whose server went back starts a new epoch:
   * its replication begins afresh, so everything the server lacks is pushed again and
   * everything is pulled from the beginning (the merges make that safe to repeat).
   */
  private async reconcile(identities: Readonly<Record<string, string>>): Promise<void> {
    const memory = this.memory;
    if (!memory) return;
    const identityOf = (team: RemoteDatabase) => Promise.resolve(identities[team.database] ?? null);
    const broken = await brokenDatabases(memory, this.teamDatabases(), identityOf, this.quietFetch);
    // The chunk database alone can go back (restored on its own): its witnesses are the chunks sent and read.
    const contentsDatabase = this.contentsDatabase();
    const [judged] = contentsDatabase ? await brokenDatabases(memory, [contentsDatabase], identityOf, this.quietFetch) : [];
    const contentsBroken = judged ?? this.contentsWentBack;
    this.contentsWentBack = null;
    if (broken.length === 0 && !contentsBroken) return;
    // What the server held may be gone: every content here is confirmed again, and what it lacks is sent again.
    await this.options.contents?.serverWentBack();
    const { resending, notice } = await startAfresh(broken, {
      memory,
      identities,
      send: this.quietFetch,
      logger: this.options.logger,
      now: this.now,
      ...(contentsBroken ? { contents: { broken: contentsBroken, resending: this.options.contents?.pendingUploads() ?? 0 } } : {}),
    });
    for (const [collection, ids] of resending) this.resending.set(collection, ids);
    this.notice = notice;
    this.options.report({ notice });
  }

  /**
   * While connected: has the server gone back since the last check? If so, start over. After an
   * outage and on Sync now the status waits for the answer (`holdStatus`): a server that came
   * back restored must not be shown "up to date" by checkpoints from before.
   */
  private async verifyContinuity(options: { holdStatus?: boolean } = {}): Promise<boolean> {
    const memory = this.memory;
    if (this.stopped || this.preparing || !memory || this.running.length === 0) return true;
    if (options.holdStatus) {
      // Before any answer can be published: not "connected" until the check is done.
      this.verifying += 1;
      this.options.report({ connected: false });
    }
    try {
      const running = new Set(this.running.map(({ database }) => database));
      const contentsDatabase = this.contentsDatabase();
      const teams: RemoteDatabase[] = [...this.teamDatabases().filter((team) => running.has(team.database)), ...(contentsDatabase ? [contentsDatabase] : [])];
      const broken = await brokenDatabases(memory, teams, (team) => readIdentity(team.url, this.quietFetch), this.quietFetch);
      if (broken.length > 0) {
        this.contentsWentBack = broken.find((team) => team.database === contentsDatabase?.database) ?? null;
        this.restart();
        return false;
      }
    } catch {
      // The replications' own requests report an unreachable server.
    } finally {
      if (options.holdStatus) {
        this.verifying -= 1;
        this.scheduleRefresh();
      }
    }
    return true;
  }

  private scheduleRetry(): void {
    this.clearRetry();
    const wait = this.backoffMs();
    this.nextRetryAt = new Date(Date.now() + wait).toISOString();
    this.retryTimer = setTimeout(() => this.restart(), wait);
    this.retryTimer.unref();
  }

  private databaseUrl(database: string): string {
    return `${this.options.config.serverUrl}/${encodeURIComponent(database)}/`;
  }

  private collectionOf(spec: ReplicatedCollection): RxCollection<unknown> | undefined {
    return this.options.database.collections[spec.collection] as RxCollection<unknown> | undefined;
  }

  /** Epoch 0 keeps the identifier of earlier versions, so an upgrade does not sync afresh. */
  private identifier(spec: ReplicatedCollection, epoch: number): string {
    return `plaint-${spec.collection}-${this.scope}${epoch > 0 ? `-e${epoch}` : ''}`;
  }

  private startReplications(): void {
    const memory = this.memory;
    if (!memory) return;
    const generation = this.generation;
    const current =
      <A extends unknown[]>(callback: (...args: A) => void) =>
      (...args: A) => {
        if (generation === this.generation && !this.stopped) callback(...args);
      };
    for (const spec of LIVE_COLLECTIONS) {
      const collection = this.collectionOf(spec);
      if (!collection) continue;
      const database = remoteDatabaseName(this.options.config.database, spec);
      const scoped = this.replicaScope?.feed(spec.collection);
      const replication = replicateCollection({
        database: this.options.database,
        collection,
        identifier: this.identifier(spec, memory.of(database).epoch),
        url: this.databaseUrl(database),
        fetch: this.fetch,
        batchSize: spec.batchSize,
        heartbeatMs: this.heartbeatMs,
        retryMs: this.backoffMs(),
        quarantine: this.options.quarantine,
        logger: this.options.logger,
        onRead: current((witness, sequence) => memory.read(database, witness, sequence)),
        onWritten: current((witness) => {
          memory.written(database, witness);
          this.resending.get(spec.collection)?.delete(witness.id);
          this.scheduleRefresh();
        }),
        onContact: current(() => this.contact()),
        onPulled: current(() => this.problems.clear(PULL_SCOPE) && this.publishProblem()),
        onLiveError: current((error) => this.onLiveError(spec.collection, error)),
        ...(scoped ? { scope: scoped } : {}),
      });
      this.running.push({ spec, database, replication });
      const subscriptions = [
        replication.state.active$.subscribe(() => this.scheduleRefresh()),
        replication.state.error$.subscribe(current((error) => this.onReplicationError(spec.collection, error))),
        collection.$.subscribe(() => this.scheduleRefresh()),
        ...(this.replicaScope && SCOPE_INPUTS.has(spec.collection)
          ? [
              collection.$.subscribe(() => {
                this.replicaScope?.markDirty();
                this.scheduleScope();
              }),
            ]
          : []),
      ];
      this.unsubscribe.push(() => subscriptions.forEach((subscription) => subscription.unsubscribe()));
    }
    void Promise.all(this.running.map(({ replication }) => replication.state.awaitInitialReplication()))
      .then(async () => {
        if (generation !== this.generation || this.stopped) return;
        this.connected = true;
        await this.options.onConnected();
        this.options.report({ connected: true });
        this.scheduleRefresh();
      })
      .catch((error: unknown) => this.options.logger.warn('Sync did not complete its first exchange', { error: describeReplicationError(error) }));
  }

  /** The live changes request failed after its answer began (the fetch saw no error then). */
  private onLiveError(collection: string, error: unknown): void {
    if (error instanceof CouchAnswerError) return;
    if (error instanceof BadAnswerError) {
      this.onProblem(
        { kind: 'bad-answer', message: 'The server sent an answer that is not a CouchDB answer. Check the server address, or a proxy in between.' },
        null,
      );
      return;
    }
    if (error instanceof SilentServerError) {
      this.onProblem(
        { kind: 'unreachable', message: `The server at ${new URL(this.options.config.serverUrl).origin} cannot be reached (no answer in time).` },
        null,
      );
      return;
    }
    if (error instanceof Error && (error.message === 'fetch failed' || error.message === 'terminated'))
      this.onProblem(asProblem(unreachable(this.options.config.serverUrl, error)), null);
    else this.logReplicationError(collection, error);
  }

  private onReplicationError(collection: string, error: unknown): void {
    this.logReplicationError(collection, error);
    const problem = problemOfReplicationError(describeReplicationError(error));
    if (problem) this.onProblem(problem, null);
  }

  /** Each distinct replication error once (a server that is away repeats the same one every retry). */
  private logReplicationError(collection: string, error: unknown): void {
    const description = describeReplicationError(error);
    const key = JSON.stringify(description);
    if (this.loggedErrors.get(collection) === key) return;
    this.loggedErrors.set(collection, key);
    this.options.logger.info('Replication error (retrying)', { collection, ...description });
  }

  /** Activity and pending changes, at most every 250 ms. */
  private scheduleRefresh(): void {
    if (this.stopped || this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh().catch((error: unknown) => this.options.logger.warn('Sync status refresh failed', { error: describeReplicationError(error) }));
    }, 250);
    this.refreshTimer.unref();
  }

  private async refresh(): Promise<void> {
    if (this.stopped) return;
    const generation = this.generation;
    const running = [...this.running];
    // Need-to-know (issue 19): a scope to compute again, or cases to read in or withdraw, is work in flight.
    const scoping = this.replicaScope !== null && !this.replicaScope.settled();
    const active = scoping || running.some(({ replication }) => replication.state.subjects.active.getValue());
    const counts = await Promise.all(running.map(({ spec, replication }) => this.pendingOf(spec, replication)));
    if (this.stopped || generation !== this.generation) return;
    const uploads = this.options.contents?.pendingUploads() ?? 0;
    const pending = running.length === 0 || counts.includes(null) ? null : counts.reduce<number>((sum, count) => sum + (count ?? 0), uploads);
    // Contents only this device holds go up once the first exchange is done (issue 19).
    if (this.connected && uploads > 0) {
      const contents = this.options.contents;
      // Refreshed again only when something went up (a content the server refuses is not retried in a loop).
      void contents?.upload().then(
        () => contents.pendingUploads() < uploads && this.scheduleRefresh(),
        () => undefined,
      );
    }
    if (this.notice && [...this.resending.values()].every((ids) => ids.size === 0) && this.connected) {
      this.options.logger.info('Sync re-sent what the server lacked', { resent: this.notice.resending });
      this.notice = null;
      this.resending.clear();
      this.options.report({ notice: null });
    }
    this.lastPending = pending;
    const scope = this.replicaScope;
    // Everything written here is on the server: what left this device's scope may go now.
    if (scope && this.connected && pending === 0 && !scope.settled()) this.scheduleScope();
    const contactFresh = this.contactFresh();
    const connected = this.connected && this.verifying === 0;
    const inSync = connected && !active && pending === 0 && !this.problems.has() && contactFresh;
    this.options.report({ connected, active, pending, contactFresh, ...(inSync ? { inSync: true } : {}) });
  }

  /**
   * While a collection re-sends what a restored server lacked, its pending count is what is left
   * of that (RxDB's own count would be every document until its first exchange is done).
   */
  private async pendingOf(spec: ReplicatedCollection, replication: CollectionReplication): Promise<number | null> {
    const counted = await pendingChanges(replication.state).catch(() => null);
    const resending = this.resending.get(spec.collection);
    if (!resending) return counted;
    if (this.connected && counted === 0) resending.clear();
    return this.connected ? Math.max(resending.size, counted ?? 0) : resending.size;
  }
}

/** Collections whose changes can change what this device holds (issue 19). */
const SCOPE_INPUTS = new Set(['cases', 'letters', 'files', 'staff']);

function asProblem(outcome: CouchOutcome & { ok: false }): Problem {
  return { kind: outcome.problem, message: outcome.message };
}

/** The database named in a problem's message (database problems name it), for its scope. */
function databaseOfProblem(problem: Problem): string | null {
  const match = /database ([a-z][a-z0-9_$()+-]*)/.exec(problem.message);
  return match?.[1] ?? null;
}
