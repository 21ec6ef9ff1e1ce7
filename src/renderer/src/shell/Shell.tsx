import { Alert, AppShell, Burger, Button, Group, Menu, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { call } from '../api/client';
import { useApiEvent } from '../api/hooks';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { useLegacyViewsMove } from '../features/cases/useCaseViews';
import { useCan, useSession } from '../session/SessionContext';
import { ColourSchemeControl } from './ColourSchemeControl';
import { LanguageControl } from './LanguageControl';
import { NotificationCentre } from './NotificationCentre';
import { Navigation } from './Navigation';
import { QuickSearch } from './QuickSearch';
import { ShortcutSheet } from './ShortcutSheet';
import { PAGES, PRELOAD_OTHERS_AFTER_MS, preloadAllPages, useFirstPageLoaded } from './pages';
import { StatusArea } from './StatusArea';

const CaseListPage = PAGES.caseList.Component;
const AlertCaseListPage = PAGES.alertCases.Component;
const MonthlyReportPage = PAGES.monthlyReport.Component;
const NewCasePage = PAGES.newCase.Component;
const CaseWorkspacePage = PAGES.workspace.Component;
const PostRoomPage = PAGES.postRoom.Component;
const SettingsPage = PAGES.settings.Component;
const ReportsPage = PAGES.reports.Component;
const ImprovementActionsPage = PAGES.improvements.Component;
const AuditTrailPage = PAGES.auditTrail.Component;

const PAGE_LOADING = <Skeleton height={400} data-testid="page-loading" />;

/** Said instead of a page the signed-in person's roles do not allow. */
function NotPermitted() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" data-testid="not-permitted">
      {t('session.notPermitted')}
    </Alert>
  );
}

/** The pages, by route (pages.tsx loads each page's code when it is first needed), as far as the person's roles allow. */
function Routes() {
  const can = useCan();
  const home = can('cases.list') ? '/cases/view/all-open' : can('post.list') ? '/post-room' : '/settings';
  if (!can('cases.get')) {
    return (
      <Switch>
        {can('post.list') ? (
          <Route path="/post-room">
            <PostRoomPage />
          </Route>
        ) : null}
        <Route path="/settings">
          <SettingsPage />
        </Route>
        <Route path="/settings/:tab">{(params) => <SettingsPage tab={params.tab} />}</Route>
        <Route path="/case/:caseId">
          <NotPermitted />
        </Route>
        <Route>
          <Redirect to={home} replace />
        </Route>
      </Switch>
    );
  }
  return (
    <Switch>
      <Route path="/cases/new">
        <NewCasePage />
      </Route>
      <Route path="/cases/view/:viewId">{(params) => <CaseListPage viewId={params.viewId} />}</Route>
      <Route path="/cases/alert/:notificationId">{(params) => <AlertCaseListPage notificationId={params.notificationId} />}</Route>
      <Route path="/cases">
        <Redirect to="/cases/view/all-open" replace />
      </Route>
      <Route path="/case/:caseId">{(params) => <CaseWorkspacePage caseId={params.caseId} />}</Route>
      <Route path="/post-room">
        <PostRoomPage />
      </Route>
      {can('reports.dashboard') ? (
        <Route path="/reports">
          <ReportsPage />
        </Route>
      ) : null}
      {can('improvementActions.list') ? (
        <Route path="/improvements">
          <ImprovementActionsPage />
        </Route>
      ) : null}
      {can('cases.auditTrail') ? (
        <Route path="/audit">
          <AuditTrailPage />
        </Route>
      ) : null}
      {can('reports.dashboard') ? <Route path="/reports/monthly/:month">{(params) => <MonthlyReportPage month={params.month} />}</Route> : null}
      <Route path="/settings">
        <SettingsPage />
      </Route>
      <Route path="/settings/:tab">{(params) => <SettingsPage tab={params.tab} />}</Route>
      <Route>
        <Redirect to={home} replace />
      </Route>
    </Switch>
  );
}

/** Who is signed in; lock, sign out (switching user on a shared PC is a sign-out and a sign-in). */
function SessionMenu() {
  const { t } = useTranslation();
  const { viewer, update } = useSession();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="subtle" size="xs" data-testid="current-staff">
          {viewer.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{viewer.roles.map((role) => t(`roles.${role}`)).join(', ')}</Menu.Label>
        <Menu.Item onClick={() => void call('session.lock', {}).then(update)} data-testid="lock-now">
          {t('session.lock')}
        </Menu.Item>
        <Menu.Item onClick={() => void call('session.signOut', {}).then(update)} data-testid="sign-out">
          {t('session.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
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
  const can = useCan();
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
            {can('cases.get') ? <QuickSearch /> : null}
            <ShortcutSheet />
            <NotificationCentre />
            <StatusArea />
            <SessionMenu />
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
