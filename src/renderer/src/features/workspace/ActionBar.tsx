import { Button, Group, Modal, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '@shared/domain/workflow';
import type { CaseDetail } from '@shared/domain/views';
import { ActionForm } from './ActionForm';

/** Only the transitions valid now, each opening its focused form. */
export function ActionBar({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<CaseAction | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        {t('workspace.actions')}
      </Title>
      {detail.availableActions.length === 0 ? (
        <Text c="dimmed">{t('workspace.noActions')}</Text>
      ) : (
        <Group gap="xs" data-testid="action-bar">
          {detail.availableActions.map((candidate, index) => (
            <Button key={candidate} variant={index === 0 ? 'filled' : 'light'} size="sm" onClick={() => setAction(candidate)} data-action={candidate}>
              {t(`actions.${candidate}`)}
            </Button>
          ))}
        </Group>
      )}
      <Modal opened={action !== null} onClose={() => setAction(null)} title={action ? t(`actions.${action}`) : ''} size="lg">
        {action && (
          <ActionForm
            action={action}
            record={detail.case}
            onCancel={() => setAction(null)}
            onDone={(next) => {
              notifications.show({ color: 'teal', message: t('workspace.actionDone', { action: t(`actions.${action}`) }) });
              setAction(null);
              onChanged(next);
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}
