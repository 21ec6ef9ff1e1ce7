/**
 * Settings → Retention (issue 14): the erasure register (who, when, why, how many records; none
 * of the erased data), and "Clean the server" with a CouchDB administrator's credentials, used
 * once: old revisions compacted, deleted file documents purged where the server can.
 */
import { Alert, Button, Group, List, PasswordInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useFormatters } from '../../common/format';
import { useServerAdministration } from '../../common/useServerAdministration';

export function ErasureRegister() {
  const { t } = useTranslation();
  const format = useFormatters();
  const register = useApiQuery('erasure.register', {});
  const lines = register.data ?? [];
  return lines.length === 0 ? (
    <Text size="sm" data-testid="erasure-register-empty">
      {t('retention.registerEmpty')}
    </Text>
  ) : (
    <Table striped withTableBorder data-testid="erasure-register">
      <TableHead headings={[t('retention.when'), t('retention.who'), t('retention.why'), t('retention.howMany')]} />
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.id} data-testid="erasure-register-line">
            <Table.Td>{format.dateTime(line.at)}</Table.Td>
            <Table.Td>{line.by.name}</Table.Td>
            <Table.Td>{line.trigger === 'retention' ? t('retention.byRetention') : line.reason}</Table.Td>
            <Table.Td>{t('retention.counts', { ...line.counts })}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function CleanServer() {
  const { t } = useTranslation();
  const {
    username,
    setUsername,
    password,
    setPassword,
    busy: working,
    problem,
    result,
    run: clean,
  } = useServerAdministration((administrator) => call('erasure.cleanServer', administrator));
  return (
    <Stack gap="sm" data-testid="clean-server">
      <Text size="sm" c="dimmed">
        {t('retention.cleanIntro')}
      </Text>
      <Group grow align="flex-end">
        <TextInput label={t('retention.adminUser')} value={username} onChange={(event) => setUsername(event.currentTarget.value)} autoComplete="off" />
        <PasswordInput label={t('retention.adminPassword')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} autoComplete="off" />
        <Button variant="default" loading={working} disabled={!username || !password} onClick={() => void clean()} data-testid="clean-server-run">
          {t('retention.clean')}
        </Button>
      </Group>
      {problem && <Alert color="red">{problem}</Alert>}
      {result && (
        <List size="sm" data-testid="clean-server-result">
          {result.databases.map((entry) => (
            <List.Item key={entry.database}>{t(`retention.cleaned.${entry.purge}`, { database: entry.database, count: entry.purged })}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
