/**
 * Issue 16, P-5.3: the root-cause taxonomy, category → cause, kept by administrators. Categories
 * and causes are added, renamed and retired here; retired ones stay readable on old cases but cannot be chosen for new ones.
 */
import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RootCause, RootCauseCategory } from '@shared/domain/root-causes';
import { call } from '../../api/client';
import { useSettings } from '../../settings/SettingsContext';
import { useSettingsForm } from './useSettingsForm';

const labelPath = (path: string) => (path === 'label.en-GB' ? 'en' : path === 'label.lv' ? 'lv' : path);

type Label = { 'en-GB': string; lv: string };
type LabelFormProps = {
  readonly save: (label: Label) => Promise<unknown>;
  readonly submitLabel: string;
  readonly testId: string;
  /** Renaming: the names it has now, and how to leave without saving. */
  readonly initial?: Label;
  readonly onCancel?: () => void;
};

/** Names in both languages, and a button: adds a category, or a cause to one; starts empty again once added. */
function AddForm(props: LabelFormProps) {
  const [round, setRound] = useState(0);
  const save = async (label: Label) => {
    await props.save(label);
    setRound((value) => value + 1);
  };
  return <LabelForm key={round} {...props} save={save} />;
}

function LabelForm({ save, submitLabel, testId, initial, onCancel }: LabelFormProps) {
  const { t } = useTranslation();
  const { form, submit, general, busy } = useSettingsForm(
    { en: initial?.['en-GB'] ?? '', lv: initial?.lv ?? '' },
    (values) => save({ 'en-GB': values.en, lv: values.lv }),
    labelPath,
  );
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
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
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
  const retireCause = (cause: RootCause) =>
    call('settings.saveRootCause', { categoryId: category.id, id: cause.id, label: { ...cause.label }, retired: !cause.retired });
  // The category's or a cause's id being renamed, if any.
  const [renaming, setRenaming] = useState<string | null>(null);
  const done = () => setRenaming(null);
  return (
    <Paper withBorder p="md" data-testid={`root-cause-category-${category.id}`}>
      <Stack gap="sm">
        {renaming === category.id ? (
          <LabelForm
            initial={category.label}
            save={async (label) => (await call('settings.saveRootCauseCategory', { id: category.id, label, retired: category.retired }), done())}
            submitLabel={t('common.save')}
            onCancel={done}
            testId={`rename-root-cause-category-${category.id}`}
          />
        ) : (
          <Group justify="space-between">
            <Title order={3} size="h4" c={category.retired ? 'dimmed' : undefined}>
              {category.retired ? t('improvement.retiredMark', { label: category.label[language] }) : category.label[language]}
            </Title>
            <Group>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setRenaming(category.id)}
                aria-label={`${t('improvement.taxonomy.rename')}: ${category.label[language]}`}
              >
                {t('improvement.taxonomy.rename')}
              </Button>
              <Checkbox
                label={t('improvement.taxonomy.retired')}
                aria-label={`${t('improvement.taxonomy.retired')}: ${category.label[language]}`}
                checked={category.retired}
                onChange={() => void retireCategory().catch(() => undefined)}
              />
            </Group>
          </Group>
        )}
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
                <Table.Th>
                  <VisuallyHidden>{t('improvement.taxonomy.rename')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {category.causes.map((cause) =>
                renaming === cause.id ? (
                  <Table.Tr key={cause.id}>
                    <Table.Td colSpan={4}>
                      <LabelForm
                        initial={cause.label}
                        save={async (label) => (
                          await call('settings.saveRootCause', { categoryId: category.id, id: cause.id, label, retired: cause.retired }),
                          done()
                        )}
                        submitLabel={t('common.save')}
                        onCancel={done}
                        testId={`rename-root-cause-${cause.id}`}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={cause.id}>
                    <Table.Td>{cause.label['en-GB']}</Table.Td>
                    <Table.Td>{cause.label.lv}</Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={`${t('improvement.taxonomy.retired')}: ${cause.label[language]}`}
                        checked={cause.retired}
                        onChange={() => void retireCause(cause).catch(() => undefined)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setRenaming(cause.id)}
                        aria-label={`${t('improvement.taxonomy.rename')}: ${cause.label[language]}`}
                      >
                        {t('improvement.taxonomy.rename')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
        {!category.retired && (
          <AddForm
            save={(label) => call('settings.saveRootCause', { categoryId: category.id, label, retired: false })}
            submitLabel={t('improvement.taxonomy.addCause')}
            testId={`add-root-cause-${category.id}`}
          />
        )}
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
        <AddForm
          save={(label) => call('settings.saveRootCauseCategory', { label, retired: false })}
          submitLabel={t('improvement.taxonomy.addCategory')}
          testId="add-root-cause-category"
        />
      </Paper>
    </Stack>
  );
}
