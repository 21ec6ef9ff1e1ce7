import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';
import type { DatabaseStatus } from '@shared/api/types/app';
import { SyncBadge } from '../features/sync/SyncBadge';

const COLOURS: Record<DatabaseStatus['state'], string> = {
  opening: 'yellow',
  locked: 'yellow',
  ready: 'teal',
  error: 'red',
  closed: 'gray',
};

/** The shell's status area: database health (kept live by app.status, live-queries.ts) and sync. */
export function StatusArea() {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {});

  if (info.error) {
    return (
      <Badge color="red" variant="light" data-testid="status-api">
        {t('status.apiUnavailable')}
      </Badge>
    );
  }
  const database = info.data?.database;
  if (!database) {
    return (
      <Badge color="gray" variant="light">
        {t('status.connecting')}
      </Badge>
    );
  }
  // Issue 18: a working database is not news; only its problems (and the opening or lock) are shown.
  if (database.state === 'ready') {
    // P-7.2: an upgrade at start that failed (the profile opened as it was) is news until the next start.
    const failed = database.upgrade?.outcome === 'failed' ? database.upgrade.kind : null;
    return (
      <Group gap="xs" role="status" aria-label={t('shell.statusLabel')} data-testid="status-area" data-database="ready">
        {failed ? (
          <Tooltip label={t(failed === 'encrypt' ? 'starting.encryptFailed' : 'starting.cipherFailed')} multiline w={320}>
            <Badge color="orange" variant="light" data-testid="status-upgrade-failed">
              {t('status.upgradeFailed')}
            </Badge>
          </Tooltip>
        ) : null}
        <SyncBadge />
      </Group>
    );
  }
  return (
    <Group gap="xs" role="status" aria-label={t('shell.statusLabel')} data-testid="status-area" data-database={database.state}>
      <Tooltip label={database.message ?? database.file ?? ''} disabled={!database.message && !database.file}>
        <Badge color={COLOURS[database.state]} variant="light" data-testid="status-database" data-state={database.state}>
          {t(`status.database.${database.state}`)}
        </Badge>
      </Tooltip>
    </Group>
  );
}
