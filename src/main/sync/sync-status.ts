/**
 * The sync status the shell shows, from what the sync service observes: enabled or not, the
 * network, the problems the server reported, replication activity, pending local changes, and
 * how recently the server answered. One rule for what is shown: off, then offline (no network at
 * all), then a problem, then connecting (until the replications have done a full exchange, or
 * while the server has not answered for a while), syncing (work in flight, local changes not
 * yet accepted, or a pending count not known yet), or up to date since the last moment both
 * sides held the same data.
 *
 * "Up to date" therefore needs all of: a full exchange done, nothing in flight, a pending count
 * that is known and zero (everything local is on the server at its local revision), no problem,
 * and an answer from the server within the last few heartbeats.
 */
import type { ServerWarning, SyncNotice, SyncProblem, SyncStatus } from '../../shared/domain/sync';

export interface SyncObservations {
  readonly enabled: boolean;
  readonly networkUp: boolean;
  readonly problem: { readonly kind: SyncProblem; readonly message: string } | null;
  readonly connected: boolean;
  readonly active: boolean;
  /** Null: not known (the replications are starting). */
  readonly pending: number | null;
  /** The server answered recently (an answer or a long-poll heartbeat). */
  readonly contactFresh: boolean;
  readonly lastSyncedAt: string | null;
  readonly nextRetryAt: string | null;
  readonly notice: SyncNotice | null;
  readonly quarantined: number;
  /** The server answered an anonymous request (anonymous-access.ts). */
  readonly serverWarning: ServerWarning | null;
}

export const NOT_SYNCING: SyncObservations = {
  enabled: false,
  networkUp: true,
  problem: null,
  connected: false,
  active: false,
  pending: null,
  contactFresh: false,
  lastSyncedAt: null,
  nextRetryAt: null,
  notice: null,
  quarantined: 0,
  serverWarning: null,
};

export function syncStatusOf(seen: SyncObservations): SyncStatus {
  const common = {
    pending: seen.pending,
    lastSyncedAt: seen.lastSyncedAt,
    notice: seen.notice,
    quarantined: seen.quarantined,
    serverWarning: seen.enabled ? seen.serverWarning : null,
  };
  if (!seen.enabled) return { state: 'off', ...common, problem: null, nextRetryAt: null };
  if (!seen.networkUp) return { state: 'offline', ...common, problem: null, nextRetryAt: seen.nextRetryAt };
  if (seen.problem) return { state: 'error', ...common, problem: seen.problem, nextRetryAt: seen.nextRetryAt };
  if (!seen.connected || !seen.contactFresh) return { state: 'connecting', ...common, problem: null, nextRetryAt: null };
  if (seen.active || seen.pending === null || seen.pending > 0) return { state: 'syncing', ...common, problem: null, nextRetryAt: null };
  return { state: 'up-to-date', ...common, problem: null, nextRetryAt: null };
}
