import { Checkbox, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { useTranslation } from 'react-i18next';
import type { ComplaintType } from '@shared/domain/records';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { SettingsForm } from './SettingsForm';
import { useSettingsForm } from './useSettingsForm';

/** P-2.2: the editable list of complaint types; retired types stay readable on old cases. */
export function ComplaintTypesSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const toggle = (type: ComplaintType) => call('settings.saveComplaintType', { ...type, label: { ...type.label }, retired: !type.retired });
  const { form, submit, general, busy } = useSettingsForm(
    { id: '', en: '', lv: '' },
    (values) => call('settings.saveComplaintType', { id: values.id.trim(), label: { 'en-GB': values.en, lv: values.lv }, retired: false }),
    (path) => (path === 'label.en-GB' ? 'en' : path === 'label.lv' ? 'lv' : path),
  );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('settings.types.retiredHint')}
      </Text>
      <Table data-testid="complaint-types">
        <TableHead headings={[t('settings.types.id'), t('settings.types.labelEn'), t('settings.types.labelLv'), t('settings.types.retired')]} />
        <Table.Tbody>
          {settings.complaintTypes.map((type) => (
            <Table.Tr key={type.id}>
              <Table.Td ff="monospace">{type.id}</Table.Td>
              <Table.Td>{type.label['en-GB']}</Table.Td>
              <Table.Td>{type.label.lv}</Table.Td>
              <Table.Td>
                <Checkbox aria-label={`${t('settings.types.retired')}: ${type.label['en-GB']}`} checked={type.retired} onChange={() => void toggle(type)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <SettingsForm submit={submit} general={general} busy={busy} submitLabel={t('settings.types.add')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('settings.types.id')} required {...form.getInputProps('id')} />
            <TextInput label={t('settings.types.labelEn')} required {...form.getInputProps('en')} />
            <TextInput label={t('settings.types.labelLv')} required {...form.getInputProps('lv')} />
          </SimpleGrid>
        </SettingsForm>
      </Paper>
    </Stack>
  );
}
