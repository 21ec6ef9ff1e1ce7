/** Renders a component with the app's providers, for renderer tests. */
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from '../api/query-client';
import { theme } from '../app/theme';
import { createI18n } from '../i18n/i18n';

/** A fresh query cache per render unless a test passes its own (to look into it). */
export function renderWithProviders(ui: ReactNode, queryClient: QueryClient = createQueryClient()): RenderResult {
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={createI18n()}>
        <MantineProvider theme={theme}>{ui}</MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}
