import { Button, Group, MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import type { CaseFilters } from '@shared/domain/inputs';
import { CASE_STATUSES, INTAKE_CHANNELS } from '@shared/domain/vocabulary';
import { useSettings } from '../../settings/SettingsContext';
import { assigneeIdsFrom, assigneeOptions, known, stagesFrom, UNASSIGNED_OPTION, withFilter } from './case-filters';

export interface CaseFiltersBarProps {
  readonly filters: CaseFilters;
  readonly onChange: (filters: CaseFilters) => void;
  readonly onReset: () => void;
}

/** Filters by status, stage, type, channel, assignee and date range (combined with the view's own). */
export function CaseFiltersBar({ filters, onChange, onReset }: CaseFiltersBarProps) {
  const { t } = useTranslation();
  const { settings, typeLabel } = useSettings();
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
      <MultiSelect
        size="xs"
        w={130}
        label={t('filters.stage')}
        data={[
          { value: '1', label: t('stages.1') },
          { value: '2', label: t('stages.2') },
        ]}
        value={(filters.stages ?? []).map(String)}
        onChange={(value) => set({ stages: stagesFrom(value) })}
        clearable
      />
      <MultiSelect
        size="xs"
        w={170}
        label={t('filters.type')}
        data={settings.complaintTypes.map((type) => ({ value: type.id, label: typeLabel(type.id) }))}
        value={filters.types ?? []}
        onChange={(value) => set({ types: value })}
        clearable
      />
      <MultiSelect
        size="xs"
        w={150}
        label={t('filters.channel')}
        data={INTAKE_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
        value={filters.channels ?? []}
        onChange={(value) => set({ channels: known(value, INTAKE_CHANNELS) })}
        clearable
      />
      <MultiSelect
        size="xs"
        w={170}
        label={t('filters.assignee')}
        data={[{ value: UNASSIGNED_OPTION, label: t('common.unassigned') }, ...settings.staff.map((member) => ({ value: member.id, label: member.name }))]}
        value={assigneeOptions(filters.assigneeIds ?? [])}
        onChange={(value) => set({ assigneeIds: assigneeIdsFrom(value) })}
        clearable
      />
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
