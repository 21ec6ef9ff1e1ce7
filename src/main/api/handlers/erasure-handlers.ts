/** `retention.*` and `erasure.*` (issue 14, P-7.2; administrators only: the permission table says so). */
import type { ErasureService } from '../../erasure/erasure-service';
import type { RetentionService } from '../../retention/retention-service';
import type { SyncService } from '../../sync/sync-service';
import { signedIn, type ApiHandlers } from '../dispatcher';

type ErasureMethods = Extract<keyof ApiHandlers, `retention.${string}` | `erasure.${string}`>;

export function erasureHandlers(retention: () => RetentionService, erasure: () => ErasureService, sync: () => SyncService): Pick<ApiHandlers, ErasureMethods> {
  return {
    'retention.status': (_input, context) => retention().view(signedIn(context)),
    'retention.setPolicy': (input, context) => retention().setPolicy(input, signedIn(context)),
    'retention.approve': (input, context) => retention().approve(input.caseIds, signedIn(context)),
    'erasure.erase': (input, context) =>
      erasure().erase({ caseIds: input.caseIds, letterIds: input.letterIds, reason: input.reason, trigger: 'request' }, signedIn(context)),
    'erasure.cleanServer': (input) => sync().cleanServer(input),
    'erasure.register': () => erasure().register(),
  };
}
