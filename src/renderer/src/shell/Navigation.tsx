import { Badge, Divider, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useApiQuery } from '../api/queries';
import { useAllViews } from '../features/cases/useCaseViews';
import { SECTIONS } from './sections';
import { useCan } from '../session/SessionContext';

/** Counts go stale with time alone (a deadline passes with no change to any case), so they are also fetched every minute. */
const RECOUNT_MS = 60_000;

/** Sections, and the case views with live counts (refreshed on every change and every minute). */
export function Navigation({ onNavigate }: { readonly onNavigate: () => void }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const can = useCan();
  const readsCases = can('cases.count');
  const { views } = useAllViews();
  // Kept live by cases.changed (live-queries.ts); the counts shown stay while a new view is counted.
  const counts = useApiQuery(
    'cases.count',
    { views: Object.fromEntries(views.map((view) => [view.id, view.filters])) },
    { refetchInterval: RECOUNT_MS, placeholderData: keepPreviousData, enabled: readsCases },
  );
  const link = (href: string, label: string, active: boolean, testId: string, extra?: React.ReactNode, icon?: React.ReactNode) => (
    <NavLink
      key={href}
      component={Link}
      href={href}
      label={label}
      leftSection={icon}
      rightSection={extra}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      data-testid={testId}
    />
  );
  return (
    <Stack component="nav" aria-label={t('nav.label')} gap={4} h="100%">
      {SECTIONS.filter((section) => section.method === null || can(section.method)).map((section) => {
        const Icon = section.icon;
        const active = section.id === 'cases' ? location.startsWith('/cases') || location.startsWith('/case/') : location.startsWith(section.path);
        return link(
          section.path,
          t(`nav.${section.id}`),
          active && section.id !== 'cases',
          `nav-${section.id}`,
          undefined,
          <Icon size={20} stroke={1.6} aria-hidden />,
        );
      })}
      {can('cases.get')
        ? link('/cases/new', t('nav.newCase'), location === '/cases/new', 'nav-new-case', undefined, <IconPlus size={20} stroke={1.6} aria-hidden />)
        : null}
      <Divider my="xs" />
      {readsCases ? (
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm">
          {t('nav.views')}
        </Text>
      ) : null}
      <ScrollArea style={{ flex: 1 }}>
        {(readsCases ? views : []).map((view) => {
          const count = counts.data?.[view.id];
          const label = view.labelKey ? t(`views.${view.labelKey}`) : (view.name ?? view.id);
          const tone = view.id === 'breached' && count ? 'red' : (view.id === 'due-soon' || view.id === 'my-due-soon') && count ? 'orange' : 'gray';
          return link(
            `/cases/view/${view.id}`,
            label,
            location === `/cases/view/${view.id}`,
            `view-${view.id}`,
            <Badge size="sm" variant={tone === 'gray' ? 'light' : 'filled'} color={tone === 'gray' ? tone : `${tone}.9`} data-testid={`count-${view.id}`}>
              {count ?? '…'}
            </Badge>,
          );
        })}
      </ScrollArea>
    </Stack>
  );
}
