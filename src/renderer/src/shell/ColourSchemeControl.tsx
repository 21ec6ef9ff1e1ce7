import { SegmentedControl, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Light, dark, or follow the operating system (the default). */
export function ColourSchemeControl() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.colourScheme')}
      value={colorScheme}
      onChange={(value) => setColorScheme(value as MantineColorScheme)}
      data={[
        { value: 'auto', label: t('shell.colourSchemeAuto') },
        { value: 'light', label: t('shell.colourSchemeLight') },
        { value: 'dark', label: t('shell.colourSchemeDark') },
      ]}
    />
  );
}
