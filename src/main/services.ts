/**
 * The main process's composition root: it starts every service of a profile (log, database,
 * domain services, notifier, sync) and returns the API dispatcher the hosts wire to renderers.
 *
 * Plain Node: the Electron app (src/main/index.ts) and the browser test harness (e2e/harness)
 * both call this, so everything behind the API is the same code in both.
 */
import { createDispatcher, errorDetails, type ApiHandlers, type Dispatch } from './api/dispatcher';
import { EventBus } from './events/event-bus';
import { createFileLogger, type Logger } from './logging/logger';
import { prepareDataDirectory } from './config/data-directory';
import type { AppInfo, DatabaseStatus } from '../shared/api/types/app';
import { openPlaintDatabase } from './database/plaint-database';

export interface MainServicesOptions {
  readonly dataDirectory: string;
  readonly host: AppInfo['host'];
  readonly appName: string;
  readonly version: string;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

export interface MainServices {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly dataDirectory: string;
  close(): Promise<void>;
}

export async function startMainServices(options: MainServicesOptions): Promise<MainServices> {
  const dataDirectory = prepareDataDirectory(options.dataDirectory);
  const logger = options.logger ?? createFileLogger(dataDirectory);
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const events = new EventBus();
  const opened = await openPlaintDatabase({ dataDirectory, logger });
  let database: DatabaseStatus = opened.status;

  const handlers: ApiHandlers = {
    'app.info': () => ({
      name: options.appName,
      version: options.version,
      dataDirectory,
      logFile: logger.file,
      host: options.host,
      database,
      startedAt,
    }),
    'app.ping': (input) => ({ pong: true, message: input.message ?? null, receivedAt: now().toISOString() }),
    'app.reportError': (input) => {
      logger.error(`Renderer error (${input.source}): ${input.message}`, {
        stack: input.stack,
        componentStack: input.componentStack,
        url: input.url,
      });
      return { logged: true };
    },
  };

  logger.info('Main services started', { host: options.host, version: options.version, dataDirectory });
  return {
    dispatch: createDispatcher(handlers, logger),
    events,
    logger,
    dataDirectory,
    async close() {
      logger.info('Main services stopping');
      await opened.database?.close();
      database = { ...database, state: 'closed' };
    },
  };
}

export { errorDetails };
