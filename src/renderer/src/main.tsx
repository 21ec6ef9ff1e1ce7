import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installGlobalErrorReporting } from './errors/report-error';
import { RootErrorBoundary } from './errors/RootErrorBoundary';
import { createI18n, storedLanguage } from './i18n/i18n';

installGlobalErrorReporting();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <RootErrorBoundary>
      <App i18n={createI18n(storedLanguage())} />
    </RootErrorBoundary>
  </StrictMode>,
);
