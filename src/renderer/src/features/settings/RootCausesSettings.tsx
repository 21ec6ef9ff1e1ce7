/**
 * Issue 16, P-5.3: the root-cause taxonomy, category → cause, kept by administrators. Causes are
 * added and retired here; retired ones stay readable on old cases but cannot be chosen for new ones.
 */
import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RootCause, RootCauseCategory } from '../../../../shared/domain/root-causes';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { useSettingsForm } from './useSettingsForm';

const labelPath = (path: string) => (path === 'label.en-GB' ? 'en' : path === 'label.lv' ? 'lv' : path);

type AddProps = { readonly add: (label: { 'en-GB': string; lv: string }) => Promise<unknown>; readonly submitLabel: string; readonly testId: string };

/** Names in both languages, and a button: adds a category, or a cause to one; starts empty again once added. */
function AddForm(props: AddProps) {
  const [round, setRound] = useState(0);
  const add = async (label: { 'en-GB': string; lv: string }) => {
    await props.add(label);
    setRound((value) => value + 1);
  };
  return <AddFormFields key={round} {...props} add={add} />;
}

function AddFormFields({ add, submitLabel, testId }: AddProps) {
  const { t } = useTranslation();
  const { form, submit, general, busy } = useSettingsForm({ en: '', lv: '' }, (values) => add({ 'en-GB': values.en, lv: values.lv }), labelPath);
  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="xs">
        {general && <Alert color="red">{general}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('improvement.taxonomy.labelEn')} required {...form.getInputProps('en')} />
          <TextInput label={t('improvement.taxonomy.labelLv')} required {...form.getInputProps('lv')} />
          <Group align="flex-end">
            <Button type="submit" variant="light" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </SimpleGrid>
      </Stack>
    </form>
  );
}

function CategoryPanel({ category }: { readonly category: RootCauseCategory }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'lv' ? 'lv' : 'en-GB';
  const retireCategory = () => call('settings.saveRootCauseCategory', { id: category.id, label: { ...category.label }, retired: !category.retired });
  const retireCause = (cause: RootCause) => call('settings.saveRootCause', { categoryId: category.id, id: cause.id, label: { ...cause.label }, retired: !cause.retired });
  return (
    <Paper withBorder p="md" data-testid={`root-cause-category-${category.id}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" c={category.retired ? 'dimmed' : undefined}>
            {category.retired ? t('improvement.retiredMark', { label: category.label[language] }) : category.label[language]}
          </Title>
          <Checkbox label={t('improvement.taxonomy.retired')} aria-label={`${t('improvement.taxonomy.retired')}: ${category.label[language]}`} checked={category.retired} onChange={() => void retireCategory().catch(() => undefined)} />
        </Group>
        {category.causes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('improvement.taxonomy.noCauses')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('improvement.taxonomy.labelEn')}</Table.Th>
                <Table.Th>{t('improvement.taxonomy.labelLv')}</Table.Th>
                <Table.Th>{t('improvement.taxonomy.retired')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {category.causes.map((cause) => (
                <Table.Tr key={cause.id}>
                  <Table.Td>{cause.label['en-GB']}</Table.Td>
                  <Table.Td>{cause.label.lv}</Table.Td>
                  <Table.Td>
                    <Checkbox aria-label={`${t('improvement.taxonomy.retired')}: ${cause.label[language]}`} checked={cause.retired} onChange={() => void retireCause(cause).catch(() => undefined)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {!category.retired && <AddForm add={(label) => call('settings.saveRootCause', { categoryId: category.id, label, retired: false })} submitLabel={t('improvement.taxonomy.addCause')} testId={`add-root-cause-${category.id}`} />}
      </Stack>
    </Paper>
  );
}

export function RootCausesSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  return (
    <Stack gap="md" data-testid="root-causes-settings">
      <Text size="sm" c="dimmed">
        {t('improvement.taxonomy.hint')}
      </Text>
      {settings.rootCauses.map((category) => (
        <CategoryPanel key={category.id} category={category} />
      ))}
      <Paper withBorder p="md">
        <AddForm add={(label) => call('settings.saveRootCauseCategory', { label, retired: false })} submitLabel={t('improvement.taxonomy.addCategory')} testId="add-root-cause-category" />
      </Paper>
    </Stack>
  );
}
