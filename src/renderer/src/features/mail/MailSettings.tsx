/**
 * Settings → E-mail (issue 17, administrators): this device's connection to the team mailbox:
 * IMAP server, account and folders, SMTP server and sender, and the password (kept by the
 * operating system's keychain, never shown back; leaving it empty keeps the saved one). TLS is
 * required unless the server is this computer; the main process refuses it at the field.
 */
import { NativeSelect, NumberInput, SimpleGrid, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PROCESSED_FOLDER, MAIL_SECURITY, type MailSecurity, type MailSettingsView } from '@shared/domain/mail';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { ConnectionFormCard } from '../settings/ConnectionFormCard';
import { SavedPasswordInput } from '../settings/SavedPasswordInput';
import { useConnectionForm } from '../settings/useConnectionForm';
import { WebFormMappingSettings } from './WebFormMappingSettings';

type MailFormValues = {
  enabled: boolean;
  imap: { host: string; port: number; security: MailSecurity; username: string; inbox: string; processedFolder: string; sentFolder: string };
  smtp: { host: string; port: number; security: MailSecurity; from: string };
  password: string;
};

function initialValues(saved: MailSettingsView | null): MailFormValues {
  return {
    enabled: saved?.enabled ?? true,
    imap: saved?.imap ?? { host: '', port: 993, security: 'tls', username: '', inbox: 'INBOX', processedFolder: DEFAULT_PROCESSED_FOLDER, sentFolder: 'Sent' },
    smtp: saved?.smtp ?? { host: '', port: 465, security: 'tls', from: '' },
    password: '',
  };
}

function MailForm({ saved, onSaved }: { readonly saved: MailSettingsView | null; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const { form, submit, general, busy } = useConnectionForm<MailFormValues>(initialValues(saved), (values) => call('mail.configure', values), onSaved);
  const security = MAIL_SECURITY.map((value) => ({ value, label: t(`mail.settings.security.${value}`) }));
  return (
    <ConnectionFormCard title={t('mail.settings.title')} intro={t('mail.settings.intro')} general={general} busy={busy} submit={submit} saveTestId="mail-save">
      <Switch label={t('mail.settings.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} data-testid="mail-enabled" />
      <Title order={3} size="h5">
        {t('mail.settings.incoming')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('mail.settings.host')} required {...form.getInputProps('imap.host')} data-testid="mail-imap-host" />
        <NumberInput label={t('mail.settings.port')} min={1} max={65535} required {...form.getInputProps('imap.port')} data-testid="mail-imap-port" />
        <NativeSelect label={t('mail.settings.tls')} data={security} {...form.getInputProps('imap.security')} data-testid="mail-imap-security" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('mail.settings.username')} autoComplete="username" required {...form.getInputProps('imap.username')} data-testid="mail-username" />
        <SavedPasswordInput label={t('mail.settings.password')} saved={saved} {...form.getInputProps('password')} data-testid="mail-password" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('mail.settings.inbox')} {...form.getInputProps('imap.inbox')} data-testid="mail-inbox" />
        <TextInput label={t('mail.settings.processedFolder')} {...form.getInputProps('imap.processedFolder')} data-testid="mail-processed-folder" />
        <TextInput label={t('mail.settings.sentFolder')} {...form.getInputProps('imap.sentFolder')} data-testid="mail-sent-folder" />
      </SimpleGrid>
      <Title order={3} size="h5">
        {t('mail.settings.outgoing')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('mail.settings.host')} required {...form.getInputProps('smtp.host')} data-testid="mail-smtp-host" />
        <NumberInput label={t('mail.settings.port')} min={1} max={65535} required {...form.getInputProps('smtp.port')} data-testid="mail-smtp-port" />
        <NativeSelect label={t('mail.settings.tls')} data={security} {...form.getInputProps('smtp.security')} data-testid="mail-smtp-security" />
      </SimpleGrid>
      <TextInput label={t('mail.settings.from')} type="email" required {...form.getInputProps('smtp.from')} data-testid="mail-from" />
    </ConnectionFormCard>
  );
}

export function MailSettings() {
  const saved = useApiQuery('mail.settings', {});
  return (
    <Stack gap="md" data-testid="mail-settings">
      {saved.isSuccess && <MailForm key={JSON.stringify(saved.data)} saved={saved.data} onSaved={() => void saved.refetch()} />}
      <WebFormMappingSettings />
    </Stack>
  );
}
