/** `backup.*` (issue 14, administrators only: the permission table says so). */
import type { RestoreOutcome } from '@shared/domain/backup';
import type { BackupService } from '../../backup/backup-service';
import type { ApiHandlers } from '../dispatcher';

type BackupMethods = Extract<keyof ApiHandlers, `backup.${string}`>;

export interface BackupPorts {
  readonly service: () => BackupService;
  readonly restore: (from: string, dataDirectory: string) => Promise<RestoreOutcome>;
}

export function backupHandlers(ports: BackupPorts): Pick<ApiHandlers, BackupMethods> {
  return {
    'backup.status': () => ports.service().view(),
    'backup.configure': (input) => ports.service().configure(input),
    'backup.now': () => ports.service().backUpNow(),
    'backup.restore': (input) => ports.restore(input.from, input.dataDirectory),
  };
}
