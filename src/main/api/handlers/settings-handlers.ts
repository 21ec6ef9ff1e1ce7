/** `settings.*` and `staff.*`. Changes to the SLA policy or calendar move every open deadline. */
import type { DomainServices } from '../../domain/domain-services';
import type { ApiHandlers } from '../dispatcher';
import { settingsSnapshot } from '../settings-snapshot';

type SettingsMethods = Extract<keyof ApiHandlers, `settings.${string}` | `staff.${string}`>;

export function settingsHandlers(domain: () => DomainServices): Pick<ApiHandlers, SettingsMethods> {
  const actor = () => domain().identity.actor();
  const snapshot = () => settingsSnapshot(domain());
  return {
    'settings.get': () => snapshot(),
    'settings.updateOrganisation': async (input) => (await domain().settings.updateOrganisation(input, await actor()), snapshot()),
    // The change moves open deadlines before the answer, so the administrator sees them moved.
    'settings.updateSlaPolicy': async (input) => {
      await domain().rescheduler.reschedule(await domain().settings.updateSlaPolicy(input, await actor()));
      return snapshot();
    },
    'settings.updateCalendar': async (input) => {
      await domain().rescheduler.reschedule(await domain().settings.updateCalendar(input, await actor()));
      return snapshot();
    },
    'settings.saveComplaintType': async (input) => (await domain().settings.saveComplaintType(input, await actor()), snapshot()),
    'settings.setDepartments': async (input) => (await domain().settings.setDepartments(input.departments, await actor()), snapshot()),
    'staff.save': async (input) => (await domain().staff.save(input), snapshot()),
    'staff.setCurrent': async (input) => (await domain().staff.setCurrent(input.staffId), snapshot()),
  };
}
