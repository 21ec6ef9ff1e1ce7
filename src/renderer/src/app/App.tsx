import { MantineProvider } from '@mantine/core';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { Shell } from '../shell/Shell';
import { theme } from './theme';

/** Providers (theme following the OS, language, hash routing) around the shell. */
export function App({ i18n }: { readonly i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <ErrorBoundary>
          <Router hook={useHashLocation}>
            <Shell />
          </Router>
        </ErrorBoundary>
      </MantineProvider>
    </I18nextProvider>
  );
}
