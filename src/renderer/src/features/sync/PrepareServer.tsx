/**
 * Settings → Sync → "Prepare the server" (issue 13): installs the server guard in each team
 * database of the saved server (`sync.prepareServer`), with a CouchDB administrator's name and
 * password used once and never saved, and shows what it did per database. Refusals are shown in
 * the user's language (errors.issues.*).
 */
import { Alert, Button, Group, List, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerPreparation } from '@shared/domain/sync';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';

export function PrepareServer() {
  const { t } = useTranslation();
  const errors = useErrors();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<ServerPreparation | null>(null);
  const prepare = async () => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await call('sync.prepareServer', { username, password }));
      setPassword('');
    } catch (error) {
      setFailure(errors.text(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="sync-prepare-server">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('sync.prepare.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.prepare.intro')}
        </Text>
        <Group grow align="flex-start">
          <TextInput
            label={t('sync.prepare.username')}
            description={t('sync.prepare.usernameHint')}
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            data-testid="sync-prepare-username"
          />
          <PasswordInput
            label={t('sync.prepare.password')}
            autoComplete="off"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-testid="sync-prepare-password"
          />
        </Group>
        {failure && (
          <Alert color="red" data-testid="sync-prepare-error">
            {failure}
          </Alert>
        )}
        {result && (
          <Alert color="teal" title={t('sync.prepare.done')} data-testid="sync-prepare-result">
            <List size="sm">
              {result.databases.map(({ database, outcome }) => (
                <List.Item key={database}>
                  {database}: {t(`sync.prepare.outcomes.${outcome}`)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="light" loading={busy} onClick={() => void prepare()} data-testid="sync-prepare-submit">
            {t('sync.prepare.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
