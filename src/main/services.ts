/**
 * The main process's composition root: it starts every service of a profile (log, database,
 * domain services, notifier, sync) and returns the API dispatcher the hosts wire to renderers.
 *
 * Plain Node: the Electron app (src/main/index.ts) and the browser test harness (e2e/harness)
 * both call this, so everything behind the API is the same code in both.
 */
import { ApiError } from '../shared/api/errors';
import type { AppInfo, DatabaseStatus, ProfileUpgradeKind, ProfileUpgradeStatus } from '../shared/api/types/app';
import { createDispatcher, errorDetails, type ApiHandlers, type Dispatch } from './api/dispatcher';
import { appHandlers } from './api/handlers/app-handlers';
import { caseHandlers } from './api/handlers/case-handlers';
import { caseViewHandlers } from './api/handlers/case-view-handlers';
import { accessLogHandlers } from './api/handlers/access-log-handlers';
import { AccessLog, addAccessLogCollection } from './domain/access-log/access-log';
import { settingsHandlers } from './api/handlers/settings-handlers';
import { prepareDataDirectory } from './config/data-directory';
import { systemClock, type Clock } from './domain/clock';
import { caseSearchText } from './domain/collections';
import { startDomainServices, type DomainServices } from './domain/domain-services';
import { addCaseViewCollection } from './domain/case-views/case-views-collection';
import { CaseViewService } from './domain/case-views/case-view-service';
import { EventBus } from './events/event-bus';
import { createFileLogger, type Logger } from './logging/logger';
import { notificationHandlers } from './api/handlers/notification-handlers';
import { newId } from './domain/clock';
import { DeadlineNotifier, type NotificationSink } from './notifier/deadline-notifier';
import { unreadNotifications } from './notifier/notification-centre';
import { addNotifierCollections, type NotifierCollections } from './notifier/notification-store';
import { realTimers, type Timers } from './notifier/timers';
import { systemTimeZone } from './notifier/time-zone';
import { postHandlers } from './api/handlers/post-handlers';
import { addFileCollections, FileStore } from './files/file-store';
import { ContentLedger } from './files/content-ledger';
import { MEGABYTE } from './files/content-eviction';
import { FileContents } from './files/file-contents';
import { wantedFiles } from './post-room/prefetch-wanted';
import { addLetterCollections } from './post-room/letters-collection';
import { MailConfigStore, type MailSecretStore } from './mail/mail-config';
import { MailService, type MailHooks } from './mail/mail-service';
import { MailPoller } from './mail/mail-poller';
import { mailHandlers } from './api/handlers/mail-handlers';
import { PostRoomService } from './post-room/post-room-service';
import { CaseAttachments } from './post-room/case-attachments';
import { conflictHandlersFor } from './sync/conflict-handlers';
import { syncHandlers } from './api/handlers/sync-handlers';
import { addDeviceCodeCollection } from './sync/device-codes';
import { memorySecretStore, type SecretStore } from './sync/secret-store';
import { SyncService } from './sync/sync-service';
import type { RetryPolicy } from './sync/sync-session';
import { sessionHandlers } from './api/handlers/session-handlers';
import { reportHandlers } from './api/handlers/report-handlers';
import { ReportService } from './reports/report-service';
import { RecurrenceReports } from './reports/recurrence-service';
import { improvementHandlers } from './api/handlers/improvement-handlers';
import { TrendAlerts } from './notifier/trends/trend-alerts';
import { trendCasesReceived } from './notifier/trends/trend-cases';
import { trendValueLabel } from './notifier/trends/trend-values';
import { SessionService } from './identity/session-service';
import { SignInThrottle } from './identity/sign-in-throttle';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './identity/password';
import type { Subscription } from 'rxjs';
import { DomainError } from '../shared/domain/domain-error';
import type { StaffMember } from '../shared/domain/records';
import { DATABASE_NAME, openPlaintDatabase, type OpenedDatabase } from './database/plaint-database';
import type { KeyProtector } from './protection/key-protector';
import type { DatabaseKeyring } from './protection/database-keyring';
import { upgradeProfileCipherShowingProgress } from './protection/cipher-upgrade';
import { UpgradeProgress } from './protection/upgrade-progress';
import { normaliseRecoveryKey } from './protection/recovery-key';
import { passwordSlotKeeper } from './protection/password-slot-keeper';
import { protectionHandlers } from './api/handlers/protection-handlers';
import { backupHandlers } from './api/handlers/backup-handlers';
import { BackupService } from './backup/backup-service';
import { restoreBackup, restoreOutcome } from './backup/restore-backup';
import { peopleHandlers } from './api/handlers/people-handlers';
import type { SubjectAccessSources } from './subject-access/subject-access-bundle';
import type { SubjectAccessPorts } from './subject-access/subject-access-export';
import type { ChooseSavePath } from './subject-access/archive-chooser';
import { erasureHandlers } from './api/handlers/erasure-handlers';
import { ErasureService } from './erasure/erasure-service';
import { RetentionService } from './retention/retention-service';
import { caseAccessTags } from './domain/case-visibility';
import { deviceAudience } from './sync/need-to-know/device-audience';
import {
  LOCKED_MESSAGE,
  lockedSessionState,
  plaintextFromNewerVersion,
  privateDatabaseFile,
  protectionFor,
  protectionStatus,
  willEncryptInPlace,
  mayUpgradeAtStart,
} from './profile-protection';
import type { ProfileKey } from './protection/profile-key';

