/**
 * Accessibility (axe "button-name"): a toast's close button is named in the reader's language,
 * through the theme, so every notification shown with notifications.show has it.
 */
import { MantineProvider, Notification } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localisedTheme } from './theme';

describe('the localised theme', () => {
  it.each([['Close'], ['Aizvērt']])('names a toast’s close button “%s”', (label) => {
    render(
      <MantineProvider theme={localisedTheme(label)}>
        <Notification title="Saved">The action is saved.</Notification>
      </MantineProvider>,
    );
    expect(screen.getByRole('button', { name: label })).toBeTruthy();
  });
});
