/** `sync.*`: the sync settings and status of this device, and what it refused from the server. */
import type { DomainServices } from '../../domain/domain-services';
import type { SyncService } from '../../sync/sync-service';
import type { ApiHandlers } from '../dispatcher';

type SyncMethods = Extract<keyof ApiHandlers, `sync.${string}`>;

export function syncHandlers(sync: () => SyncService, domain: () => DomainServices): Pick<ApiHandlers, SyncMethods> {
  const isAdministrator = async () => (await domain().identity.ensureCurrentStaff()).role === 'administrator';
  return {
    'sync.quarantine': () => sync().quarantine(isAdministrator),
    // Administrators only: the permission table of issue 13 takes this check over.
    'sync.prepareServer': (input) => sync().prepareServer(input, isAdministrator),
    'sync.status': () => sync().status(),
    'sync.settings': () => sync().settings(),
    'sync.configure': (input) => sync().configure(input),
    'sync.now': () => sync().syncNow(),
  };
}
