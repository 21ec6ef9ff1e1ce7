/** The sync status from the main process, kept live by its `sync.status` events. */
import { useState } from 'react';
import type { SyncStatus } from '@shared/domain/sync';
import { useApiEvent, useApiQuery } from '../../api/hooks';

export function useSyncStatus(): SyncStatus | undefined {
  const initial = useApiQuery('sync.status', {});
  const [live, setLive] = useState<SyncStatus | null>(null);
  useApiEvent('sync.status', setLive);
  return live ?? initial.data;
}
