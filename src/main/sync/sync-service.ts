/**
 * Sync between this device and the team through CouchDB (sync issue): the settings, one live
 * session while sync is on, "sync now", the network watch, and the status the shell shows.
 * Everything works offline; the session catches up whenever the server can be reached again.
 */
import os from 'node:os';
import type { RxDatabase } from 'rxdb';
import { DomainError } from '../../shared/domain/domain-error';
import {
  isSecureTransport,
  type QuarantineEntry,
  type ServerPreparation,
  type SyncSettingsInput,
  type SyncSettingsView,
  type SyncStatus,
} from '../../shared/domain/sync';
import type { z } from 'zod';
import type { prepareServerInput } from '../../shared/domain/sync';
import type { ServerCleaning } from '../../shared/domain/retention';
import { cleanServer } from './server-guard/clean-server';
import { couchFetch } from './couch/couch-http';
import { installGuards } from './server-guard/install-guard';
import type { Clock } from '../domain/clock';
import type { DeviceIdentity } from '../domain/device-identity';
import type { Logger } from '../logging/logger';
import { claimDeviceCode, type DeviceCodeCollection } from './device-codes';
import { Quarantine, QUARANTINE_COLLECTION } from './inbound/quarantine';
import type { SecretStore } from './secret-store';
import { SyncConfigStore } from './sync-config';
import { DEFAULT_RETRY, SyncSession, type RetryPolicy, type SessionReport, type SyncedContents } from './sync-session';
import type { ContentServer } from '../files/file-contents';
import type { Viewer } from '../../shared/identity/viewer';
import { NOT_SYNCING, syncStatusOf, type SyncObservations } from './sync-status';

/** Any network interface other than loopback: without one, the device is offline. */

const SYNC_OFF = 'Sync is off. Turn it on in Settings → Sync first.';
const ADMINISTRATORS_ONLY = 'Only an administrator may see what sync refused from the server.';
const PREPARE_ADMINISTRATORS_ONLY = 'Only an administrator may prepare the server.';
const INSECURE = 'The sync server address uses plain http:// to another computer: passwords and cases would cross the network unencrypted. Use https://.';

function insecureAddress(): DomainError {
  return new DomainError('VALIDATION_FAILED', INSECURE, [{ path: 'serverUrl', code: 'insecure_server_address', message: INSECURE }]);
}
export function hasNetwork(): boolean {
  return Object.values(os.networkInterfaces()).some((addresses) => (addresses ?? []).some((address) => !address.internal));
}

export interface SyncServiceOptions {
  readonly database: RxDatabase;
  readonly deviceCodes: DeviceCodeCollection;
  readonly identity: DeviceIdentity;
  readonly secrets: SecretStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly publish: (status: SyncStatus) => void;
  readonly networkUp?: () => boolean;
  readonly retry?: RetryPolicy;
  /** Long-poll heartbeat (tests shorten it; "up to date" needs an answer within 3 of them). */
  readonly heartbeatMs?: number;
  readonly fetch?: typeof fetch;
  /** File contents on demand (issue 19): uploaded, counted as pending, prefetched after sync. */
  readonly contents?: SyncedContents;
  /** Need-to-know replication (issue 19): the people who signed in on this device; absent, every case replicates. */
  readonly audience?: () => Promise<readonly Viewer[]>;
}

const STATE_DOC = 'sync-state';
const NETWORK_CHECK_MS = 5_000;

export class SyncService {
  private readonly config: SyncConfigStore;
  private session: SyncSession | null = null;
  private seen: SyncObservations = NOT_SYNCING;
  private published = '';
  private networkTimer: NodeJS.Timeout | null = null;
  private stopWatchingCode: (() => void) | null = null;
  private quarantined: Quarantine | null = null;
  private stopWatchingQuarantine: (() => void) | null = null;

  constructor(private readonly options: SyncServiceOptions) {
    this.config = new SyncConfigStore(options.database, options.secrets);
  }

