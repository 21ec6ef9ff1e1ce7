/** The in-app notification centre: recent deadline notifications, unread count, mark read. */
import { ActionIcon, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { call } from '../api/client';
import { apiQueryKey, useApiQuery } from '../api/queries';
import { useFormatters } from '../common/format';
import { MyImprovementActions } from '../features/improvements/MyImprovementActions';

export function NotificationCentre() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const format = useFormatters();
  const [opened, setOpened] = useState(false);
  const client = useQueryClient();
  // Kept live by notifications.changed (live-queries.ts); marking read answers with the new centre.
  const centre = useApiQuery('notifications.list', {});
  // P-5.3: the person's improvement actions due within a week or overdue (kept live by settings.changed).
  const owned = useApiQuery('improvementActions.mine', {}).data ?? [];
  const markRead = (input: { ids: string[] } | { all: true }) =>
    call('notifications.markRead', input).then(
      (next) => client.setQueryData(apiQueryKey('notifications.list', {}), next),
      () => undefined,
    );
  const unread = centre.data?.unread ?? 0;
  const waiting = unread + owned.length;
  const open = async (id: string, path: string) => {
    setOpened(false);
    navigate(path);
    await markRead({ ids: [id] });
  };
  return (
    <Popover opened={opened} onChange={setOpened} width={380} position="bottom-end" shadow="md">
      <Popover.Target>
        {/* The button itself is the target, so it carries aria-expanded and aria-controls. */}
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={
            owned.length > 0
              ? `${t('notifications.title', { count: unread })}; ${t('improvement.mine.heading')}: ${owned.length}`
              : t('notifications.title', { count: unread })
          }
          onClick={() => setOpened((value) => !value)}
          data-testid="notifications-open"
        >
          <Indicator label={waiting} size={16} disabled={waiting === 0} color="red.9" offset={2} aria-hidden>
            <IconBell size={20} aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('notifications.heading')}</Text>
          {unread > 0 && (
            <Button size="xs" variant="subtle" onClick={() => void markRead({ all: true })}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <ScrollArea.Autosize mah={420}>
          <Stack gap={4} data-testid="notification-list">
            {(centre.data?.items ?? []).length === 0 && (
              <Text c="dimmed" size="sm">
                {t('notifications.empty')}
              </Text>
            )}
            {(centre.data?.items ?? []).map((item) => (
              <UnstyledButton
                key={item.id}
                onClick={() => void open(item.id, item.path)}
                p="xs"
                style={{ borderRadius: 4, background: item.read ? undefined : 'var(--mantine-primary-color-light)' }}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={item.read ? 400 : 600}>
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.body}
                    </Text>
                  </Stack>
                  {/* Issue 18: the time is never cut off ("2 SECOND…"): it keeps its width, the text beside it wraps. */}
                  <Badge
                    size="xs"
                    color={item.level === 'breached' ? 'red' : item.level === 'due-soon' ? 'orange' : 'blue'}
                    variant="light"
                    tt="none"
                    style={{ flexShrink: 0, overflow: 'visible' }}
                    styles={{ label: { overflow: 'visible' } }}
                    data-testid="notification-time"
                  >
                    {format.relative(item.createdAt, new Date())}
                  </Badge>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
          <MyImprovementActions owned={owned} onOpen={() => setOpened(false)} />
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
