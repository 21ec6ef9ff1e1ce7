/**
 * Issue 16, P-5.3: improvement actions for managers and administrators: the list (the soonest due
 * first, with what is overdue or due soon), and a form to create or change one.
 */
import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { improvementDue, type ImprovementAction } from '@shared/domain/improvement-actions';
import { officeDay } from '@shared/sla';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';
import { ImprovementActionForm } from './ImprovementActionForm';
import { useRootCauseLabels } from './root-cause-labels';

export function ImprovementActionsPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { calendar } = useSettings();
  const causes = useRootCauseLabels();
  // Kept live by settings.changed (live-queries.ts): actions are a synced settings area.
  const actions = useApiQuery('improvementActions.list', {});
  const [editing, setEditing] = useState<ImprovementAction | 'new' | null>(null);
  const today = officeDay(calendar, new Date());
  return (
    <Stack gap="md" data-testid="page-improvements">
      <Group justify="space-between">
        <Title order={1}>{t('improvement.actions.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="improvement-new">
          {t('improvement.actions.new')}
        </Button>
      </Group>
      <Text size="sm">{t('improvement.actions.intro')}</Text>
      {actions.error && <Alert color="red">{t('common.failed', { message: actions.error.message })}</Alert>}
      {!actions.data && !actions.error && <Skeleton height={120} aria-label={t('common.loading')} />}
      {actions.data && actions.data.length === 0 && <Text c="dimmed">{t('improvement.actions.empty')}</Text>}
      {actions.data && actions.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="improvement-actions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('improvement.actions.titleField')}</Table.Th>
                <Table.Th>{t('improvement.actions.owner')}</Table.Th>
                <Table.Th>{t('improvement.actions.dueOn')}</Table.Th>
                <Table.Th>{t('improvement.actions.status')}</Table.Th>
                <Table.Th>{t('improvement.actions.rootCauses')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('improvement.actions.edit')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {actions.data.map((action) => {
                const due = improvementDue(action, today);
                return (
                  <Table.Tr key={action.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {action.title}
                      </Text>
                      {action.lessonsLearned && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {action.lessonsLearned}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{action.ownerName}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {format.day(action.dueOn)}
                        {(due === 'overdue' || due === 'due-soon') && (
                          <Badge size="xs" color={due === 'overdue' ? 'red' : 'orange'} variant="light">
                            {t(`improvement.due.${due}`)}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {t(`improvement.statuses.${action.status}`)}
                      {action.completedOn && ` (${format.day(action.completedOn)})`}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-line' }}>{action.rootCauseIds.map((id) => causes.label(id)).join('\n')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(action)}
                        aria-label={`${t('improvement.actions.edit')}: ${action.title}`}
                      >
                        {t('improvement.actions.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('improvement.actions.new') : t('improvement.actions.edit')}
        size="lg"
      >
        {editing !== null && <ImprovementActionForm action={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
