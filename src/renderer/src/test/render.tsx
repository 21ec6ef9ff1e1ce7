/** Renders a component with the app's providers, for renderer tests. */
import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { theme } from '../app/theme';
import { createI18n } from '../i18n/i18n';

export function renderWithProviders(ui: ReactNode): RenderResult {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <MantineProvider theme={theme}>{ui}</MantineProvider>
    </I18nextProvider>,
  );
}
