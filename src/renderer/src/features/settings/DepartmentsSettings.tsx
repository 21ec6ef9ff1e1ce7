import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { SettingsForm } from './SettingsForm';
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
    <SettingsForm submit={submit} general={general} busy={busy}>
      <Textarea label={t('settings.departments.list')} autosize minRows={5} {...form.getInputProps('departments')} />
    </SettingsForm>
  );
}
