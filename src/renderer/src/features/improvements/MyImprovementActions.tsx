/**
 * Issue 16, P-5.3: in the notification centre, the signed-in person's improvement actions that are
 * overdue or due within a week. Managers and administrators open the actions page from an entry.
 */
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { OwnedImprovementAction } from '@shared/domain/improvement-actions';
import { useFormatters } from '../../common/format';
import { useCan } from '../../session/SessionContext';

export function MyImprovementActions({ owned, onOpen }: { readonly owned: readonly OwnedImprovementAction[]; readonly onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const can = useCan();
  const [, navigate] = useLocation();
  if (owned.length === 0) return null;
  const open = () => {
    onOpen();
    navigate('/improvements');
  };
  return (
    <Stack gap={4} mt="sm" data-testid="my-improvement-actions">
      <Text fw={600} size="sm">
        {t('improvement.mine.heading')}
      </Text>
      {owned.map(({ action, due }) => {
        const content = (
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm">{t('improvement.mine.item', { title: action.title, due: format.day(action.dueOn) })}</Text>
            <Badge size="xs" color={due === 'overdue' ? 'red' : 'orange'} variant="light">
              {t(`improvement.due.${due}`)}
            </Badge>
          </Group>
        );
        return can('improvementActions.list') ? (
          <UnstyledButton key={action.id} p="xs" onClick={open} style={{ borderRadius: 4 }}>
            {content}
          </UnstyledButton>
        ) : (
          <div key={action.id} style={{ padding: 'var(--mantine-spacing-xs)' }}>
            {content}
          </div>
        );
      })}
    </Stack>
  );
}