  async start(): Promise<void> {
    const saved = await this.options.database.getLocal<{ lastSyncedAt: string | null }>(STATE_DOC);
    this.seen = { ...this.seen, lastSyncedAt: saved?.toJSON().data.lastSyncedAt ?? null };
    const quarantine = await Quarantine.open(this.options.database, () => this.options.clock.now());
    this.quarantined = quarantine;
    const countQuarantined = () =>
      void quarantine.count().then(
        (quarantined) => {
          this.seen = { ...this.seen, quarantined };
          this.publish();
        },
        () => undefined,
      );
    const subscription = this.options.database.collections[QUARANTINE_COLLECTION]?.$.subscribe(countQuarantined);
    this.stopWatchingQuarantine = () => subscription?.unsubscribe();
    countQuarantined();
    const config = await this.config.config();
    if (config.enabled) await this.connect();
    this.publish();
  }

  status(): SyncStatus {
    return syncStatusOf(this.seen);
  }

  settings(): Promise<SyncSettingsView> {
    return this.config.view();
  }

  async configure(input: SyncSettingsInput): Promise<SyncSettingsView> {
    await this.disconnect();
    await this.config.save(input);
    if (input.enabled) await this.connect();
    this.publish();
    return this.config.view();
  }

  /** Retry at once (after a fix on the server, or to stop waiting for the back-off). */
  syncNow(): SyncStatus {
    if (!this.session) throw new DomainError('UNAVAILABLE', SYNC_OFF, [{ path: '', code: 'sync_off', message: SYNC_OFF }]);
    this.session.retryNow();
    return this.status();
  }

  /**
   * What this device refused from the server, and why: for administrators only (P-7.1: the list
   * names records, and what to do about them is an administrator's decision).
   */
  async quarantine(isAdministrator: () => Promise<boolean>): Promise<QuarantineEntry[]> {
    if (!(await isAdministrator()))
      throw new DomainError('FORBIDDEN', ADMINISTRATORS_ONLY, [{ path: '', code: 'administrators_only', message: ADMINISTRATORS_ONLY }]);
    return this.quarantined ? this.quarantined.list() : [];
  }

