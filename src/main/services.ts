/**
 * The main process's composition root: it starts every service of a profile (log, database,
 * domain services, notifier, sync) and returns the API dispatcher the hosts wire to renderers.
 *
 * Plain Node: the Electron app (src/main/index.ts) and the browser test harness (e2e/harness)
 * both call this, so everything behind the API is the same code in both.
 */
import { ApiError } from '../shared/api/errors';
import type { AppInfo, DatabaseStatus } from '../shared/api/types/app';
import { createDispatcher, errorDetails, type ApiHandlers, type Dispatch } from './api/dispatcher';
import { appHandlers } from './api/handlers/app-handlers';
import { caseHandlers } from './api/handlers/case-handlers';
import { caseViewHandlers } from './api/handlers/case-view-handlers';
import { accessLogHandlers } from './api/handlers/access-log-handlers';
import { AccessLog, addAccessLogCollection } from './domain/access-log/access-log';
import { settingsHandlers } from './api/handlers/settings-handlers';
import { prepareDataDirectory } from './config/data-directory';
import { openPlaintDatabase } from './database/plaint-database';
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
import { postHandlers } from './api/handlers/post-handlers';
import { addFileCollections, FileStore } from './files/file-store';
import { addLetterCollections } from './post-room/letters-collection';
import { PostRoomService } from './post-room/post-room-service';
import { conflictHandlersFor } from './sync/conflict-handlers';
import { syncHandlers } from './api/handlers/sync-handlers';
import { addDeviceCodeCollection } from './sync/device-codes';
import { memorySecretStore, type SecretStore } from './sync/secret-store';
import { SyncService } from './sync/sync-service';
import type { RetryPolicy } from './sync/sync-session';
import { sessionHandlers } from './api/handlers/session-handlers';
import { SessionService } from './identity/session-service';
import type { ScryptCost } from './identity/password';

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
  /** Who is signed in; null when the database could not be opened. */
  readonly session: SessionService | null;
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
  const opened = await openPlaintDatabase({ dataDirectory, logger, fullText: { cases: caseSearchText }, ...(options.databaseName ? { name: options.databaseName } : {}) });
  let database: DatabaseStatus = opened.status;
  let domain: DomainServices | null = null;
  if (opened.database) {
    try {
      domain = await startDomainServices(opened.database, events, clock, conflictHandlersFor(opened.database, clock), (error) => logger.error('Open deadlines could not be moved to the new settings', errorDetails(error)));
    } catch (error) {
      logger.error('The complaint data could not be loaded', errorDetails(error));
      database = { ...database, state: 'error', message: `The complaint data could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const requireDomain = (): DomainServices => {
    if (domain) return domain;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };

  let notifierStore: NotifierCollections | null = null;
  let notifier: DeadlineNotifier | null = null;
  let session: SessionService | null = null;
  if (domain) {
    session = new SessionService({
      db: domain.db,
      identity: domain.identity,
      settings: domain.settings,
      clock,
      logger,
      ...(options.scryptCost ? { scryptCost: options.scryptCost } : {}),
      ...(options.idleLock === false ? { idleLock: false } : {}),
      publish: (state) => events.publish('session.changed', state),
    });
  }
  const requireSession = (): SessionService => {
    if (session) return session;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };
  const publishUnread = () => {
    const me = session?.account();
    if (!domain || !notifierStore || !me) return;
    const ready = domain;
    void unreadNotifications(notifierStore, me.accountId, (caseIds) => ready.queries.openableIds(caseIds, me))
      .then((unread) => events.publish('notifications.changed', { unread }))
      .catch((error: unknown) => logger.warn('Could not count unread notifications', errorDetails(error)));
  };
  if (domain && opened.database) {
    const ready = domain;
    notifierStore = await addNotifierCollections(opened.database);
    // Without a desktop (plain Node: the harness) the log is the sink; it records which
    // notification, never its words, which name the complainant (P-7.2).
    const sink: NotificationSink = options.notificationSink ?? { show: (notification) => logger.info('Desktop notification', { id: notification.id, level: notification.level, path: notification.path }) };
    notifier = new DeadlineNotifier({
      clock,
      timers: options.timers ?? realTimers,
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
      onChange: publishUnread,
      onError: (error) => logger.error('The deadline notifier failed', errorDetails(error)),
    });
    events.listenAll((channel) => {
      // A sign-in gives the notifier its recipient: what is due or breached is told to them now.
      if (channel === 'cases.changed' || channel === 'settings.changed' || channel === 'session.changed') notifier?.requestRecompute();
      if (channel === 'session.changed') publishUnread();
    });
    await notifier.start();
  }
  let postRoom: PostRoomService | null = null;
  if (domain && opened.database) {
    const handlerFor = conflictHandlersFor(opened.database, clock);
    const letters = await addLetterCollections(opened.database, handlerFor);
    postRoom = new PostRoomService(domain, letters, new FileStore(await addFileCollections(opened.database, handlerFor)), clock);
    letters.letters.$.subscribe(() => events.publish('letters.changed', {}));
  }
  const requirePostRoom = (): PostRoomService => {
    if (postRoom) return postRoom;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };

  let caseViews: CaseViewService | null = null;
  if (domain && opened.database) {
    const { identity } = domain;
    const collection = await addCaseViewCollection(opened.database, conflictHandlersFor(opened.database, clock));
    caseViews = new CaseViewService(collection, { reader: () => identity.actor(), writer: () => identity.actor() }, clock);
    collection.$.subscribe(() => events.publish('caseViews.changed', {}));
  }
  const requireCaseViews = (): CaseViewService => {
    if (caseViews) return caseViews;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };

  let accessLog: AccessLog | null = null;
  if (domain && opened.database) {
    const { settings } = domain;
    accessLog = new AccessLog(await addAccessLogCollection(opened.database, conflictHandlersFor(opened.database, clock)), domain.db, () => settings.calendar(), clock);
  }
  const requireAccessLog = (): AccessLog => {
    if (accessLog) return accessLog;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };

  let sync: SyncService | null = null;
  if (domain && opened.database) {
    sync = new SyncService({
      database: opened.database,
      deviceCodes: await addDeviceCodeCollection(opened.database, conflictHandlersFor(opened.database, clock)),
      identity: domain.identity,
      secrets: options.secretStore ?? memorySecretStore(),
      clock,
      logger,
      publish: (status) => events.publish('sync.status', status),
      ...(options.networkUp ? { networkUp: options.networkUp } : {}),
      ...(options.syncRetry ? { retry: options.syncRetry } : {}),
      ...(options.syncHeartbeatMs ? { heartbeatMs: options.syncHeartbeatMs } : {}),
    });
    await sync.start();
  }
  const requireSync = (): SyncService => {
    if (sync) return sync;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };

  const requireNotifierStore = (): NotifierCollections => {
    if (notifierStore) return notifierStore;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };

  const handlers: ApiHandlers = {
    ...appHandlers({
      info: { name: options.appName, version: options.version, dataDirectory, logFile: logger.file, host: options.host, startedAt },
      database: () => database,
      logger,
      now: () => clock.now(),
    }),
    ...sessionHandlers(requireSession, requireDomain, requireSync),
    ...caseHandlers(requireDomain, requireAccessLog),
    ...settingsHandlers(requireDomain, requireSession),
    ...notificationHandlers(requireDomain, requireNotifierStore, publishUnread),
    ...postHandlers(requirePostRoom, requireAccessLog),
    ...syncHandlers(requireSync),
    ...caseViewHandlers(requireCaseViews),
    ...accessLogHandlers(requireAccessLog),
  };

  const checked = createDispatcher(handlers, logger, { viewer: () => session?.viewer() ?? null });
  // Without a database there is no session and nobody to sign in: everything but app.* says why
  // (UNAVAILABLE, with the database's message) rather than asking to sign in.
  const dispatch: Dispatch = (method, input, caller) =>
    session || (typeof method === 'string' && method.startsWith('app.')) ? checked(method, input, caller) : Promise.resolve({ ok: false, error: new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.').toEnvelope() });
  logger.info('Main services started', { host: options.host, version: options.version, dataDirectory });
  return {
    dispatch,
    events,
    logger,
    dataDirectory,
    domain,
    notifier,
    sync,
    session,
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
      notifier?.stop();
      session?.close();
      await sync?.close();
      domain?.stop();
      await domain?.rescheduler.idle(); // a recompute still writing finishes before the database closes
      await opened.database?.close();
      database = { ...database, state: 'closed' };
    },
  };
}

export { errorDetails };
