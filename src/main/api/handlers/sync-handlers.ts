/** `sync.*`: the sync settings and status of this device. */
import type { SyncService } from '../../sync/sync-service';
import type { ApiHandlers } from '../dispatcher';

type SyncMethods = Extract<keyof ApiHandlers, `sync.${string}`>;

export function syncHandlers(sync: () => SyncService): Pick<ApiHandlers, SyncMethods> {
  return {
    'sync.status': () => sync().status(),
    'sync.settings': () => sync().settings(),
    'sync.configure': (input) => sync().configure(input),
    'sync.now': () => sync().syncNow(),
  };
}
