/**
 * Settings → Sync: this device's connection to the team's CouchDB server (address, database,
 * user, password, on or off) and the full status with "Sync now". The password is never shown
 * back; leaving the field empty keeps the saved one. "Prepare the server" installs the server guard.
 */
import { Group, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncSettingsView } from '@shared/domain/sync';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { ConnectionFormCard } from '../settings/ConnectionFormCard';
import { SavedPasswordInput } from '../settings/SavedPasswordInput';
import { useConnectionForm } from '../settings/useConnectionForm';
import { PrepareServer } from './PrepareServer';
import { SyncQuarantine } from './SyncQuarantine';
import { SyncStatusPanel } from './SyncStatusPanel';

type SyncFormValues = {
  enabled: boolean;
  serverUrl: string;
  database: string;
  username: string;
  password: string;
};

function SyncForm({ saved, onSaved }: { readonly saved: SyncSettingsView; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, submit, general, busy } = useConnectionForm<SyncFormValues>(
    { enabled: saved.enabled, serverUrl: saved.serverUrl, database: saved.database, username: saved.username, password: '' },
    (values) => call('sync.configure', values),
    onSaved,
  );
  return (
    <ConnectionFormCard title={t('sync.settings.title')} intro={t('sync.settings.intro')} general={general} busy={busy} submit={submit} saveTestId="sync-save">
      <Switch label={t('sync.settings.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} data-testid="sync-enabled" />
      <TextInput
        label={t('sync.settings.serverUrl')}
        description={t('sync.settings.serverUrlHint')}
        required
        {...form.getInputProps('serverUrl')}
        data-testid="sync-server-url"
      />
      <TextInput
        label={t('sync.settings.database')}
        description={t('sync.settings.databaseHint')}
        required
        {...form.getInputProps('database')}
        data-testid="sync-database"
      />
      <Group grow align="flex-start">
        <TextInput label={t('sync.settings.username')} autoComplete="username" {...form.getInputProps('username')} data-testid="sync-username" />
        <SavedPasswordInput label={t('sync.settings.password')} saved={saved} {...form.getInputProps('password')} data-testid="sync-password" />
      </Group>
    </ConnectionFormCard>
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
