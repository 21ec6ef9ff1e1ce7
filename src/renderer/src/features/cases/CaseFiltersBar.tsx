import { Button, Group, MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import type { CaseFilters } from '@shared/domain/inputs';
import { CASE_STATUSES } from '@shared/domain/vocabulary';
import { AssigneeSelect, ChannelSelect, ComplaintTypeSelect, StageSelect } from './CaseFacetSelects';
import { known, withFilter } from './case-filters';

export interface CaseFiltersBarProps {
  readonly filters: CaseFilters;
  readonly onChange: (filters: CaseFilters) => void;
  readonly onReset: () => void;
}

/** Filters by status, stage, type, channel, assignee and date range (combined with the view's own). */
export function CaseFiltersBar({ filters, onChange, onReset }: CaseFiltersBarProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<CaseFilters>) => onChange(withFilter(filters, patch));
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="case-filters">
      <MultiSelect
        size="xs"
        w={190}
        label={t('filters.status')}
        data={CASE_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))}
        value={filters.statuses ?? []}
        onChange={(value) => set({ statuses: known(value, CASE_STATUSES) })}
        clearable
      />
      <StageSelect label={t('filters.stage')} value={filters.stages} onChange={(stages) => set({ stages })} />
      <ComplaintTypeSelect label={t('filters.type')} value={filters.types} onChange={(types) => set({ types })} />
      <ChannelSelect label={t('filters.channel')} value={filters.channels} onChange={(channels) => set({ channels })} />
      <AssigneeSelect label={t('filters.assignee')} value={filters.assigneeIds} onChange={(assigneeIds) => set({ assigneeIds })} />
      <OfficeDateInput
        size="xs"
        w={140}
        label={t('filters.receivedFrom')}
        value={filters.receivedFrom ?? ''}
        onChange={(value) => set({ receivedFrom: value || undefined })}
      />
      <OfficeDateInput
        size="xs"
        w={140}
        label={t('filters.receivedTo')}
        value={filters.receivedTo ?? ''}
        onChange={(value) => set({ receivedTo: value || undefined })}
      />
      <Button size="xs" variant="subtle" onClick={onReset}>
        {t('caseList.resetFilters')}
      </Button>
    </Group>
  );
}
