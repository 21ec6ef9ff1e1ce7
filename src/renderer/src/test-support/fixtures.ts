/**
 * What the main process answers about the team and the session, as renderer tests need it:
 * one home for the settings snapshot and the signed-in session (issue 12).
 */
import type { SettingsSnapshot } from '@shared/api/types/settings';
import type { SessionState } from '@shared/identity/session-inputs';
import type { Viewer } from '@shared/identity/viewer';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY, publicHolidayTable, type PublicHolidayTable } from '@shared/sla';
import { publicHolidaysByRule } from '@shared/sla/public-holidays';
import { DEFAULT_WEB_FORM_MAPPING } from '@shared/domain/web-form';

/** The region's public holidays as the main process sends them with the settings (around today). */
export function holidayTable(region: string): PublicHolidayTable {
  return publicHolidayTable(region, publicHolidaysByRule, new Date());
}

/** A British office with the default procedure and calendar, nothing configured; `overrides` replace whole fields. */
export function settingsSnapshot(overrides: Partial<SettingsSnapshot> = {}): SettingsSnapshot {
  return {
    organisation: { name: 'Welzo', addressLines: [], postcode: '', country: 'GB', email: '', phone: '', independentAdvice: { 'en-GB': '', lv: '' } },
    slaPolicy: DEFAULT_SLA_POLICY,
    calendar: {
      ...DEFAULT_CALENDAR,
      closures: [],
      extraWorkingDays: [],
      workWeek: [1, 2, 3, 4, 5],
      dayNotes: {},
      publicHolidays: holidayTable(DEFAULT_CALENDAR.region),
    },
    complaintTypes: [],
    departments: [],
    rootCauses: [],
    staff: [],
    security: { idleLockMinutes: 15 },
    webFormMapping: DEFAULT_WEB_FORM_MAPPING,
    deviceCode: '7KQ2',
    ...overrides,
  };
}

/** The same office in Latvia, on Riga's calendar with no closures. */
export function latvianSettingsSnapshot(overrides: Partial<SettingsSnapshot> = {}): SettingsSnapshot {
  return settingsSnapshot({
    organisation: { name: 'Welzo', addressLines: [], postcode: '', country: 'LV', email: '', phone: '', independentAdvice: { 'en-GB': '', lv: '' } },
    calendar: {
      region: 'LV',
      timeZone: 'Europe/Riga',
      closures: [],
      extraWorkingDays: [],
      workWeek: [1, 2, 3, 4, 5],
      dayNotes: {},
      publicHolidays: holidayTable('LV'),
    },
    ...overrides,
  });
}

/** The session of `viewer`, signed in at Welzo. */
export function signedIn(viewer: Viewer): SessionState {
  return { state: 'signed-in', viewer, idleLockMinutes: 15, organisation: 'Welzo', awaitingDirectory: false };
}
