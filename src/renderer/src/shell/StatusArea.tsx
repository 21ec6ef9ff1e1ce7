import { Badge, Group, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useApiEvent, useApiQuery } from '../api/hooks';
import type { DatabaseStatus } from '../../../shared/api/types/app';
import { SyncBadge } from '../features/sync/SyncBadge';

const COLOURS: Record<DatabaseStatus['state'], string> = {
  opening: 'yellow',
  ready: 'teal',
  error: 'red',
  closed: 'gray',
};

/** The shell's status area: database health and sync. */
export function StatusArea() {
  const { t } = useTranslation();
  const info = useApiQuery(() => call('app.info', {}), []);
  const [live, setLive] = useState<DatabaseStatus | null>(null);
  useApiEvent('app.status', (status) => setLive(status.database));

  if (info.error) {
    return (
      <Badge color="red" variant="light" data-testid="status-api">
        {t('status.apiUnavailable')}
      </Badge>
    );
  }
  const database = live ?? info.data?.database;
  if (!database) {
    return (
      <Badge color="gray" variant="light">
        {t('status.connecting')}
      </Badge>
    );
  }
  return (
    <Group gap="xs" role="status" aria-label={t('shell.statusLabel')}>
      <Tooltip label={database.message ?? database.file ?? ''} disabled={!database.message && !database.file}>
        <Badge color={COLOURS[database.state]} variant="light" data-testid="status-database" data-state={database.state}>
          {t(`status.database.${database.state}`)}
        </Badge>
      </Tooltip>
      {database.state === 'ready' && <SyncBadge />}
    </Group>
  );
}
