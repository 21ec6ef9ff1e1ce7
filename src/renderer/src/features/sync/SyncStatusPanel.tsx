/** The sync status in full: state, pending changes, last sync, the problem and the next retry, a server that needs no login, and "Sync now". */
import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useFormatters } from '../../common/format';
import { SYNC_COLOURS } from './SyncBadge';
import { useSyncStatus } from './useSyncStatus';

export function SyncStatusPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = useSyncStatus();
  const [error, setError] = useState<string | null>(null);
  if (!status) return null;
  const syncNow = () => {
    setError(null);
    call('sync.now', {}).catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  return (
    <Paper withBorder p="md" data-testid="sync-status-panel">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="sm">
            <Badge size="lg" color={SYNC_COLOURS[status.state]} variant="light" data-testid="sync-state" data-state={status.state}>
              {t(`sync.state.${status.state}`)}
            </Badge>
            {status.pending !== null && status.pending > 0 && <Text size="sm">{t('sync.pending', { count: status.pending })}</Text>}
          </Group>
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={syncNow}
            disabled={status.state === 'off'}
            data-testid="sync-now"
          >
            {t('sync.now')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" data-testid="sync-last">
          {status.lastSyncedAt ? t('sync.lastSynced', { time: format.dateTime(status.lastSyncedAt) }) : t('sync.neverSynced')}
        </Text>
        {status.problem && (
          <Alert color="red" title={t(`sync.badge.error.${status.problem.kind}`)} data-testid="sync-problem">
            {status.problem.message}
            {status.nextRetryAt && ` ${t('sync.nextRetry', { time: format.relative(status.nextRetryAt, new Date()) })}`}
          </Alert>
        )}
        {status.notice && (
          <Alert color="yellow" title={t(`sync.notice.${status.notice.kind}`)} data-testid="sync-notice">
            {t('sync.notice.resending', { count: status.notice.resending })}
          </Alert>
        )}
        {status.serverWarning && (
          <Alert color="orange" title={t('sync.serverWarning.title')} data-testid="sync-server-warning" data-warning={status.serverWarning}>
            {t(`sync.serverWarning.${status.serverWarning}`)}
          </Alert>
        )}
        {status.quarantined > 0 && (
          <Text size="sm" c="orange.8" data-testid="sync-quarantined">
            {t('sync.quarantine.count', { count: status.quarantined })}
          </Text>
        )}
        {status.state === 'offline' && <Text size="sm">{t('sync.offlineHint')}</Text>}
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