/** What the storage keeps beside the cases: their full-text index and their need-to-know tags (P-7.1). */
const COLLECTION_EXTRAS = { fullText: { cases: caseSearchText }, tags: { cases: caseAccessTags } } as const;

export interface MainServicesOptions {
  readonly dataDirectory: string;
  readonly host: AppInfo['host'];
  readonly appName: string;
  readonly version: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Where desktop notifications go (Electron's Notification in the app; the log elsewhere). */
  readonly notificationSink?: NotificationSink;
  readonly timers?: Timers;
  /** Keeps the sync password: Electron's safeStorage in the app, memory elsewhere. */
  readonly secretStore?: SecretStore;
  /** Keeps the team mailbox's password (issue 17): Electron's safeStorage in the app, memory elsewhere. */
  readonly mailSecretStore?: MailSecretStore;
  /** Tests only: what happens between sending an e-mail and recording it (a crash). */
  readonly mailHooks?: MailHooks;
  /** Whether the device has a network at all (Electron's net.isOnline in the app). */
  readonly networkUp?: () => boolean;
  /** Sync retry back-off (tests shorten it). */
  readonly syncRetry?: RetryPolicy;
  /** Sync's long-poll heartbeat (tests shorten it). */
  readonly syncHeartbeatMs?: number;
  /** Only for running two devices in one process (tests, benchmarks). */
  readonly databaseName?: string;
  /** The cost of new password verifiers (tests pass the minimum). */
  readonly scryptCost?: ScryptCost;
  /** Lock after the idle time (tests that move their clock by days between calls turn it off). */
  readonly idleLock?: boolean;
  /**
   * Encryption at rest (P-7.2), on by default for every profile started here. Only in-process
   * tests that reopen plain files pass 'none-for-tests'.
   */
  readonly encryption?: 'at-rest' | 'none-for-tests';
  /** Prints the app's window to PDF (Electron's printToPDF) for the monthly report; none elsewhere. */
  readonly printPage?: () => Promise<Uint8Array>;
  /** The OS keychain that seals the database key's first slot (Electron's safeStorage); none elsewhere. */
  readonly keyProtector?: KeyProtector | null;
  /**
   * Return before a profile from before encryption at rest has been encrypted in place, and tell
   * its steps through app.status (the Electron app, whose window shows them). Tests leave it off
   * and get the services opened.
   */
  readonly openInBackground?: boolean;
  /** Where a subject-access archive goes (issue 14): Electron's save dialog in the app; none elsewhere (the path is typed). */
  readonly chooseSavePath?: ChooseSavePath;
}

export interface MainServices {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly dataDirectory: string;
  /** Null when the database could not be opened (its status says why). */
  readonly domain: DomainServices | null;
  readonly notifier: DeadlineNotifier | null;
  readonly sync: SyncService | null;
  /** Who is signed in; null when the database could not be opened (or is still locked). */
  readonly session: SessionService | null;
  /** Backups of this profile (issue 14); null when the database could not be opened (or is locked). */
  readonly backups: BackupService | null;
  /**
   * Opens a locked database (no keychain) with a person's password, as `session.signIn` does
   * before signing in; nothing when it is already open. Refuses a password that opens no slot.
   */
  unlockDatabase(login: string, password: string): Promise<void>;
  /** Retention and its daily check (issue 14); null when the database could not be opened (or is locked). */
  readonly retention: RetentionService | null;
  /** The dashboard (issue 16); null when the database could not be opened. */
  readonly reports: ReportService | null;
  /** The recurrence report (issue 16, P-5.3); null when the database could not be opened. */
  readonly recurrence: RecurrenceReports | null;
  /** The periodic check of the team mailbox (issue 17); null when the database could not be opened. */
  readonly mailWatch: MailPoller | null;
  /** P-5.2 weekly trend alerts; null when the database could not be opened. */
  readonly trendAlerts: TrendAlerts | null;
  /** Asks the renderer to show a place (a clicked notification, the tray menu). */
  navigate(path: string): void;
  /** For the tray: how many cases are breached and due today. */
  trayCounts(): Promise<{ breached: number; dueToday: number }>;
  close(): Promise<void>;
}

export async function startMainServices(options: MainServicesOptions): Promise<MainServices> {
  const dataDirectory = prepareDataDirectory(options.dataDirectory);
  const logger = options.logger ?? createFileLogger(dataDirectory);
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now().toISOString();
  const events = new EventBus();
  const databaseName = options.databaseName ?? DATABASE_NAME;
  const scryptCost = options.scryptCost ?? DEFAULT_SCRYPT_COST;

  let opened: OpenedDatabase | null = null;
  let database: DatabaseStatus = { state: 'opening', file: null, message: null };
  let domain: DomainServices | null = null;
  let notifierStore: NotifierCollections | null = null;
  let notifier: DeadlineNotifier | null = null;
  let session: SessionService | null = null;
  let postRoom: PostRoomService | null = null;
  let caseAttachments: CaseAttachments | null = null;
  let caseViews: CaseViewService | null = null;
  let accessLog: AccessLog | null = null;
  let sync: SyncService | null = null;
  let fileContents: FileContents | null = null;
  let backups: BackupService | null = null;
  let reports: ReportService | null = null;
  let recurrence: RecurrenceReports | null = null;
  let people: SubjectAccessSources | null = null;
  let mail: MailService | null = null;
  let mailPoller: MailPoller | null = null;
  let erasure: ErasureService | null = null;
  let retention: RetentionService | null = null;
  let trendAlerts: TrendAlerts | null = null;
  /** The open profile's key: backups are encrypted with it, and a restore opens them with it. */
  let profileKey: string | null = null;
  const subscriptions: Subscription[] = [];

  // Encryption at rest (P-7.2): the key's slots decide whether the database opens now or at the
  // first sign-in (openProfile below). Only tests that reopen plain files turn it off.
  let protection: ProfileKey | null = null;
  let keyring: DatabaseKeyring | null = null;
  let slots: ReturnType<typeof passwordSlotKeeper> | null = null;
  // A start-up upgrade (a profile from before encryption encrypted in place, or one moved from
  // ChaCha20 to AEGIS) tells each step to the log and, through app.status, to the start or sign-in
  // screen, so a large database is not a frozen window. A failed upgrade stays in the status once
  // the profile has opened as it was, so the screen can say so.
  let failedUpgrade: ProfileUpgradeStatus | null = null;
  const showUpgrade = <K extends ProfileUpgradeKind>(progress: UpgradeProgress<K>, what: string): UpgradeProgress<K> => {
    let logged: string | null = null;
    progress.subscribe((upgrade) => {
      if (upgrade.step !== null && upgrade.step !== logged) logger.info(what, { step: upgrade.step });
      logged = upgrade.step;
      if (upgrade.outcome === 'failed') failedUpgrade = upgrade;
      database = { ...database, upgrade };
      events.publish('app.status', { database });
    });
    return progress;
  };

  /**
   * A profile encrypted before AEGIS (ChaCha20) moves to AEGIS with the same key before it opens
   * (cipher-upgrade.ts), whichever slot unlocked it. If that fails, the profile is unchanged and
   * opens in its old cipher; the next start tries again.
   */
  const upgradeCipher = async (file: string, key: string): Promise<void> => {
    try {
      const progress = showUpgrade(new UpgradeProgress('cipher'), 'Changing the database cipher');
      const outcome = await upgradeProfileCipherShowingProgress({ databaseFile: file, key }, progress);
      if (outcome === 'upgraded') logger.info('The database now uses the AEGIS cipher');
    } catch (error) {
      logger.error('The database cipher could not be changed; it opens in its earlier cipher', errorDetails(error));
    }
  };

  /** The service once the database is open; until then, or when it failed, why it is not (issue 12: one home). */
  const whenOpen = <T>(service: T | null | undefined): T => {
    if (service) return service;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };
  const requireDomain = (): DomainServices => whenOpen(domain);
  const publishUnread = () => {
    const me = session?.account();
    if (!domain || !notifierStore || !me) return;
    const ready = domain;
    void unreadNotifications(notifierStore, me.accountId, (caseIds) => ready.queries.openableIds(caseIds, me))
      .then((unread) => events.publish('notifications.changed', { unread }))
      .catch((error: unknown) => logger.warn('Could not count unread notifications', errorDetails(error)));
  };

  /** Opens the database (with the key when encrypted) and starts every service of the profile. */
  const startProfile = async (key: string | null): Promise<void> => {
    const file = privateDatabaseFile(dataDirectory, databaseName);
    if (key && file) await upgradeCipher(file, key);
    opened = await openPlaintDatabase({
      dataDirectory,
      logger,
      ...COLLECTION_EXTRAS,
      ...(options.databaseName ? { name: options.databaseName } : {}),
      ...(key ? { key } : {}),
    });
    profileKey = key;
    database = file ? opened.status : { ...opened.status, file: null };
    if (failedUpgrade) database = { ...database, upgrade: failedUpgrade };
    if (opened.database) {
      try {
        domain = await startDomainServices(opened.database, events, clock, conflictHandlersFor(opened.database, clock), (error) =>
          logger.error('Open deadlines could not be moved to the new settings', errorDetails(error)),
        );
      } catch (error) {
        logger.error('The complaint data could not be loaded', errorDetails(error));
        database = {
          ...database,
          state: 'error',
          message: `The complaint data could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    if (!domain || !opened.database) return;
    const ready = domain;
    const rxdb = opened.database;
    session = new SessionService({
      db: ready.db,
      identity: ready.identity,
      settings: ready.settings,
      clock,
      logger,
      ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
      ...(options.idleLock === false ? { idleLock: false } : {}),
      ...(slots ? { passwordSlots: slots } : {}),
      publish: (state) => events.publish('session.changed', state),
    });
    const keeper = slots;
    if (keeper) {
      // A deactivated or removed account (here or by sync) no longer opens the database.
      subscriptions.push(
        ready.db.staff.$.subscribe((change) => {
          try {
            const member = change.operation === 'DELETE' ? null : (change.documentData as StaffMember);
            if (keeper.accountChanged(change.documentId, member)) logger.info('Database key slot removed', { accountId: change.documentId });
          } catch (error) {
            logger.error('A database key slot could not be removed', errorDetails(error));
          }
        }),
      );
    }
    notifierStore = await addNotifierCollections(rxdb);
    // Without a desktop (plain Node: the harness) the log is the sink; it records which
    // notification, never its words, which name the complainant (P-7.2).
    const sink: NotificationSink = options.notificationSink ?? {
      show: (notification) => logger.info('Desktop notification', { id: notification.id, level: notification.level, path: notification.path }),
    };
    notifier = new DeadlineNotifier({
      clock,
      timers: options.timers ?? realTimers,
      timeZone: systemTimeZone,
      sink,
      store: notifierStore,
      openDeadlines: (now) => ready.queries.openDeadlines(now),
      // The signed-in person (signed out: nobody is told; the notifications wait for the next).
      recipient: async () => {
        const me = session?.account() ?? null;
        return me ? { id: me.accountId, viewer: me } : null;
      },
      preferences: () => ready.identity.preferences(),
      calendar: () => ready.settings.calendar(),
      policy: async () => (await ready.settings.values()).slaPolicy,
      newId,
      // Issue 18: new correspondence on the recipient's cases is told at once.
      arrivals: (recipient, since) => ready.correspondence.arrivalsToTell(recipient.viewer, since),
      // P-5.3: each owner is told on the desktop of their improvement actions due soon or overdue.
      improvementActions: () => ready.settings.improvementActions(),
      onChange: publishUnread,
      onError: (error) => logger.error('The deadline notifier failed', errorDetails(error)),
    });
    events.listenAll((channel) => {
      // A sign-in gives the notifier its recipient: what is due or breached is told to them now.
      if (channel === 'cases.changed' || channel === 'settings.changed' || channel === 'session.changed') notifier?.requestRecompute();
      if (channel === 'session.changed') publishUnread();
    });
    await notifier.start();

    const handlerFor = conflictHandlersFor(rxdb, clock);
    const letters = await addLetterCollections(rxdb, handlerFor);
    const fileCollections = await addFileCollections(rxdb, handlerFor);
    const fileStore = new FileStore(fileCollections);
    // Issue 19: file contents on demand (fetched from the team server, cached within a budget, prefetched after sync).
    const contents = new FileContents({
      store: fileStore,
      ledger: await ContentLedger.load(rxdb),
      server: () => sync?.contentServer() ?? null,
      budgetBytes: async () => (await ready.identity.preferences()).fileCacheMegabytes * MEGABYTE,
      wanted: (people) => wantedFiles({ cases: ready.db.cases, staff: ready.db.staff, letters: letters.letters, files: fileCollections.files }, people),
      now: () => clock.now().getTime(),
      logger,
    });
    fileContents = contents;
    void contents.reconcile().catch((error: unknown) => logger.error('The file contents held here could not be checked', errorDetails(error)));
    const notePerson = () => {
      const me = session?.account();
      if (me) void contents.notePerson(me.accountId).catch(() => undefined);
    };
    notePerson();
    events.listenAll((channel) => {
      if (channel === 'session.changed') {
        notePerson();
        sync?.audienceChanged();
      }
      // A case assigned or moved, a letter logged: what offline work needs may have changed.
      if (channel === 'cases.changed' || channel === 'letters.changed') contents.wantPrefetch();
    });
    postRoom = new PostRoomService(ready, letters, fileStore, clock, contents);
    caseAttachments = new CaseAttachments(ready, fileStore, clock);
    mail = new MailService(
      new MailConfigStore(rxdb, options.mailSecretStore ?? memorySecretStore()),
      ready,
      letters,
      fileStore,
      clock,
      rxdb,
      options.mailHooks,
    );
    mailPoller = new MailPoller(mail, options.timers ?? realTimers, logger);
    mailPoller.start();
    people = { cases: ready.db.cases, letters: letters.letters, timeline: ready.db.timeline, files: fileStore };
    // Issue 14 (P-7.2): retention and erasure, with the daily check on the same timers as backups.
    erasure = new ErasureService(
      { db: ready.db, letters: letters.letters, files: fileCollections, notifications: notifierStore.deviceNotifications },
      clock,
      newId,
    );
    retention = new RetentionService({
      database: rxdb,
      db: ready.db,
      letters: letters.letters,
      erasure,
      clock,
      timers: options.timers ?? realTimers,
      logger,
      viewer: () => session?.viewer() ?? null,
    });
    retention.start();
    reports = new ReportService(ready, clock, options.printPage ?? null);
    recurrence = new RecurrenceReports(ready, clock);
    // P-5.2: weekly trend alerts for managers, told through the notifier's centre and desktop delivery.
    trendAlerts = new TrendAlerts({
      clock,
      timers: options.timers ?? realTimers,
      store: notifierStore,
      casesReceived: (window, recipient) => trendCasesReceived(ready.db.cases, window, recipient.viewer),
      recipient: async () => {
        const me = session?.account() ?? null;
        return me ? { id: me.accountId, viewer: me } : null;
      },
      preferences: () => ready.identity.preferences(),
      calendar: () => ready.settings.calendar(),
      policy: async () => (await ready.settings.values()).slaPolicy,
      valueLabel: async (language) => trendValueLabel(await ready.settings.values(), language),
      newId,
      onAnnounced: () => {
        publishUnread();
        void notifier?.recompute();
      },
      onError: (error) => logger.error('The trend check failed', errorDetails(error)),
    });
    events.listenAll((channel) => {
      // A manager signing in is told of last week's spikes now, not at the next hourly check.
      if (channel === 'session.changed') void trendAlerts?.check();
    });
    trendAlerts.start();
    subscriptions.push(letters.letters.$.subscribe(() => events.publish('letters.changed', {})));

    backups = new BackupService({
      database: rxdb,
      ...(key && keyring ? { key, keyFile: keyring.file } : {}),
      now: () => clock.now(),
      timers: options.timers ?? realTimers,
      appName: options.appName,
      appVersion: options.version,
      logger,
    });
    backups.start();

    const { identity, settings } = ready;
    const views = await addCaseViewCollection(rxdb, conflictHandlersFor(rxdb, clock));
    caseViews = new CaseViewService(views, { reader: () => identity.actor(), writer: () => identity.actor() }, clock);
    subscriptions.push(views.$.subscribe(() => events.publish('caseViews.changed', {})));

    accessLog = new AccessLog(await addAccessLogCollection(rxdb, conflictHandlersFor(rxdb, clock)), ready.db, () => settings.calendar(), clock);

    sync = new SyncService({
      database: rxdb,
      deviceCodes: await addDeviceCodeCollection(rxdb, conflictHandlersFor(rxdb, clock)),
      identity: ready.identity,
      secrets: options.secretStore ?? memorySecretStore(),
      clock,
      logger,
      publish: (status) => events.publish('sync.status', status),
      ...(options.networkUp ? { networkUp: options.networkUp } : {}),
      ...(options.syncRetry ? { retry: options.syncRetry } : {}),
      ...(options.syncHeartbeatMs ? { heartbeatMs: options.syncHeartbeatMs } : {}),
      contents,
      // Issue 19, need-to-know replication: the device holds what the people who signed in here may see.
      audience: () => deviceAudience(ready.db.staff, [...contents.people(), session?.account()?.accountId]),
    });
    await sync.start();
  };

  /** Decides the key (encrypting a profile from before encryption in place), then opens the database or leaves it locked. */
  const openProfile = async (): Promise<void> => {
    const newerPlaintext =
      options.encryption === 'none-for-tests' ? null : await plaintextFromNewerVersion(dataDirectory, databaseName, logger, COLLECTION_EXTRAS);
    const encrypting =
      options.encryption !== 'none-for-tests' && !newerPlaintext && willEncryptInPlace(dataDirectory, databaseName)
        ? showUpgrade(new UpgradeProgress('encrypt'), 'Encrypting the database')
        : undefined;
    // Told at once, so the window shows the encryption from its first look.
    encrypting?.started();
    const decided: ProfileKey | null =
      options.encryption === 'none-for-tests'
        ? null
        : newerPlaintext
          ? { state: 'plaintext', reason: newerPlaintext }
          : await protectionFor(dataDirectory, databaseName, options.keyProtector ?? null, scryptCost, encrypting);
    protection = decided;
    keyring = decided && (decided.state === 'open' || decided.state === 'locked') ? decided.keyring : null;
    slots = keyring ? passwordSlotKeeper(keyring) : null;
    if (!decided) await startProfile(null);
    else if (decided.state === 'error') {
      logger.error('The database key could not be read', { error: decided.message });
      database = { state: 'error', file: null, message: decided.message };
    } else if (decided.state === 'plaintext') {
      logger.error('The database could not be encrypted and opens unencrypted, as it was', { dataDirectory, reason: decided.reason });
      await startProfile(null);
    } else if (decided.state === 'open') {
      await startProfile(decided.keyring.databaseKey());
    } else {
      logger.info('The database is locked until someone signs in', { dataDirectory });
      database = { state: 'locked', file: null, message: LOCKED_MESSAGE };
    }
  };
  // The app opens its window at once for a profile with data, which may be upgraded before it opens
  // (encrypted in place, or moved to AEGIS once its key opens it: only the key can tell), and the
  // start screen follows the steps; otherwise (and in tests) the services start opened.
  const inBackground = options.openInBackground === true && options.encryption !== 'none-for-tests' && mayUpgradeAtStart(dataDirectory, databaseName);
  const opening = openProfile();
  if (inBackground) {
    void opening.then(
      () => events.publish('app.status', { database }),
      (error: unknown) => {
        logger.error('The database could not be opened', errorDetails(error));
        database = { state: 'error', file: null, message: `The database could not be opened: ${error instanceof Error ? error.message : String(error)}` };
        events.publish('app.status', { database });
      },
    );
  } else await opening;

  /**
   * Without a keychain the database opens at the first sign-in: the password opens that person's
   * slot, the profile starts, and the normal sign-in follows. A wrong password and an unknown
   * login get the same answer after the same scrypt.
   */
  let unlocking: Promise<void> | null = null;
  const lockedThrottle = new SignInThrottle();
  const unlockDatabase = async (login: string, password: string): Promise<void> => {
    if (!keyring || session || domain || database.state !== 'locked') return;
    const key = login.trim().toLowerCase();
    lockedThrottle.check(key, clock.now().getTime());
    if (!(await keyring.unlockWithPassword(login, password))) {
      const failures = lockedThrottle.fail(key, clock.now().getTime());
      logger.warn('Sign-in failed', { login: key, reason: 'the password opens no database key slot', failures });
      throw new DomainError('UNAUTHENTICATED', 'The login or password is not right', [
        { path: 'password', code: 'wrong_password', message: 'The login or password is not right' },
      ]);
    }
    lockedThrottle.clear(key);
    keyring.ensureKeychainSlot();
    unlocking ??= startProfile(keyring.databaseKey());
    await unlocking;
    events.publish('app.status', { database });
    logger.info('Database unlocked by a sign-in', {});
  };

  /**
   * P-7.2: when neither this device's keychain nor anyone's password opens the key (a lost or
   * reset keychain, forgotten passwords), the recovery key does; the key is then re-wrapped for
   * this device's keychain. A key of the wrong form, or one that does not open it, changes nothing.
   */
  const unlockWithRecoveryKey = async (typed: string): Promise<void> => {
    const refuse = (
      kind: 'CONFLICT' | 'VALIDATION_FAILED' | 'UNAUTHENTICATED',
      code: 'database_not_locked' | 'recovery_key_format' | 'wrong_recovery_key',
      message: string,
    ) => new DomainError(kind, message, [{ path: 'recoveryKey', code, message }]);
    if (!keyring || session || domain || database.state !== 'locked') throw refuse('CONFLICT', 'database_not_locked', 'The database is not locked');
    if (!normaliseRecoveryKey(typed)) throw refuse('VALIDATION_FAILED', 'recovery_key_format', 'That is not a recovery key (32 letters and digits)');
    if (!keyring.unlockWithRecoveryKey(typed)) {
      logger.warn('The recovery key did not open the database', {});
      throw refuse('UNAUTHENTICATED', 'wrong_recovery_key', 'This recovery key does not open this database');
    }
    let resealed = false;
    try {
      resealed = keyring.resealForThisDevice();
    } catch (error) {
      // The database still opens; the next start asks for a password or the recovery key again.
      logger.error('The database key could not be re-wrapped for this device', errorDetails(error));
    }
    unlocking ??= startProfile(keyring.databaseKey());
    await unlocking;
    events.publish('app.status', { database });
    logger.info('Database unlocked with the recovery key', { resealed });
  };

  const requireSession = (): SessionService => whenOpen(session);
  const requirePostRoom = (): PostRoomService => whenOpen(postRoom);
  const requireCaseAttachments = (): CaseAttachments => whenOpen(caseAttachments);
  const requireMail = (): MailService => whenOpen(mail);
  const requireCaseViews = (): CaseViewService => whenOpen(caseViews);
  const requireAccessLog = (): AccessLog => whenOpen(accessLog);
  const requireSync = (): SyncService => whenOpen(sync);
  const requireNotifierStore = (): NotifierCollections => whenOpen(notifierStore);
  // Issue 16: the dashboard's and the recurrence report's caches are emptied whenever cases or settings change.
  events.listenAll((channel) => {
    if (channel === 'cases.changed' || channel === 'settings.changed') {
      reports?.invalidate();
      recurrence?.invalidate();
    }
  });
  const requireReports = (): ReportService => whenOpen(reports);
  const requireRecurrence = (): RecurrenceReports => whenOpen(recurrence);
  const requireBackups = (): BackupService => whenOpen(backups);
  const requirePeople = (): SubjectAccessSources => whenOpen(people);
  const requireSubjectAccess = (): SubjectAccessPorts => {
    const { settings } = requireDomain();
    return {
      sources: requirePeople(),
      accessLog: requireAccessLog(),
      organisationName: async () => (await settings.values()).organisation.name,
      now: () => clock.now(),
    };
  };
  const requireErasure = (): ErasureService => whenOpen(erasure);
  const requireRetention = (): RetentionService => whenOpen(retention);
  const requireKeyring = (): DatabaseKeyring => {
    if (keyring?.isUnlocked()) return keyring;
    throw new ApiError('UNAVAILABLE', protection ? (database.message ?? 'The database is not available.') : 'This profile is not encrypted.');
  };

  const handlers: ApiHandlers = {
    ...appHandlers({
      info: { name: options.appName, version: options.version, dataDirectory, logFile: logger.file, host: options.host, startedAt },
      database: () => database,
      logger,
      now: () => clock.now(),
    }),
    ...sessionHandlers(requireSession, requireDomain, requireSync),
    // While the database is locked, the sign-in screen is shown and the sign-in opens it first.
    'session.current': () => (session ? session.state() : Promise.resolve(lockedSessionState())),
    'session.signIn': async (input) => {
      await unlockDatabase(input.login, input.password);
      return requireSession().signIn(input.login, input.password);
    },
    // P-7.2: the start screen of a locked database; then someone signs in.
    'session.unlockWithRecoveryKey': async (input) => {
      await unlockWithRecoveryKey(input.recoveryKey);
      return session ? session.state() : lockedSessionState();
    },
    ...protectionHandlers({ status: () => protectionStatus(protection, keyring), keyring: requireKeyring, now: () => clock.now() }),
    ...caseHandlers(requireDomain, requireAccessLog, requireCaseAttachments),
    ...settingsHandlers(requireDomain, requireSession),
    ...notificationHandlers(requireDomain, requireNotifierStore, publishUnread),
    ...postHandlers(requirePostRoom, requireAccessLog),
    ...syncHandlers(requireSync),
    ...mailHandlers(requireMail),
    ...caseViewHandlers(requireCaseViews),
    ...accessLogHandlers(requireAccessLog),
    ...peopleHandlers(requirePeople, requireSubjectAccess, options.chooseSavePath),
    ...erasureHandlers(requireRetention, requireErasure, requireSync),
    ...backupHandlers({
      service: requireBackups,
      restore: async (from, target) =>
        restoreOutcome(
          await restoreBackup({
            from,
            dataDirectory: target,
            unlock: { protector: options.keyProtector ?? null },
            ...(profileKey ? { key: profileKey } : {}),
            ...(options.databaseName ? { databaseName: options.databaseName } : {}),
          }),
          from,
        ),
    }),
    ...reportHandlers(requireReports),
    // Issue 16, P-5.3: improvement actions and the recurrence report (from this device's data, cached like the dashboard).
    ...improvementHandlers(requireDomain, requireRecurrence),
  };

  const checked = createDispatcher(handlers, logger, { viewer: () => session?.viewer() ?? null });
  // Without a database there is no session and nobody to sign in: everything but app.* says why
  // (UNAVAILABLE, with the database's message) rather than asking to sign in.
  const dispatch: Dispatch = (method, input, caller) =>
    session ||
    (typeof method === 'string' &&
      (method.startsWith('app.') ||
        (database.state === 'locked' && (method === 'session.current' || method === 'session.signIn' || method === 'session.unlockWithRecoveryKey'))))
      ? checked(method, input, caller)
      : Promise.resolve({ ok: false, error: new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.').toEnvelope() });
  logger.info('Main services started', { host: options.host, version: options.version, dataDirectory });
  return {
    dispatch,
    events,
    logger,
    dataDirectory,
    get domain() {
      return domain;
    },
    get notifier() {
      return notifier;
    },
    get sync() {
      return sync;
    },
    get session() {
      return session;
    },
    get backups() {
      return backups;
    },
    unlockDatabase,
    get retention() {
      return retention;
    },
    get reports() {
      return reports;
    },
    get recurrence() {
      return recurrence;
    },
    get mailWatch() {
      return mailPoller;
    },
    get trendAlerts() {
      return trendAlerts;
    },
    navigate: (path) => events.publish('app.navigate', { path }),
    async trayCounts() {
      if (!domain) return { breached: 0, dueToday: 0 };
      // P-7.1: the tray counts only the cases the person at the device may open.
      const viewer = session?.viewer() ?? null;
      const counts = await domain.queries.count({ views: { breached: { deadline: 'breached' }, dueToday: { deadline: 'due-today' } } }, viewer);
      return { breached: counts['breached'] ?? 0, dueToday: counts['dueToday'] ?? 0 };
    },
    async close() {
      logger.info('Main services stopping');
      await opening.catch(() => undefined);
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
      await unlocking?.catch(() => undefined);
      notifier?.stop();
      trendAlerts?.stop();
      await trendAlerts?.idle();
      backups?.stop();
      mailPoller?.stop();
      await mailPoller?.idle();
      retention?.stop();
      await retention?.idle();
      await backups?.idle(); // a backup under way finishes (or fails and cleans up) before the database closes
      session?.close();
      await sync?.close();
      fileContents?.stop();
      domain?.stop();
      await domain?.rescheduler.idle(); // a recompute still writing finishes before the database closes
      await opened?.database?.close();
      database = { ...database, state: 'closed' };
    },
  };
}

export { errorDetails };
