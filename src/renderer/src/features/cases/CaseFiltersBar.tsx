import { Button, Group, MultiSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseFilters } from '../../../../shared/domain/inputs';
import { CASE_STATUSES, INTAKE_CHANNELS } from '../../../../shared/domain/vocabulary';
import { useSettings } from '../../settings/SettingsContext';

export interface CaseFiltersBarProps {
  readonly filters: CaseFilters;
  readonly onChange: (filters: CaseFilters) => void;
  readonly onReset: () => void;
}

/** Filters by status, stage, type, channel, assignee and date range (combined with the view's own). */
export function CaseFiltersBar({ filters, onChange, onReset }: CaseFiltersBarProps) {
  const { t } = useTranslation();
  const { settings, typeLabel } = useSettings();
  const set = (patch: Partial<CaseFilters>) => {
    const empty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    onChange(Object.fromEntries(Object.entries({ ...filters, ...patch }).filter(([, value]) => !empty(value))) as CaseFilters);
  };
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="case-filters">
      <MultiSelect size="xs" w={190} label={t('filters.status')} data={CASE_STATUSES.map((value) => ({ value, label: t(`statuses.${value}`) }))} value={filters.statuses ?? []} onChange={(value) => set({ statuses: value as CaseFilters['statuses'] })} clearable />
      <MultiSelect size="xs" w={130} label={t('filters.stage')} data={[{ value: '1', label: t('stages.1') }, { value: '2', label: t('stages.2') }]} value={(filters.stages ?? []).map(String)} onChange={(value) => set({ stages: value.map(Number) as (1 | 2)[] })} clearable />
      <MultiSelect size="xs" w={170} label={t('filters.type')} data={settings.complaintTypes.map((type) => ({ value: type.id, label: typeLabel(type.id) }))} value={filters.types ?? []} onChange={(value) => set({ types: value })} clearable />
      <MultiSelect size="xs" w={150} label={t('filters.channel')} data={INTAKE_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))} value={filters.channels ?? []} onChange={(value) => set({ channels: value as CaseFilters['channels'] })} clearable />
      <MultiSelect
        size="xs"
        w={170}
        label={t('filters.assignee')}
        data={[{ value: '', label: t('common.unassigned') }, ...settings.staff.map((member) => ({ value: member.id, label: member.name }))].map((option) => ({ ...option, value: option.value || '__none' }))}
        value={(filters.assigneeIds ?? []).map((id) => id || '__none')}
        onChange={(value) => set({ assigneeIds: value.map((id) => (id === '__none' ? '' : id)) })}
        clearable
      />
      <TextInput size="xs" w={140} type="date" label={t('filters.receivedFrom')} value={filters.receivedFrom ?? ''} onChange={(event) => set({ receivedFrom: event.currentTarget.value || undefined })} />
      <TextInput size="xs" w={140} type="date" label={t('filters.receivedTo')} value={filters.receivedTo ?? ''} onChange={(event) => set({ receivedTo: event.currentTarget.value || undefined })} />
      <Button size="xs" variant="subtle" onClick={onReset}>
        {t('caseList.resetFilters')}
      </Button>
    </Group>
  );
}
