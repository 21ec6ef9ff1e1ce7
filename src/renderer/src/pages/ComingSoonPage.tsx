import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A section whose issue has not landed yet says so plainly (removed as each section lands). */
export function ComingSoonPage({ section }: { readonly section: 'reports' }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid={`page-${section}`}>
      <Title order={1}>{t(`nav.${section}`)}</Title>
      <Alert variant="light" title={t('coming.title')}>
        {t(`coming.${section}`)}
      </Alert>
    </Stack>
  );
}
