/**
 * The case facets that both the case list's filters bar and the managers' dashboard filter by
 * (stage, complaint type, intake channel, caseworker), written once so the two offer the same
 * choices in the same words. Each bar places them in its own order and gives its own label.
 */
import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INTAKE_CHANNELS, type IntakeChannel } from '@shared/domain/vocabulary';
import { useSettings } from '../../settings/SettingsContext';
import { assigneeIdsFrom, assigneeOptions, known, stagesFrom, UNASSIGNED_OPTION } from './case-filters';

interface FacetSelectProps<T> {
  readonly label: string;
  readonly value: readonly T[] | undefined;
  readonly onChange: (value: T[]) => void;
}

export function StageSelect({ label, value, onChange }: FacetSelectProps<1 | 2>) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      size="xs"
      w={130}
      label={label}
      data={[
        { value: '1', label: t('stages.1') },
        { value: '2', label: t('stages.2') },
      ]}
      value={(value ?? []).map(String)}
      onChange={(next) => onChange(stagesFrom(next))}
      clearable
    />
  );
}

export function ComplaintTypeSelect({ label, value, onChange }: FacetSelectProps<string>) {
  const { settings, typeLabel } = useSettings();
  return (
    <MultiSelect
      size="xs"
      w={170}
      label={label}
      data={settings.complaintTypes.map((type) => ({ value: type.id, label: typeLabel(type.id) }))}
      value={[...(value ?? [])]}
      onChange={onChange}
      clearable
    />
  );
}

export function ChannelSelect({ label, value, onChange }: FacetSelectProps<IntakeChannel>) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      size="xs"
      w={150}
      label={label}
      data={INTAKE_CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
      value={[...(value ?? [])]}
      onChange={(next) => onChange(known(next, INTAKE_CHANNELS))}
      clearable
    />
  );
}

/** '' in the value is "unassigned". */
export function AssigneeSelect({ label, value, onChange }: FacetSelectProps<string>) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <MultiSelect
      size="xs"
      w={170}
      label={label}
      data={[{ value: UNASSIGNED_OPTION, label: t('common.unassigned') }, ...settings.staff.map((member) => ({ value: member.id, label: member.name }))]}
      value={assigneeOptions(value ?? [])}
      onChange={(next) => onChange(assigneeIdsFrom(next))}
      clearable
    />
  );
}
