import { createTheme } from '@mantine/core';

/** Colours chosen for contrast in both schemes (WCAG AA on the default surfaces). */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
