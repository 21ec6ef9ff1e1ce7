/**
 * `session.*`: sign-in, sign-out, lock and unlock, and the first start. Callable signed out (the
 * permission table says so); none of them ever answers with a password or a verifier.
 */
import { DomainError } from '@shared/domain/domain-error';
import type { DomainServices } from '../../domain/domain-services';
import type { SessionService } from '../../identity/session-service';
import type { SyncService } from '../../sync/sync-service';
import type { ApiHandlers } from '../dispatcher';

/** Unlocking a locked database with the recovery key opens the database itself: the composition root (services.ts) handles it. */
type SessionMethods = Exclude<Extract<keyof ApiHandlers, `session.${string}`>, 'session.unlockWithRecoveryKey'>;

export function sessionHandlers(session: () => SessionService, domain: () => DomainServices, sync: () => SyncService): Pick<ApiHandlers, SessionMethods> {
  return {
    'session.current': () => session().state(),
    'session.signIn': (input) => session().signIn(input.login, input.password),
    'session.signOut': () => session().signOut(),
    'session.lock': () => session().lock(),
    'session.unlock': (input) => session().unlock(input.password),
    'session.activity': () => session().activity(),
    'session.changePassword': (input) => session().changePassword(input.currentPassword, input.newPassword),
    'session.setUpTeam': (input) => session().setUpTeam(input),
    // Join a team: only on a device with no account yet. Sync pulls the directory; then sign in.
    'session.joinTeam': async (input) => {
      if (!(await session().needsSetup())) {
        const message = 'This device already belongs to a team: sign in';
        throw new DomainError('FORBIDDEN', message, [{ path: '', code: 'team_exists', message }]);
      }
      await sync().configure({ ...input, enabled: true });
      await domain().identity.setJoinedTeam();
      void sync().syncNow();
      return session().state();
    },
  };
}
