/**
 * The sync status the shell shows, from what the sync service observes: enabled or not, the
 * network, the last answer from the server, replication activity and pending local changes.
 * One rule for what is shown: off, then offline (no network at all), then a problem the server
 * reported, then connecting (until the first full exchange), syncing (work in flight or local
 * changes not yet accepted), or up to date since the last moment both sides held the same data.
 */
import type { SyncProblem, SyncStatus } from '../../shared/domain/sync';

export interface SyncObservations {
  readonly enabled: boolean;
  readonly networkUp: boolean;
  readonly problem: { readonly kind: SyncProblem; readonly message: string } | null;
  readonly connected: boolean;
  readonly active: boolean;
  readonly pending: number;
  readonly lastSyncedAt: string | null;
  readonly nextRetryAt: string | null;
}

export const NOT_SYNCING: SyncObservations = { enabled: false, networkUp: true, problem: null, connected: false, active: false, pending: 0, lastSyncedAt: null, nextRetryAt: null };

export function syncStatusOf(seen: SyncObservations): SyncStatus {
  const common = { pending: seen.pending, lastSyncedAt: seen.lastSyncedAt };
  if (!seen.enabled) return { state: 'off', ...common, problem: null, nextRetryAt: null };
  if (!seen.networkUp) return { state: 'offline', ...common, problem: null, nextRetryAt: seen.nextRetryAt };
  if (seen.problem) return { state: 'error', ...common, problem: seen.problem, nextRetryAt: seen.nextRetryAt };
  if (!seen.connected) return { state: 'connecting', ...common, problem: null, nextRetryAt: null };
  if (seen.active || seen.pending > 0) return { state: 'syncing', ...common, problem: null, nextRetryAt: null };
  return { state: 'up-to-date', ...common, problem: null, nextRetryAt: null };
}
