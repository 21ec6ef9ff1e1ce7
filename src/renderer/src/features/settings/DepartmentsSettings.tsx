import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { useSettingsForm } from './useSettingsForm';

export function DepartmentsSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { form, submit, general, busy } = useSettingsForm(
    { departments: settings.departments.join('\n') },
    (values) =>
      call('settings.setDepartments', {
        departments: values.departments
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      }),
    () => 'departments',
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && <Alert color="red">{general}</Alert>}
        <Textarea label={t('settings.departments.list')} autosize minRows={5} {...form.getInputProps('departments')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
