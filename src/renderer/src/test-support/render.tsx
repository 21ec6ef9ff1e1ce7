/** Renders a component with the app's providers, for renderer tests. */
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from '../api/query-client';
import { theme } from '../app/theme';
import { createI18n, type Language } from '../i18n/i18n';
import { SettingsProvider } from '../settings/SettingsContext';

/** A fresh query cache per render unless a test passes its own (to look into it). */
export function renderWithProviders(ui: ReactNode, queryClient: QueryClient = createQueryClient(), language?: Language): RenderResult {
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={createI18n(language)}>
        <MantineProvider theme={theme}>{ui}</MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

/** The same, inside the team's settings: `ui` shows once `settings.get` has answered. */
export function renderWithSettings(ui: ReactNode, language?: Language): RenderResult {
  return renderWithProviders(<SettingsProvider fallback={null}>{ui}</SettingsProvider>, createQueryClient(), language);
}
