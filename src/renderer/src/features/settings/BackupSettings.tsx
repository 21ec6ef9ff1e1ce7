/**
 * Settings → Backups (issue 14, administrators): the folder on this computer the backups go to,
 * how many generations to keep, daily backups on or off, "Back up now", the last result in words
 * (the time and generation, or why it failed) and the generations in the folder. A folder that
 * is missing, a file or not writable is refused and the saved settings stay as they were.
 */
import { Alert, Button, Group, NumberInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { SectionCard } from '../../components/SectionCard';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BACKUP_GENERATIONS, MAX_BACKUP_GENERATIONS, type BackupView } from '@shared/domain/backup';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useFormatters } from '../../common/format';
import { useErrors } from '../../errors/useErrors';
import { useSaveForm } from './useSaveForm';

type BackupFormValues = {
  folder: string;
  keep: number;
  daily: boolean;
};

function LastResult({ view }: { readonly view: BackupView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errors = useErrors();
  const last = view.last;
  if (!last)
    return (
      <Text size="sm" data-testid="backup-last">
        {t('backup.never')}
      </Text>
    );
  const when = format.dateTime(last.at);
  const how = t(`backup.trigger.${last.trigger}`);
  return last.error ? (
    <Alert color="red" data-testid="backup-last">
      {t('backup.lastFailed', { when, how, reason: errors.issue(last.error) })}
    </Alert>
  ) : (
    <Text size="sm" data-testid="backup-last">
      {t('backup.lastOk', { when, how, generation: last.generation ?? '' })}
    </Text>
  );
}

function BackupForm({ view, onChanged }: { readonly view: BackupView; readonly onChanged: (view: BackupView) => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const [backingUp, setBackingUp] = useState(false);
  const {
    form,
    submit,
    general,
    setGeneral,
    busy: saving,
  } = useSaveForm<BackupFormValues>(
    { folder: view.settings.folder ?? '', keep: view.settings.keep || DEFAULT_BACKUP_GENERATIONS, daily: view.settings.daily },
    async (values) => {
      onChanged(await call('backup.configure', values));
    },
  );
  const backUpNow = async () => {
    setBackingUp(true);
    setGeneral(null);
    try {
      onChanged(await call('backup.now', {}));
      notifications.show({ color: 'teal', message: t('backup.done') });
    } catch (error) {
      setGeneral(errors.text(error));
      onChanged(await call('backup.status', {}).catch(() => view));
    } finally {
      setBackingUp(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" data-testid="backup-error">
            {general}
          </Alert>
        )}
        <TextInput label={t('backup.folder')} description={t('backup.folderHint')} required {...form.getInputProps('folder')} data-testid="backup-folder" />
        <Group grow align="flex-start">
          <NumberInput
            label={t('backup.keep')}
            min={1}
            max={MAX_BACKUP_GENERATIONS}
            allowDecimal={false}
            {...form.getInputProps('keep')}
            data-testid="backup-keep"
          />
          <Switch mt="xl" label={t('backup.daily')} {...form.getInputProps('daily', { type: 'checkbox' })} data-testid="backup-daily" />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void backUpNow()} loading={backingUp} disabled={!view.settings.folder} data-testid="backup-now">
            {t('backup.now')}
          </Button>
          <Button type="submit" loading={saving} data-testid="backup-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BackupSettings() {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = useApiQuery('backup.status', {});
  const [latest, setLatest] = useState<BackupView | null>(null);
  const view = latest ?? status.data;
  if (!view) return null;
  return (
    <SectionCard title={t('backup.title')} intro={t('backup.intro')} data-testid="backup-settings">
      <BackupForm view={view} onChanged={setLatest} />
      <LastResult view={view} />
      <Title order={3} size="h5">
        {t('backup.generations')}
      </Title>
      {view.generations.length === 0 ? (
        <Text size="sm" data-testid="backup-generations-empty">
          {t('backup.noGenerations')}
        </Text>
      ) : (
        <Table striped withTableBorder>
          <TableHead headings={[t('backup.generation'), t('backup.takenAt'), t('backup.records'), t('backup.size')]} />
          <Table.Tbody>
            {view.generations.map((generation) => (
              <Table.Tr key={generation.name} data-testid="backup-generation">
                <Table.Td>
                  <code>{generation.name}</code>
                </Table.Td>
                <Table.Td>{format.dateTime(generation.createdAt)}</Table.Td>
                <Table.Td>{generation.documents}</Table.Td>
                <Table.Td>{t('backup.megabytes', { size: format.decimal(generation.bytes / 1_048_576) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('backup.restoreHint')}
      </Text>
    </SectionCard>
  );
}
