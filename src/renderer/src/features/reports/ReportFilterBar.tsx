/** The dashboard's filters (issue 16): the date range received, type, channel, department, stage, caseworker and product; volumes per month or week. */
import { Button, Group, Input, MultiSelect, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import { REPORT_GROUPINGS, type ReportFilters } from '@shared/domain/reports';
import { useSettings } from '../../settings/SettingsContext';
import { AssigneeSelect, ChannelSelect, ComplaintTypeSelect, StageSelect } from '../cases/CaseFacetSelects';

/** The filters with a change; an emptied list or date drops the filter. */
export function withReportFilter(filters: ReportFilters, patch: Partial<ReportFilters>): ReportFilters {
  const kept = Object.entries({ ...filters, ...patch }).filter(
    ([, value]) => !(value === undefined || value === '' || (Array.isArray(value) && value.length === 0)),
  );
  return Object.fromEntries(kept) as ReportFilters;
}

/** The products to choose from: those of the cases shown, and those chosen. */
export function productOptions(shown: readonly string[], chosen: readonly string[]): string[] {
  return [...new Set([...shown, ...chosen])].filter((product) => product !== '').sort((a, b) => a.localeCompare(b));
}

export function ReportFilterBar({
  filters,
  onChange,
  products,
}: {
  readonly filters: ReportFilters;
  readonly onChange: (filters: ReportFilters) => void;
  readonly products: readonly string[];
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const set = (patch: Partial<ReportFilters>) => onChange(withReportFilter(filters, patch));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="report-filters">
      <OfficeDateInput
        size="xs"
        w={150}
        label={t('reports.from')}
        value={filters.from ?? ''}
        onChange={(value) => set({ from: value || undefined })}
        data-testid="report-from"
      />
      <OfficeDateInput
        size="xs"
        w={150}
        label={t('reports.to')}
        value={filters.to ?? ''}
        onChange={(value) => set({ to: value || undefined })}
        data-testid="report-to"
      />
      <ComplaintTypeSelect label={t('reports.type')} value={filters.types} onChange={(types) => set({ types })} />
      <ChannelSelect label={t('reports.channel')} value={filters.channels} onChange={(channels) => set({ channels })} />
      <MultiSelect
        size="xs"
        w={170}
        label={t('reports.department')}
        data={[...settings.departments]}
        value={filters.departments ?? []}
        onChange={(value) => set({ departments: value })}
        clearable
      />
      <StageSelect label={t('reports.stage')} value={filters.stages} onChange={(stages) => set({ stages })} />
      <AssigneeSelect label={t('reports.assignee')} value={filters.assigneeIds} onChange={(assigneeIds) => set({ assigneeIds })} />
      <MultiSelect
        size="xs"
        w={200}
        label={t('reports.product')}
        data={productOptions(products, filters.products ?? [])}
        value={filters.products ?? []}
        onChange={(value) => set({ products: value })}
        searchable
        clearable
      />
      <Input.Wrapper size="xs" label={t('reports.groupBy')} id="report-group-by">
        <SegmentedControl
          size="xs"
          display="flex"
          aria-labelledby="report-group-by-label"
          data={REPORT_GROUPINGS.map((value) => ({ value, label: t(`reports.grouping.${value}`) }))}
          value={filters.groupBy ?? 'month'}
          onChange={(value) => set({ groupBy: value === 'week' ? 'week' : undefined })}
          data-testid="report-group-by"
        />
      </Input.Wrapper>
      <Button size="xs" variant="subtle" onClick={() => onChange({})} data-testid="report-reset">
        {t('reports.reset')}
      </Button>
    </Group>
  );
}
