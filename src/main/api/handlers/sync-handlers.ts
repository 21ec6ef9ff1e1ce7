/** `sync.*`: the sync settings and status of this device, and what it refused from the server. */
import type { SyncService } from '../../sync/sync-service';
import type { ApiHandlers, CallContext } from '../dispatcher';

const isAdministrator = (context: CallContext): boolean => context.viewer?.roles.includes('administrator') === true;

type SyncMethods = Extract<keyof ApiHandlers, `sync.${string}`>;

export function syncHandlers(sync: () => SyncService): Pick<ApiHandlers, SyncMethods> {
  return {
    // The permission table lets administrators only; the service checks again.
    'sync.quarantine': (_input, context) => sync().quarantine(() => Promise.resolve(isAdministrator(context))),
    'sync.prepareServer': (input, context) => sync().prepareServer(input, () => Promise.resolve(isAdministrator(context))),
    'sync.status': () => sync().status(),
    'sync.settings': () => sync().settings(),
    'sync.configure': (input) => sync().configure(input),
    'sync.now': () => sync().syncNow(),
  };
}
