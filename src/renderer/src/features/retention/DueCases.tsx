/**
 * Settings → Retention (issue 14): the closed cases past retention, for an administrator to
 * approve. Approved cases are anonymised on every device (through sync), all or none.
 */
import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionView } from '@shared/domain/retention';
import { call } from '../../api/client';
import { useFormatters } from '../../common/format';
import { useErrors } from '../../errors/useErrors';

export function DueCases({ view }: { readonly view: RetentionView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errors = useErrors();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const due = view.due;
  const toggle = (caseId: string) =>
    setChosen((current) => (current.has(caseId) ? new Set([...current].filter((id) => id !== caseId)) : new Set([...current, caseId])));
  const approve = async () => {
    setWorking(true);
    setProblem(null);
    try {
      const record = await call('retention.approve', { caseIds: due.filter((entry) => chosen.has(entry.caseId)).map((entry) => entry.caseId) });
      notifications.show({ color: 'teal', message: t('retention.anonymised', { count: record.counts.cases }) });
      setChosen(new Set());
    } catch (error) {
      setProblem(errors.text(error));
    } finally {
      setWorking(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="retention-due">
      <Text size="sm" data-testid="retention-last-check">
        {view.lastCheck ? t('retention.lastCheck', { when: format.dateTime(view.lastCheck.at), count: view.lastCheck.due }) : t('retention.noCheckYet')}
      </Text>
      {problem && <Alert color="red">{problem}</Alert>}
      {due.length === 0 ? (
        <Text size="sm" data-testid="retention-due-empty">
          {t('retention.noneDue')}
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox
                  aria-label={t('retention.chooseAll')}
                  checked={chosen.size === due.length}
                  onChange={() => setChosen(chosen.size === due.length ? new Set() : new Set(due.map((entry) => entry.caseId)))}
                />
              </Table.Th>
              <Table.Th>{t('retention.reference')}</Table.Th>
              <Table.Th>{t('retention.outcomeColumn')}</Table.Th>
              <Table.Th>{t('retention.closed')}</Table.Th>
              <Table.Th>{t('retention.dueSince')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.map((entry) => (
              <Table.Tr key={entry.caseId} data-testid="retention-due-case">
                <Table.Td>
                  <Checkbox aria-label={entry.reference} checked={chosen.has(entry.caseId)} onChange={() => toggle(entry.caseId)} />
                </Table.Td>
                <Table.Td>
                  <code>{entry.reference}</code>
                </Table.Td>
                <Table.Td>{t(`retention.outcome.${entry.outcome}`)}</Table.Td>
                <Table.Td>{format.date(entry.closedAt)}</Table.Td>
                <Table.Td>{format.date(entry.dueSince)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Button color="red" disabled={chosen.size === 0} loading={working} onClick={() => void approve()} data-testid="retention-approve">
          {t('retention.approve', { count: chosen.size })}
        </Button>
      </Group>
    </Stack>
  );
}
