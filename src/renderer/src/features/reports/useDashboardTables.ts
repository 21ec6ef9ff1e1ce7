/** The dashboard's tables in the user's language and formats, for the dashboard and the monthly report (issue 12: one home). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '@shared/domain/reports';
import { useFormatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';
import { dashboardTables, weekLabel, type ReportTable } from './report-tables';

export function useDashboardTables(dashboard: Dashboard): ReportTable[] {
  const { t, i18n } = useTranslation();
  const { typeLabel } = useSettings();
  const formatters = useFormatters();
  const formatDay = formatters.day;
  return useMemo(() => {
    const monthFormat = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return dashboardTables(dashboard, {
      t,
      typeLabel,
      money: formatters.money,
      decimal: formatters.decimal,
      percent: formatters.percent,
      month: (month) => monthFormat.format(new Date(`${month}-15T12:00:00Z`)),
      week: (week, start) => weekLabel(t, week, formatDay(start)),
    });
  }, [dashboard, t, i18n.language, typeLabel, formatters.money, formatters.decimal, formatters.percent, formatDay]);
}
