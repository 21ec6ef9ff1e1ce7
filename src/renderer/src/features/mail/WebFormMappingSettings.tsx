/**
 * Settings → E-mail, website forms (issue 17, P-3.1, administrators): which labels of a website
 * form e-mail (`Name:`, `Order:` …) fill which complaint field, one label per line, saved as a
 * team setting that syncs. The preview reads a pasted sample body with the labels as typed (saved
 * or not), through the same reader the import uses, and shows what each field would get, whether
 * the body counts as a form, and the labels no field has.
 */
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { SectionCard } from '../../components/SectionCard';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WEB_FORM_MAPPING, previewWebForm, WEB_FORM_FIELDS } from '@shared/domain/web-form';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { useSettingsForm } from '../settings/useSettingsForm';
import { fieldOfPath, mappingFormValues, mappingOf } from './web-form-mapping-form';

export function WebFormMappingSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const { form, submit, general, busy } = useSettingsForm(
    mappingFormValues(settings.webFormMapping),
    (values) => call('settings.updateWebFormMapping', mappingOf(values)),
    fieldOfPath,
  );
  const [sample, setSample] = useState('');
  const preview = sample.trim() === '' ? null : previewWebForm(sample, mappingOf(form.getValues()));
  return (
    <SectionCard title={t('mail.webForm.title')} intro={t('mail.webForm.intro')} data-testid="web-form-mapping">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {WEB_FORM_FIELDS.map((field) => (
              <Textarea
                key={field}
                label={t(`mail.webForm.fields.${field}`)}
                description={t('mail.webForm.onePerLine')}
                autosize
                minRows={3}
                {...form.getInputProps(field)}
                data-testid={`web-form-labels-${field}`}
              />
            ))}
          </SimpleGrid>
          {general && <Alert color="red">{general}</Alert>}
          <Group>
            <Button type="submit" loading={busy} data-testid="web-form-save">
              {t('common.save')}
            </Button>
            <Button variant="subtle" onClick={() => form.setValues(mappingFormValues(DEFAULT_WEB_FORM_MAPPING))} data-testid="web-form-defaults">
              {t('mail.webForm.defaults')}
            </Button>
          </Group>
          <Textarea
            label={t('mail.webForm.sample')}
            description={t('mail.webForm.sampleHint')}
            autosize
            minRows={4}
            value={sample}
            onChange={(event) => setSample(event.currentTarget.value)}
            data-testid="web-form-sample"
          />
          {preview && (
            <Stack gap="xs" data-testid="web-form-preview">
              <Badge color={preview.isForm ? 'teal' : 'orange'} variant="light">
                {preview.isForm ? t('mail.webForm.isForm') : t('mail.webForm.notForm')}
              </Badge>
              <Table>
                <Table.Tbody>
                  {WEB_FORM_FIELDS.map((field) => (
                    <Table.Tr key={field} data-field={field}>
                      <Table.Th>{t(`mail.webForm.fields.${field}`)}</Table.Th>
                      <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{preview.values[field] ?? t('mail.webForm.nothing')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {preview.unmappedLabels.length > 0 && (
                <Text size="sm" c="dimmed" data-testid="web-form-unmapped">
                  {t('mail.webForm.unmapped', { labels: preview.unmappedLabels.join(', ') })}
                </Text>
              )}
            </Stack>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}
