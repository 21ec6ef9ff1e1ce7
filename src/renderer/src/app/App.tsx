import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { dayjsLocaleFor } from '../components/office-date-format';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { SessionGate } from '../session/SessionContext';
import { SettingsProvider } from '../settings/SettingsContext';
import { Shell } from '../shell/Shell';
import { cssVariablesResolver, localisedTheme } from './theme';

/** Mantine with the theme in the reader's language (names for its own buttons, e.g. a toast's close). */
function LocalisedMantine({ children }: { readonly children: ReactNode }) {
  // t changes with the language, so the theme follows it.
  const { t, i18n: language } = useTranslation();
  const theme = useMemo(() => localisedTheme(t('common.close')), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {/* Calendars name months and weekdays in the app's language, not the PC's (issue 18). */}
      <DatesProvider settings={{ locale: dayjsLocaleFor(language.language), firstDayOfWeek: 1 }}>{children}</DatesProvider>
    </MantineProvider>
  );
}

/** Providers (the query cache, language, theme following the OS, the session, settings, hash routing) around the shell. */
export function App({ i18n, queryClient }: { readonly i18n: i18n; readonly queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocalisedMantine>
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
        </LocalisedMantine>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
