/** Date-and-time inputs bound to the office's time zone from the settings, with the zone named where the PC differs (issue 18). */
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../settings/SettingsContext';
import { fromOfficeInput, officeZoneNote, toOfficeInput } from './datetime';

export interface OfficeTime {
  toInput(date: Date): string;
  fromInput(value: string): string | null;
  /** "Office time (Europe/London)" when the PC is in another zone; undefined otherwise. */
  readonly note: string | undefined;
}

export function useOfficeTime(): OfficeTime {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const timeZone = settings.calendar.timeZone;
  const zone = officeZoneNote(timeZone);
  return {
    toInput: (date) => toOfficeInput(date, timeZone),
    fromInput: (value) => fromOfficeInput(value, timeZone),
    note: zone ? t('common.officeTime', { zone }) : undefined,
  };
}
