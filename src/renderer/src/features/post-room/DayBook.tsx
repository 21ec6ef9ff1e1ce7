/** The day book: the post received and sent in a date range, printable (PDF) and as CSV. */
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { IconDownload } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { saveFile } from '../../common/files';
import { useFormatters } from '../../common/format';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import { useSettings } from '../../settings/SettingsContext';
import { officeDay } from './incoming-register';

export function DayBook() {
  const { t } = useTranslation();
  const { day } = useFormatters();
  const { settings } = useSettings();
  const todayText = officeDay(settings.calendar.timeZone);
  const [from, setFrom] = useState(todayText);
  const [to, setTo] = useState(todayText);
  // Kept live by letters.changed (live-queries.ts); the last book stays while another range loads.
  const book = useApiQuery('post.dayBook', { from, to, format: 'csv' }, { placeholderData: keepPreviousData });
  const download = async (format: 'csv' | 'pdf') => saveFile(await call('post.dayBook', { from, to, format }));
  return (
    <Stack gap="sm" data-testid="day-book">
      <Group align="flex-end">
        <OfficeDateInput label={t('postRoom.from')} value={from} onChange={setFrom} />
        <OfficeDateInput label={t('postRoom.to')} value={to} onChange={setTo} />
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download('pdf')} data-testid="day-book-pdf">
          {t('postRoom.downloadPdf')}
        </Button>
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download('csv')} data-testid="day-book-csv">
          {t('postRoom.downloadCsv')}
        </Button>
      </Group>
      {book.error && <Alert color="red">{book.error.message}</Alert>}
      {book.data && book.data.rows.length === 0 && <Text c="dimmed">{t('postRoom.noPost')}</Text>}
      {book.data && book.data.rows.length > 0 && (
        <Table data-testid="day-book-rows">
          <TableHead
            headings={[
              t('postRoom.direction'),
              t('postRoom.date'),
              t('postRoom.party'),
              t('caseList.columns.reference'),
              t('postRoom.kind'),
              t('postRoom.summary'),
              t('postRoom.postClass'),
            ]}
          />
          <Table.Tbody>
            {book.data.rows.map((row, index) => (
              <Table.Tr key={index}>
                <Table.Td>{t(`directions.${row.direction}`)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(row.date)}</Table.Td>
                <Table.Td>{row.party}</Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {row.caseReference}
                </Table.Td>
                <Table.Td>
                  {row.direction === 'in' ? t(`postRoom.kinds.${row.kind as 'new-complaint'}`) : t(`letters.templates.${row.kind as 'acknowledgement'}`)}
                </Table.Td>
                <Table.Td>{row.summary}</Table.Td>
                <Table.Td>{row.postClass ? `${t(`postRoom.classes.${row.postClass as 'first'}`)} ${row.trackingNumber}` : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
