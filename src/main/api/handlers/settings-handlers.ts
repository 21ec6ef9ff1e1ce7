/**
 * `settings.*` and `staff.*` (administrators; the permission table says so). Changes to the SLA
 * policy or calendar move every open deadline. The actor is the signed-in account.
 */
import type { StaffRef } from '@shared/domain/records';
import type { DomainServices } from '../../domain/domain-services';
import type { SessionService } from '../../identity/session-service';
import { signedIn, type ApiHandlers, type CallContext } from '../dispatcher';
import { settingsSnapshot } from '../settings-snapshot';

type SettingsMethods = Extract<keyof ApiHandlers, `settings.${string}` | `staff.${string}`>;

export function settingsHandlers(domain: () => DomainServices, session: () => SessionService): Pick<ApiHandlers, SettingsMethods> {
  const actor = (context: CallContext): StaffRef => {
    const viewer = signedIn(context);
    return { id: viewer.accountId, name: viewer.name };
  };
  const snapshot = () => settingsSnapshot(domain());
  return {
    'settings.get': () => snapshot(),
    'settings.updateOrganisation': async (input, context) => (await domain().settings.updateOrganisation(input, actor(context)), snapshot()),
    // The change moves open deadlines before the answer, so the administrator sees them moved.
    'settings.updateSlaPolicy': async (input, context) => {
      await domain().rescheduler.reschedule(await domain().settings.updateSlaPolicy(input, actor(context)));
      return snapshot();
    },
    'settings.updateCalendar': async (input, context) => {
      await domain().rescheduler.reschedule(await domain().settings.updateCalendar(input, actor(context)));
      return snapshot();
    },
    'settings.updateSecurity': async (input, context) => (await domain().settings.updateSecurity(input, actor(context)), snapshot()),
    'settings.updateWebFormMapping': async (input, context) => (await domain().settings.updateWebFormMapping(input, actor(context)), snapshot()),
    'settings.saveComplaintType': async (input, context) => (await domain().settings.saveComplaintType(input, actor(context)), snapshot()),
    'settings.setDepartments': async (input, context) => (await domain().settings.setDepartments(input.departments, actor(context)), snapshot()),
    'settings.saveRootCauseCategory': async (input, context) => (await domain().settings.saveRootCauseCategory(input, actor(context)), snapshot()),
    'settings.saveRootCause': async (input, context) => (await domain().settings.saveRootCause(input, actor(context)), snapshot()),
    'staff.save': async (input, context) => {
      const verifier = input.password && !input.id ? await session().verifier(input.password) : null;
      await domain().staff.save(input, signedIn(context), verifier);
      if (verifier && input.password) await session().rememberFirstPassword(verifier.salt, input.password);
      return snapshot();
    },
    'staff.setPassword': async (input) => (await session().setPassword(input.staffId, input.password), snapshot()),
  };
}
