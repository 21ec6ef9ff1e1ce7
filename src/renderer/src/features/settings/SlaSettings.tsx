import { Group, NumberInput, SegmentedControl, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { SettingsForm } from './SettingsForm';
import { useSettingsForm } from './useSettingsForm';

/** P-3.2 and P-4.3 limits with the product decisions as defaults; changes move open deadlines. */
export function SlaSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const policy = settings.slaPolicy;
  const { form, submit, general, busy } = useSettingsForm(
    { ...policy, acknowledgementUnit: policy.acknowledgement.unit, acknowledgementAmount: policy.acknowledgement.amount },
    ({ acknowledgementUnit, acknowledgementAmount, acknowledgement: _acknowledgement, ...rest }) =>
      call('settings.updateSlaPolicy', { ...rest, acknowledgement: { unit: acknowledgementUnit, amount: Number(acknowledgementAmount) } }),
    (path) => (path.startsWith('acknowledgement') ? 'acknowledgementAmount' : path),
  );
  return (
    <SettingsForm submit={submit} general={general} busy={busy} data-testid="sla-form">
      <Text size="sm" c="dimmed">
        {t('settings.sla.note')}
      </Text>
      <Group align="flex-end">
        <NumberInput w={140} label={t('settings.sla.acknowledgementUnit')} min={1} {...form.getInputProps('acknowledgementAmount')} />
        <SegmentedControl
          data={[
            { value: 'clock-hours', label: t('settings.sla.clockHours') },
            { value: 'working-days', label: t('settings.sla.workingDays') },
          ]}
          {...form.getInputProps('acknowledgementUnit')}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('settings.sla.stage1')} min={1} {...form.getInputProps('stage1ResolutionWorkingDays')} />
        <NumberInput label={t('settings.sla.stage2')} min={1} {...form.getInputProps('stage2ResolutionWorkingDays')} />
        <NumberInput label={t('settings.sla.escalationTarget')} min={1} {...form.getInputProps('escalationAcknowledgementTargetWorkingDays')} />
        <NumberInput label={t('settings.sla.escalationLimit')} min={1} {...form.getInputProps('escalationAcknowledgementLimitWorkingDays')} />
        <NumberInput label={t('settings.sla.warningLead')} min={0} {...form.getInputProps('warningLeadHours')} />
        <div />
        <TextInput type="time" label={t('settings.sla.opensAt')} {...form.getInputProps('officeOpensAt')} />
        <TextInput type="time" label={t('settings.sla.closesAt')} {...form.getInputProps('officeClosesAt')} />
      </SimpleGrid>
    </SettingsForm>
  );
}
