import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AboutPanel } from './AboutPanel';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-settings">
      <Title order={1}>{t('settings.title')}</Title>
      <AboutPanel />
    </Stack>
  );
}
