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
import { settingsHandlers } from './api/handlers/settings-handlers';
import { prepareDataDirectory } from './config/data-directory';
import { openPlaintDatabase } from './database/plaint-database';
import { systemClock, type Clock } from './domain/clock';
import { startDomainServices, type DomainServices } from './domain/domain-services';
import { EventBus } from './events/event-bus';
import { createFileLogger, type Logger } from './logging/logger';

export interface MainServicesOptions {
  readonly dataDirectory: string;
  readonly host: AppInfo['host'];
  readonly appName: string;
  readonly version: string;
  readonly logger?: Logger;
  readonly clock?: Clock;
}

export interface MainServices {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly dataDirectory: string;
  /** Null when the database could not be opened (its status says why). */
  readonly domain: DomainServices | null;
  close(): Promise<void>;
}

export async function startMainServices(options: MainServicesOptions): Promise<MainServices> {
  const dataDirectory = prepareDataDirectory(options.dataDirectory);
  const logger = options.logger ?? createFileLogger(dataDirectory);
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now().toISOString();
  const events = new EventBus();
  const opened = await openPlaintDatabase({ dataDirectory, logger });
  let database: DatabaseStatus = opened.status;
  let domain: DomainServices | null = null;
  if (opened.database) {
    try {
      domain = await startDomainServices(opened.database, events, clock);
    } catch (error) {
      logger.error('The complaint data could not be loaded', errorDetails(error));
      database = { ...database, state: 'error', message: `The complaint data could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const requireDomain = (): DomainServices => {
    if (domain) return domain;
    throw new ApiError('UNAVAILABLE', database.message ?? 'The database is not available.');
  };

  const handlers: ApiHandlers = {
    ...appHandlers({
      info: { name: options.appName, version: options.version, dataDirectory, logFile: logger.file, host: options.host, startedAt },
      database: () => database,
      logger,
      now: () => clock.now(),
    }),
    ...caseHandlers(requireDomain),
    ...settingsHandlers(requireDomain),
  };

  logger.info('Main services started', { host: options.host, version: options.version, dataDirectory });
  return {
    dispatch: createDispatcher(handlers, logger),
    events,
    logger,
    dataDirectory,
    domain,
    async close() {
      logger.info('Main services stopping');
      domain?.stop();
      await opened.database?.close();
      database = { ...database, state: 'closed' };
    },
  };
}

export { errorDetails };
