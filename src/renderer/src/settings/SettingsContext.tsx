/**
 * The organisation's settings for every screen: complaint types, staff, the working calendar
 * (for countdowns in working days) and "who am I". Reloads when settings change anywhere.
 */
import { Alert } from '@mantine/core';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsSnapshot } from '../../../shared/api/types/settings';
import { createWorkingCalendar, type WorkingCalendar } from '../../../shared/sla';
import { call } from '../api/client';
import { useApiEvent, useApiQuery } from '../api/hooks';

export interface SettingsContextValue {
  readonly settings: SettingsSnapshot;
  readonly calendar: WorkingCalendar;
  readonly reload: () => void;
  typeLabel(id: string): string;
  staffName(id: string): string;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children, fallback }: { readonly children: ReactNode; readonly fallback: ReactNode }) {
  const { t, i18n } = useTranslation();
  const query = useApiQuery(() => call('settings.get', {}), []);
  useApiEvent('settings.changed', () => query.reload());
  const settings = query.data;
  const value = useMemo<SettingsContextValue | null>(() => {
    if (!settings) return null;
    const language = i18n.language === 'lv' ? 'lv' : 'en-GB';
    return {
      settings,
      calendar: createWorkingCalendar(settings.calendar),
      reload: query.reload,
      typeLabel: (id) => settings.complaintTypes.find((type) => type.id === id)?.label[language] ?? id,
      staffName: (id) => settings.staff.find((member) => member.id === id)?.name ?? id,
    };
  }, [settings, i18n.language, query.reload]);
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
