/**
 * The settings screens' one answer (the API's SettingsSnapshot), assembled from the domain's
 * services: the transport's shape is the adapter's to build, so the domain never imports it.
 */
import type { SettingsSnapshot } from '../../shared/api/types/settings';
import { publicHolidayTable } from '../../shared/sla';
import { publicHolidaysByRule } from '../../shared/sla/public-holidays';
import type { DomainServices } from '../domain/domain-services';

export async function settingsSnapshot(domain: DomainServices): Promise<SettingsSnapshot> {
  const [values, staff, device] = await Promise.all([domain.settings.values(), domain.staffMembers(), domain.identity.state()]);
  return {
    ...values,
    calendar: {
      ...values.calendar,
      closures: [...values.calendar.closures],
      extraWorkingDays: [...values.calendar.extraWorkingDays],
      workWeek: [...values.calendar.workWeek],
      dayNotes: { ...values.calendar.dayNotes },
      publicHolidays: publicHolidayTable(values.calendar.region, publicHolidaysByRule, domain.clock.now()),
    },
    staff,
    security: { ...values.security },
    deviceCode: device.deviceCode,
  };
}
