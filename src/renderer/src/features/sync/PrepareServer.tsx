/**
 * Settings → Sync → "Prepare the server" (issue 13): installs the server guard in each team
 * database of the saved server (`sync.prepareServer`), with a CouchDB administrator's name and
 * password used once and never saved, and shows what it did per database. Refusals are shown in
 * the user's language (errors.issues.*).
 */
import { Alert, Button, Group, List, PasswordInput, TextInput } from '@mantine/core';
import { SectionCard } from '../../components/SectionCard';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useServerAdministration } from '../../common/useServerAdministration';

export function PrepareServer() {
  const { t } = useTranslation();
  const {
    username,
    setUsername,
    password,
    setPassword,
    busy,
    problem: failure,
    result,
    run: prepare,
  } = useServerAdministration((administrator) => call('sync.prepareServer', administrator));
  return (
    <SectionCard title={t('sync.prepare.title')} intro={t('sync.prepare.intro')} data-testid="sync-prepare-server">
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
    </SectionCard>
  );
}
