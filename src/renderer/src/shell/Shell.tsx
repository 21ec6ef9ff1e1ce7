import { AppShell, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { SettingsPage } from '../pages/SettingsPage';
import { ColourSchemeControl } from './ColourSchemeControl';
import { Navigation } from './Navigation';
import { StatusArea } from './StatusArea';

export function Shell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const [location] = useLocation();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <StatusArea />
            <ColourSchemeControl />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary resetKey={location}>
          <Switch>
            <Route path="/cases">
              <ComingSoonPage section="cases" />
            </Route>
            <Route path="/post-room">
              <ComingSoonPage section="postRoom" />
            </Route>
            <Route path="/reports">
              <ComingSoonPage section="reports" />
            </Route>
            <Route path="/settings">
              <SettingsPage />
            </Route>
            <Route>
              <Redirect to="/cases" replace />
            </Route>
          </Switch>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
