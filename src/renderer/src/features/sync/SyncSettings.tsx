/**
 * Settings → Sync: this device's connection to the team's CouchDB server (address, database,
 * user, password, on or off) and the full status with "Sync now". The password is never shown
 * back; leaving the field empty keeps the saved one. "Prepare the server" installs the server guard.
 */
import { Alert, Button, Group, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettingsView } from '../../../../shared/domain/sync';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useErrors } from '../../errors/useErrors';
import { PrepareServer } from './PrepareServer';
import { SyncQuarantine } from './SyncQuarantine';
import { SyncStatusPanel } from './SyncStatusPanel';

interface SyncFormValues {
  enabled: boolean;
  serverUrl: string;
  database: string;
  username: string;
  password: string;
}

function SyncForm({ saved, onSaved }: { readonly saved: SyncSettingsView; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<SyncFormValues>({ mode: 'controlled', initialValues: { enabled: saved.enabled, serverUrl: saved.serverUrl, database: saved.database, username: saved.username, password: '' } });
  const submit = async (values: SyncFormValues) => {
    setBusy(true);
    setGeneral(null);
    try {
      await call('sync.configure', { ...values, ...(values.password === '' ? { password: undefined } : {}) });
      form.setFieldValue('password', '');
      notifications.show({ color: 'teal', message: t('common.saved') });
      onSaved();
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      form.setErrors(fields);
      setGeneral(message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('sync.settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('sync.settings.intro')}
          </Text>
          {general && <Alert color="red">{general}</Alert>}
          <Switch label={t('sync.settings.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} data-testid="sync-enabled" />
          <TextInput label={t('sync.settings.serverUrl')} description={t('sync.settings.serverUrlHint')} required {...form.getInputProps('serverUrl')} data-testid="sync-server-url" />
          <TextInput label={t('sync.settings.database')} description={t('sync.settings.databaseHint')} required {...form.getInputProps('database')} data-testid="sync-database" />
          <Group grow align="flex-start">
            <TextInput label={t('sync.settings.username')} autoComplete="username" {...form.getInputProps('username')} data-testid="sync-username" />
            <PasswordInput
              label={t('sync.settings.password')}
              autoComplete="current-password"
              placeholder={saved.hasPassword ? t('sync.settings.passwordSaved') : ''}
              description={t(saved.passwordStorage === 'os-keychain' ? 'sync.settings.keptInKeychain' : 'sync.settings.keptInMemory')}
              {...form.getInputProps('password')}
              data-testid="sync-password"
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="sync-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

export function SyncSettings() {
  const saved = useApiQuery('sync.settings', {});
  return (
    <Stack gap="md" data-testid="sync-settings">
      <SyncStatusPanel />
      {saved.data && <SyncForm key={JSON.stringify(saved.data)} saved={saved.data} onSaved={() => void saved.refetch()} />}
      <PrepareServer />
      <SyncQuarantine />
    </Stack>
  );
}
