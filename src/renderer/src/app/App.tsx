import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { SessionGate } from '../session/SessionContext';
import { SettingsProvider } from '../settings/SettingsContext';
import { Shell } from '../shell/Shell';
import { cssVariablesResolver, theme } from './theme';

/** Providers (the query cache, language, theme following the OS, the session, settings, hash routing) around the shell. */
export function App({ i18n, queryClient }: { readonly i18n: i18n; readonly queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
          <Notifications position="bottom-right" limit={3} autoClose={4000} />
          <ErrorBoundary>
            <SessionGate>
            <SettingsProvider
              fallback={
                <Center h="100dvh">
                  <Loader aria-label="Loading" />
                </Center>
              }
            >
              <Router hook={useHashLocation}>
                <Shell />
              </Router>
            </SettingsProvider>
            </SessionGate>
          </ErrorBoundary>
        </MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
