import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasBridge, subscribe } from './api/client';
import { startLiveQueries } from './api/live-queries';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import { installGlobalErrorReporting } from './errors/report-error';
import { RootErrorBoundary } from './errors/RootErrorBoundary';
import { createI18n, storedLanguage } from './i18n/i18n';
import { prefetchFirstPageData, preloadFirstPage } from './shell/pages';

installGlobalErrorReporting();
const queryClient = createQueryClient();
if (hasBridge()) {
  // Before the first query: an answer fetched from now on is refreshed by any change after it.
  startLiveQueries(queryClient, subscribe);
  // The first page's code and data load while the settings are fetched, not after them.
  prefetchFirstPageData(queryClient, window.location.hash);
}
preloadFirstPage(window.location.hash);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <RootErrorBoundary>
      <App i18n={createI18n(storedLanguage())} queryClient={queryClient} />
    </RootErrorBoundary>
  </StrictMode>,
);
