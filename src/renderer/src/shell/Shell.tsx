import { AppShell, Burger, Group, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { call } from '../api/client';
import { useApiEvent } from '../api/hooks';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { useLegacyViewsMove } from '../features/cases/useCaseViews';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { useSettings } from '../settings/SettingsContext';
import { ColourSchemeControl } from './ColourSchemeControl';
import { LanguageControl } from './LanguageControl';
import { NotificationCentre } from './NotificationCentre';
import { Navigation } from './Navigation';
import { QuickSearch } from './QuickSearch';
import { PAGES, PRELOAD_OTHERS_AFTER_MS, preloadAllPages, useFirstPageLoaded } from './pages';
import { StatusArea } from './StatusArea';

const CaseListPage = PAGES.caseList.Component;
const NewCasePage = PAGES.newCase.Component;
const CaseWorkspacePage = PAGES.workspace.Component;
const PostRoomPage = PAGES.postRoom.Component;
const SettingsPage = PAGES.settings.Component;

const PAGE_LOADING = <Skeleton height={400} data-testid="page-loading" />;

/** The pages, by route (pages.tsx loads each page's code when it is first needed). */
function Routes() {
  return (
    <Switch>
      <Route path="/cases/new">
        <NewCasePage />
      </Route>
      <Route path="/cases/view/:viewId">{(params) => <CaseListPage viewId={params.viewId} />}</Route>
      <Route path="/cases">
        <Redirect to="/cases/view/all-open" replace />
      </Route>
      <Route path="/case/:caseId">{(params) => <CaseWorkspacePage caseId={params.caseId} />}</Route>
      <Route path="/post-room">
        <PostRoomPage />
      </Route>
      <Route path="/reports">
        <ComingSoonPage section="reports" />
      </Route>
      <Route path="/settings">
        <SettingsPage />
      </Route>
      <Route path="/settings/:tab">{(params) => <SettingsPage tab={params.tab} />}</Route>
      <Route>
        <Redirect to="/cases/view/all-open" replace />
      </Route>
    </Switch>
  );
}

/** Once the first page is up and the window has nothing else to do, the other pages' code, so moving to them does not wait. */
function usePreloadedPages(): void {
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') return undefined;
    let idle = 0;
    const later = window.setTimeout(() => (idle = window.requestIdleCallback(preloadAllPages, { timeout: 10_000 })), PRELOAD_OTHERS_AFTER_MS);
    return () => {
      window.clearTimeout(later);
      window.cancelIdleCallback(idle);
    };
  }, []);
}

export function Shell() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const [location, navigate] = useLocation();
  // A clicked desktop notification or the tray menu asks the window to show a place.
  useApiEvent('app.navigate', ({ path }) => navigate(path));
  // Desktop notifications speak the language chosen here.
  useEffect(() => {
    void call('device.setPreferences', { language: i18n.language === 'lv' ? 'lv' : 'en-GB' }).catch(() => undefined);
  }, [i18n.language]);
  const { settings, staffName } = useSettings();
  useLegacyViewsMove();
  usePreloadedPages();
  const firstPageLoaded = useFirstPageLoaded();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <QuickSearch />
            <NotificationCentre />
            <StatusArea />
            <Text size="xs" c="dimmed" visibleFrom="lg" data-testid="current-staff">
              {t('shell.me', { name: staffName(settings.currentStaffId) })}
            </Text>
            <LanguageControl />
            <ColourSchemeControl />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Navigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main>
        <ErrorBoundary resetKey={location}>
          <Suspense fallback={PAGE_LOADING}>{firstPageLoaded ? <Routes /> : PAGE_LOADING}</Suspense>
        </ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
