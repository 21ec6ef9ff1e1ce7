/**
 * Settings → Sync, for administrators: the documents this device refused from the server and
 * why (the record's rules, a rewritten audit entry or scan, a deletion Plaint does not make),
 * and whether the device gave the server its own copy back. Other roles see nothing here.
 */
import { Badge, Table, Text } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { SectionCard } from '../../components/SectionCard';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';
import { useSyncStatus } from './useSyncStatus';

export function SyncQuarantine() {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = useSyncStatus();
  const entries = useApiQuery('sync.quarantine', {});
  const quarantined = status?.quarantined ?? 0;
  const { refetch } = entries;
  // The status counts refused documents: when the count moves, the list is read again.
  useEffect(() => void refetch(), [quarantined, refetch]);
  if (entries.error?.code === 'FORBIDDEN' || !entries.data) return null;
  return (
    <SectionCard title={t('sync.quarantine.title')} intro={t('sync.quarantine.intro')} gap="xs" data-testid="sync-quarantine">
      {entries.data.length === 0 ? (
        <Text size="sm" data-testid="sync-quarantine-empty">
          {t('sync.quarantine.empty')}
        </Text>
      ) : (
        <Table striped withTableBorder>
          <TableHead headings={[t('sync.quarantine.when'), t('sync.quarantine.record'), t('sync.quarantine.reason'), t('sync.quarantine.issues')]} />
          <Table.Tbody>
            {entries.data.map((entry) => (
              <Table.Tr key={entry.id} data-testid="sync-quarantine-entry">
                <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                <Table.Td>
                  {t(`sync.quarantine.collections.${entry.collection}`, { defaultValue: entry.collection })} · <code>{entry.documentId}</code>
                </Table.Td>
                <Table.Td>
                  {t(`sync.quarantine.reasons.${entry.reason}`)}
                  {entry.healed && (
                    <Badge ml="xs" size="sm" color="teal" variant="light">
                      {t('sync.quarantine.healed')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{entry.issues.join('; ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
