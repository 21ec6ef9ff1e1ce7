/**
 * Sync in the shell, at a glance: off, offline, connecting, syncing with the pending count, up to
 * date since when, or the problem. It opens Settings → Sync, where the detail and "Sync now" are.
 */
import { Badge, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SyncState } from '@shared/domain/sync';
import { useFormatters } from '../../common/format';
import { useSyncStatus } from './useSyncStatus';

export const SYNC_COLOURS: Record<SyncState, string> = {
  off: 'gray',
  offline: 'yellow',
  connecting: 'blue',
  syncing: 'blue',
  'up-to-date': 'teal',
  error: 'red',
};

export function SyncBadge() {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = useSyncStatus();
  if (!status) return null;
  const label =
    status.state === 'syncing'
      ? status.pending === null
        ? t('sync.badge.syncingUncounted')
        : t('sync.badge.syncing', { count: status.pending })
      : status.state === 'error'
        ? t(`sync.badge.error.${status.problem?.kind ?? 'server'}`)
        : t(`sync.badge.${status.state}`);
  const detail =
    status.problem?.message ??
    status.notice?.message ??
    (status.lastSyncedAt ? t('sync.lastSynced', { time: format.dateTime(status.lastSyncedAt) }) : t('sync.neverSynced'));
  return (
    <Tooltip label={detail}>
      <UnstyledButton component={Link} href="/settings/sync" aria-label={`${label}. ${detail}`}>
        <Badge color={SYNC_COLOURS[status.state]} variant="light" data-testid="status-sync" data-state={status.state}>
          {label}
        </Badge>
      </UnstyledButton>
    </Tooltip>
  );
}
