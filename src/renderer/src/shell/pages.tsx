/**
 * The pages behind the shell's routes, each in its own chunk (React.lazy): a window loads the shell
 * and the page it opens on, and the other pages once it is idle, instead of one 4 MB chunk before
 * anything shows (issue 12).
 */
import type { QueryClient } from '@tanstack/react-query';
import { lazy, useSyncExternalStore, type ComponentType } from 'react';
import { prefetchFirstRows } from '../features/cases/useCaseListData';
import { builtInViews, DEFAULT_VIEW_ID } from '../features/cases/views';

export interface LazyPage<P extends object> {
  readonly Component: ComponentType<P>;
  /** Starts loading the page's code (once); the route then renders without waiting for it. */
  preload(): Promise<unknown>;
}

function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => {
        loaded = component;
        return { default: component };
      },
      (error: unknown) => {
        // A failed load (e.g. a file replaced by an update) is tried afresh next time.
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(preload);
  // Code already loaded (preloaded while the app started) renders at once. Through React.lazy it
  // would suspend for a moment all the same, and React holds back content that follows a fallback
  // by up to 300 ms.
  function Page(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component: Page, preload };
}

export const PAGES = {
  caseList: lazyPage(() => import('../features/cases/CaseListPage').then((module) => module.CaseListPage)),
  alertCases: lazyPage(() => import('../features/cases/CaseListPage').then((module) => module.AlertCaseListPage)),
  newCase: lazyPage(() => import('../features/new-case/NewCasePage').then((module) => module.NewCasePage)),
  workspace: lazyPage(() => import('../features/workspace/CaseWorkspacePage').then((module) => module.CaseWorkspacePage)),
  postRoom: lazyPage(() => import('../features/post-room/PostRoomPage').then((module) => module.PostRoomPage)),
  settings: lazyPage(() => import('../features/settings/SettingsPage').then((module) => module.SettingsPage)),
  reports: lazyPage(() => import('../features/reports/ReportsPage').then((module) => module.ReportsPage)),
  improvements: lazyPage(() => import('../features/improvements/ImprovementActionsPage').then((module) => module.ImprovementActionsPage)),
  auditTrail: lazyPage(() => import('../features/audit/AuditTrailPage').then((module) => module.AuditTrailPage)),
  monthlyReport: lazyPage(() => import('../features/reports/MonthlyReportPage').then((module) => module.MonthlyReportPage)),
};

/** The page a route path shows (the routes are in Shell.tsx); every unknown path goes to the case list. */
export function pageForPath(path: string): keyof typeof PAGES | null {
  if (path === '/cases/new') return 'newCase';
  if (path.startsWith('/case/')) return 'workspace';
  if (path.startsWith('/post-room')) return 'postRoom';
  if (path.startsWith('/settings')) return 'settings';
  if (path.startsWith('/reports/monthly/')) return 'monthlyReport';
  if (path.startsWith('/reports')) return 'reports';
  if (path.startsWith('/improvements')) return 'improvements';
  if (path.startsWith('/audit')) return 'auditTrail';
  if (path.startsWith('/cases/alert/')) return 'alertCases';
  return 'caseList';
}

/** The route path of a hash location (`#/cases/view/…`); '/' for none. */
export function pathOfHash(hash: string): string {
  return hash.replace(/^#/, '') || '/';
}

/** Nothing to wait for unless preloadFirstPage started a load (the app does; tests need not). */
let firstPageSettled = true;
const firstPageListeners = new Set<() => void>();

/**
 * Starts loading the code of the page the window opens on, while the app starts. The shell shows
 * that page only when its code is there (useFirstPageLoaded): a Suspense fallback at start-up would
 * make React hold back the page for up to 300 ms after the code arrives.
 */
export function preloadFirstPage(hash: string): void {
  const page = pageForPath(pathOfHash(hash));
  if (!page) return;
  firstPageSettled = false;
  const settle = () => {
    firstPageSettled = true;
    firstPageListeners.forEach((listener) => listener());
  };
  // A failed load settles too: the route then renders the lazy page, whose error the error boundary shows.
  void PAGES[page].preload().then(settle, settle);
}

/**
 * Starts fetching what the first page shows, alongside its code: for a list of a built-in view, its
 * first rows. ("My open cases" names the person, who is known only once the settings arrive.)
 */
export function prefetchFirstPageData(client: QueryClient, hash: string): void {
  const path = pathOfHash(hash);
  if (pageForPath(path) !== 'caseList') return;
  const viewId = /^\/cases\/view\/([^/]+)$/.exec(path)?.[1] ?? DEFAULT_VIEW_ID;
  const view = builtInViews('').find((candidate) => candidate.id === viewId && !('assigneeIds' in candidate.filters));
  if (view) prefetchFirstRows(client, view);
}

/** True once the first page's code has loaded (or failed to), and whenever no first page is awaited. */
export function useFirstPageLoaded(): boolean {
  return useSyncExternalStore(
    (listener) => {
      firstPageListeners.add(listener);
      return () => firstPageListeners.delete(listener);
    },
    () => firstPageSettled,
  );
}

export function preloadAllPages(): void {
  for (const page of Object.values(PAGES)) void page.preload().catch(() => undefined);
}

/**
 * How long after the shell appears the other pages' code starts loading (when the window is idle).
 * Sooner, and compiling it competes with the first page's own data arriving.
 */
export const PRELOAD_OTHERS_AFTER_MS = 5_000;
