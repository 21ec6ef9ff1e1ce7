/**
 * P-7.2: who has seen this case (opened it, opened its letters or scans, exported it), for the
 * case's managers. The main process decides who may see it: anyone else is refused, and the panel
 * then shows nothing.
 */
import { Table, Text } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { SectionCard } from '../../components/SectionCard';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';

export function AccessLogPanel({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const log = useApiQuery('accessLog.forCase', { caseId }, { retry: false });
  if (!log.data) return null;
  return (
    <SectionCard title={t('workspace.accessLog.title')} level={3} gap="xs" data-testid="access-log">
      {log.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('workspace.accessLog.empty')}
        </Text>
      ) : (
        <Table striped>
          <TableHead headings={[t('workspace.accessLog.who'), t('workspace.accessLog.what'), t('workspace.accessLog.when')]} />
          <Table.Tbody>
            {log.data.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{entry.name}</Table.Td>
                <Table.Td>
                  {t(`workspace.accessLog.actions.${entry.action}`)}
                  {entry.detail ? ` (${entry.detail})` : ''}
                </Table.Td>
                <Table.Td>{format.dateTime(entry.at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
