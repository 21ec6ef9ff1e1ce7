/** `protection.*`: encryption at rest (P-7.2), for administrators: its status, and a new recovery key shown once. */
import type { ProtectionStatus } from '@shared/api/types/protection';
import type { DatabaseKeyring } from '../../protection/database-keyring';
import type { ApiHandlers } from '../dispatcher';

type Methods = Extract<keyof ApiHandlers, `protection.${string}`>;

export interface ProtectionDeps {
  readonly status: () => ProtectionStatus;
  readonly keyring: () => DatabaseKeyring;
  readonly now: () => Date;
}

export function protectionHandlers(deps: ProtectionDeps): Pick<ApiHandlers, Methods> {
  return {
    'protection.status': () => deps.status(),
    'protection.createRecoveryKey': () => {
      const createdAt = deps.now();
      return { recoveryKey: deps.keyring().createRecoveryKey(createdAt), createdAt: createdAt.toISOString() };
    },
  };
}
