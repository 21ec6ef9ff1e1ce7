import { createTheme, Notification, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

/** Colours chosen for contrast in both schemes (WCAG AA on the default surfaces). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8: white text on filled buttons and primary-coloured links on white both pass AA.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

/**
 * The theme in the reader's language: Mantine's toast close button has no name of its own, and a
 * screen reader (and axe) must hear what it does.
 */
export function localisedTheme(closeLabel: string): MantineThemeOverride {
  return {
    ...theme,
    components: { ...theme.components, Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }) },
  };
}

const TONED = ['teal', 'orange', 'red', 'gray', 'indigo', 'yellow', 'blue', 'grape', 'green', 'dark'];

/**
 * Mantine's default "dimmed" grey and the text of its light variants (badges, alerts) fall below
 * 4.5:1 on white; darker shades in the light scheme and lighter ones in the dark scheme pass AA.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Shade 9 alone is borderline (≈4.5:1) on the light backgrounds; mixed with black it passes clearly.
    ...Object.fromEntries(TONED.map((colour) => [`--mantine-color-${colour}-light-color`, `color-mix(in srgb, var(--mantine-color-${colour}-9) 75%, black)`])),
    '--mantine-primary-color-light-color': 'color-mix(in srgb, var(--mantine-color-indigo-9) 75%, black)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    ...Object.fromEntries(TONED.map((colour) => [`--mantine-color-${colour}-light-color`, `var(--mantine-color-${colour}-2)`])),
    '--mantine-primary-color-light-color': 'var(--mantine-color-indigo-2)',
  },
});
