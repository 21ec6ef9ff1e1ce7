import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { SettingsForm } from './SettingsForm';
import { useSettingsForm } from './useSettingsForm';

/** P-3.1: the organisation's name and head-office address; P-6.1: where to seek independent advice. */
export function OrganisationSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const organisation = settings.organisation;
  const { form, submit, general, busy } = useSettingsForm(
    { ...organisation, addressLines: organisation.addressLines.join('\n'), independentAdvice: { ...organisation.independentAdvice } },
    (values) =>
      call('settings.updateOrganisation', {
        ...values,
        addressLines: values.addressLines
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        country: values.country.toUpperCase(),
      }),
    (path) => (path.startsWith('addressLines') ? 'addressLines' : path),
  );
  return (
    <SettingsForm submit={submit} general={general} busy={busy} data-testid="organisation-form">
      <TextInput label={t('settings.organisation.name')} required {...form.getInputProps('name')} />
      <Textarea label={t('settings.organisation.addressLines')} autosize minRows={3} {...form.getInputProps('addressLines')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('settings.organisation.postcode')} {...form.getInputProps('postcode')} />
        <TextInput label={t('settings.organisation.country')} maxLength={2} {...form.getInputProps('country')} />
        <TextInput label={t('settings.organisation.email')} type="email" {...form.getInputProps('email')} />
        <TextInput label={t('settings.organisation.phone')} {...form.getInputProps('phone')} />
      </SimpleGrid>
      {/* P-6.1, issue 18: one text per letter language, used by final responses in that language. */}
      <Textarea label={t('settings.organisation.independentAdviceEn')} autosize minRows={2} {...form.getInputProps('independentAdvice.en-GB')} />
      <Textarea label={t('settings.organisation.independentAdviceLv')} autosize minRows={2} lang="lv" {...form.getInputProps('independentAdvice.lv')} />
    </SettingsForm>
  );
}