  /**
   * "Prepare the server" (Settings → Sync): installs the server guard in each team database of the
   * saved server, with the CouchDB administrator's credentials given (used once, never stored),
   * or this device's sync user's when none are given. Then sync retries at once.
   */
  async prepareServer(input: z.output<typeof prepareServerInput>, isAdministrator: () => Promise<boolean>): Promise<ServerPreparation> {
    if (!(await isAdministrator()))
      throw new DomainError('FORBIDDEN', PREPARE_ADMINISTRATORS_ONLY, [{ path: '', code: 'administrators_only', message: PREPARE_ADMINISTRATORS_ONLY }]);
    const config = await this.config.config();
    if (!isSecureTransport(new URL(config.serverUrl))) throw insecureAddress();
    const [username, password] = input.username ? [input.username, input.password] : [config.username, (await this.config.password()) ?? ''];
    const send = couchFetch({ username, password, onOutcome: () => undefined, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    const prepared = await installGuards(config.serverUrl, config.database, send);
    this.options.logger.info('The server guard was installed', {
      server: config.serverUrl,
      user: username || '(none)',
      databases: prepared.databases.map(({ database, outcome }) => `${database}: ${outcome}`),
    });
    this.session?.retryNow();
    return prepared;
  }

  /** The team server's file contents, while sync runs and the server can be reached. */
  contentServer(): ContentServer | null {
    return this.session?.contentServer() ?? null;
  }

  /**
   * Issue 14: after an erasure, compacts the team databases and purges deleted file documents
   * (clean-server.ts), with a CouchDB administrator's credentials given here, used once.
   */
  async cleanServer(input: { username: string; password: string }): Promise<ServerCleaning> {
    const config = await this.config.config();
    if (!config.serverUrl) throw new DomainError('VALIDATION_FAILED', 'Sync has no server', [{ path: '', code: 'sync_off', message: 'Sync has no server' }]);
    if (!isSecureTransport(new URL(config.serverUrl))) throw insecureAddress();
    const send = couchFetch({
      username: input.username,
      password: input.password,
      onOutcome: () => undefined,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    const cleaned = await cleanServer(config.serverUrl, config.database, send);
    this.options.logger.info('The server was cleaned after an erasure', {
      server: config.serverUrl,
      databases: cleaned.databases.map(({ database, purge }) => `${database}: compaction started, purge ${purge}`),
    });
    return cleaned;
  }

  /** Someone signed in or out on this device: what it holds may change (need-to-know, issue 19). */
  audienceChanged(): void {
    this.session?.audienceChanged();
  }

  /** The system woke from sleep: if syncing, retry at once. */
  wake(): void {
    this.session?.retryNow();
  }

  async close(): Promise<void> {
    this.stopWatchingQuarantine?.();
    await this.disconnect();
  }

  private async connect(): Promise<void> {
    const [config, password] = await Promise.all([this.config.config(), this.config.password()]);
    this.seen = { ...NOT_SYNCING, enabled: true, networkUp: this.networkUp(), lastSyncedAt: this.seen.lastSyncedAt, quarantined: this.seen.quarantined };
    if (!this.quarantined) throw new Error('The sync service was not started');
    // Saved before plain http:// to another computer was refused: never sent over the network.
    if (!isSecureTransport(new URL(config.serverUrl))) {
      this.seen = { ...this.seen, problem: { kind: 'insecure-address', message: INSECURE } };
      this.options.logger.warn('Sync did not start: the server address is plain http:// to another computer', { server: config.serverUrl });
      return;
    }
    this.session = new SyncSession({
      database: this.options.database,
      config,
      password: password ?? '',
      logger: this.options.logger,
      retry: this.options.retry ?? DEFAULT_RETRY,
      quarantine: this.quarantined,
      now: () => this.options.clock.now(),
      ...(this.options.heartbeatMs ? { heartbeatMs: this.options.heartbeatMs } : {}),
      report: (report) => this.onReport(report),
      onConnected: () => this.claimDeviceCode(),
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.contents ? { contents: this.options.contents } : {}),
      ...(this.options.audience ? { audience: this.options.audience } : {}),
    });
    this.session.start();
    this.watchNetwork();
    this.options.logger.info('Sync started', { server: config.serverUrl, database: config.database, user: config.username || '(none)' });
  }

  private async disconnect(): Promise<void> {
    if (this.networkTimer) clearInterval(this.networkTimer);
    this.networkTimer = null;
    this.stopWatchingCode?.();
    this.stopWatchingCode = null;
    const session = this.session;
    this.session = null;
    await session?.stop();
    this.seen = { ...NOT_SYNCING, lastSyncedAt: this.seen.lastSyncedAt, quarantined: this.seen.quarantined };
  }

  private networkUp(): boolean {
    return (this.options.networkUp ?? hasNetwork)();
  }

  /** Offline → online: retry at once rather than wait for the back-off. */
  private watchNetwork(): void {
    this.networkTimer = setInterval(() => {
      const up = this.networkUp();
      if (up === this.seen.networkUp) return;
      this.seen = { ...this.seen, networkUp: up };
      if (up) this.session?.retryNow();
      this.publish();
    }, NETWORK_CHECK_MS);
    this.networkTimer.unref();
  }

  private onReport(report: SessionReport): void {
    const { inSync, ...rest } = report;
    this.seen = { ...this.seen, ...rest };
    if (inSync) {
      const lastSyncedAt = this.options.clock.now().toISOString();
      this.seen = { ...this.seen, lastSyncedAt };
      void this.options.database.upsertLocal(STATE_DOC, { lastSyncedAt }).catch(() => undefined);
      this.options.contents?.afterSync();
    }
    this.publish();
  }

  private publish(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.published) return;
    this.published = key;
    this.options.publish(status);
  }

  /** Keep this device's code its own: claim it, and take a new one if another device holds it. */
  private async claimDeviceCode(): Promise<void> {
    const { deviceCodes, identity, clock, logger } = this.options;
    const claim = async () => {
      const outcome = await claimDeviceCode(deviceCodes, identity, () => clock.now());
      if (outcome.changedFrom)
        logger.warn('Another device holds this device code: new references use a new code', { from: outcome.changedFrom, to: outcome.code });
    };
    await claim();
    if (this.stopWatchingCode) return;
    const subscription = deviceCodes.$.subscribe(
      () => void claim().catch((error: unknown) => logger.error('Could not claim the device code', { error: String(error) })),
    );
    this.stopWatchingCode = () => subscription.unsubscribe();
  }
}
