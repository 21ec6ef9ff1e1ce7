/**
 * The organisation's settings for every screen: complaint types, staff, the working calendar
 * (for countdowns in working days) and the signed-in person's id. Reloads when settings change anywhere.
 */
import { Alert } from '@mantine/core';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsSnapshot } from '@shared/api/types/settings';
import { createTableCalendar, type WorkingCalendar } from '@shared/sla';
import { useApiQuery } from '../api/queries';
import { useViewer } from '../session/SessionContext';

export interface SettingsContextValue {
  readonly settings: SettingsSnapshot;
  readonly calendar: WorkingCalendar;
  readonly reload: () => void;
  /** The signed-in account's id (the session's, never chosen here). */
  readonly me: string;
  typeLabel(id: string): string;
  staffName(id: string): string;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children, fallback }: { readonly children: ReactNode; readonly fallback: ReactNode }) {
  const { t, i18n } = useTranslation();
  // Kept live by settings.changed (live-queries.ts).
  const query = useApiQuery('settings.get', {});
  const me = useViewer()?.accountId ?? '';
  const settings = query.data;
  const { refetch } = query;
  const value = useMemo<SettingsContextValue | null>(() => {
    if (!settings) return null;
    const language = i18n.language === 'lv' ? 'lv' : 'en-GB';
    return {
      settings,
      // Over the main process's table of holidays: date-holidays stays out of the first paint (issue 12).
      calendar: createTableCalendar(settings.calendar, settings.calendar.publicHolidays),
      reload: () => void refetch(),
      me,
      typeLabel: (id) => settings.complaintTypes.find((type) => type.id === id)?.label[language] ?? id,
      staffName: (id) => settings.staff.find((member) => member.id === id)?.name ?? id,
    };
  }, [settings, i18n.language, refetch, me]);
  if (!value && query.error) {
    // E.g. a damaged database file: say so (the file is left untouched) instead of waiting forever.
    return (
      <Alert m="xl" color="red" title={t('status.database.error')} data-testid="startup-error">
        {query.error.message}
      </Alert>
    );
  }
  if (!value) return <>{fallback}</>;
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a SettingsProvider');
  return value;
}
