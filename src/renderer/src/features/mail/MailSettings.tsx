/**
 * Settings → E-mail (issue 17, administrators): this device's connection to the team mailbox:
 * IMAP server, account and folders, SMTP server and sender, and the password (kept by the
 * operating system's keychain, never shown back; leaving it empty keeps the saved one). TLS is
 * required unless the server is this computer; the main process refuses it at the field.
 */
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, PasswordInput, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PROCESSED_FOLDER, MAIL_SECURITY, type MailSecurity, type MailSettingsView } from '../../../../shared/domain/mail';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useErrors } from '../../errors/useErrors';

interface MailFormValues {
  enabled: boolean;
  imap: { host: string; port: number; security: MailSecurity; username: string; inbox: string; processedFolder: string; sentFolder: string };
  smtp: { host: string; port: number; security: MailSecurity; from: string };
  password: string;
}

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
  const errors = useErrors();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<MailFormValues>({ mode: 'controlled', initialValues: initialValues(saved) });
  const security = MAIL_SECURITY.map((value) => ({ value, label: t(`mail.settings.security.${value}`) }));
  const submit = async (values: MailFormValues) => {
    setBusy(true);
    setGeneral(null);
    try {
      await call('mail.configure', { ...values, ...(values.password === '' ? { password: undefined } : {}) });
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
            {t('mail.settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mail.settings.intro')}
          </Text>
          {general && <Alert color="red">{general}</Alert>}
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
            <PasswordInput
              label={t('mail.settings.password')}
              autoComplete="current-password"
              placeholder={saved?.hasPassword ? t('sync.settings.passwordSaved') : ''}
              description={t(saved?.passwordStorage === 'os-keychain' ? 'sync.settings.keptInKeychain' : 'sync.settings.keptInMemory')}
              {...form.getInputProps('password')}
              data-testid="mail-password"
            />
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
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="mail-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

export function MailSettings() {
  const saved = useApiQuery('mail.settings', {});
  return (
    <Stack gap="md" data-testid="mail-settings">
      {saved.isSuccess && <MailForm key={JSON.stringify(saved.data)} saved={saved.data} onSaved={() => void saved.refetch()} />}
    </Stack>
  );
}
