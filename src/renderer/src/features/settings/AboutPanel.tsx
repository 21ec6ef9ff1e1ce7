import { Alert, Badge, Code, Paper, Skeleton, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';

/** Installation details straight from the main process (`app.info`). */
export function AboutPanel() {
  const { t } = useTranslation();
  const info = useApiQuery('app.info', {});
  return (
    <Paper withBorder p="md" data-testid="about-panel">
      <Title order={2} size="h3" mb="sm">
        {t('settings.about.title')}
      </Title>
      {info.error && <Alert color="red">{t('settings.about.loadFailed', { message: info.error.message })}</Alert>}
      {!info.data && !info.error && <Skeleton height={120} />}
      {info.data && (
        <Table variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={200}>{t('settings.about.version')}</Table.Th>
              <Table.Td data-testid="about-version">{info.data.version}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.host')}</Table.Th>
              <Table.Td>{info.data.host === 'electron' ? t('settings.about.hostElectron') : t('settings.about.hostHarness')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.dataDirectory')}</Table.Th>
              <Table.Td>
                <Code data-testid="about-data-directory">{info.data.dataDirectory}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.logFile')}</Table.Th>
              <Table.Td>
                <Code>{info.data.logFile}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.about.database')}</Table.Th>
              <Table.Td>
                <Badge variant="light" data-testid="about-database-state">
                  {t(`status.database.${info.data.database.state}`)}
                </Badge>
                {info.data.database.message && (
                  <Alert mt="xs" color="red">
                    {info.data.database.message}
                  </Alert>
                )}
              </Table.Td>
            </Table.Tr>
            {info.data.database.file && (
              <Table.Tr>
                <Table.Th>{t('settings.about.databaseFile')}</Table.Th>
                <Table.Td>
                  <Code>{info.data.database.file}</Code>
                </Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th>{t('settings.about.startedAt')}</Table.Th>
              <Table.Td>{new Date(info.data.startedAt).toLocaleString('en-GB')}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
