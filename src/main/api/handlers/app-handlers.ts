/** `app.*`: installation details, a round trip, and renderer error reports for the log. */
import type { AppInfo, DatabaseStatus } from '@shared/api/types/app';
import type { Logger } from '../../logging/logger';
import type { ApiHandlers } from '../dispatcher';

export interface AppHandlerDeps {
  readonly info: Omit<AppInfo, 'database'>;
  readonly database: () => DatabaseStatus;
  readonly logger: Logger;
  readonly now: () => Date;
}

export function appHandlers(deps: AppHandlerDeps): Pick<ApiHandlers, 'app.info' | 'app.ping' | 'app.reportError'> {
  return {
    'app.info': () => ({ ...deps.info, database: deps.database() }),
    'app.ping': (input) => ({ pong: true, message: input.message ?? null, receivedAt: deps.now().toISOString() }),
    'app.reportError': (input) => {
      deps.logger.error(`Renderer error (${input.source}): ${input.message}`, { stack: input.stack, componentStack: input.componentStack, url: input.url });
      return { logged: true };
    },
  };
}
