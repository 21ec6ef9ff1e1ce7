import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface ErrorScreenProps {
  readonly error: Error;
  readonly onRetry: () => void;
}

/** Shown instead of a blank window when rendering fails: the user can retry or reload. */
export function ErrorScreen({ error, onRetry }: ErrorScreenProps) {
  const { t } = useTranslation();
  return (
    <Stack maw={720} mx="auto" p="xl" role="alert" data-testid="error-screen">
      <Group gap="sm">
        <IconAlertTriangle aria-hidden size={32} color="var(--mantine-color-red-6)" />
        <Title order={1}>{t('errors.screenTitle')}</Title>
      </Group>
      <Text>{t('errors.screenBody')}</Text>
      <Alert variant="light" color="gray" title={t('errors.details')}>
        <Code block>{error.message}</Code>
      </Alert>
      <Group>
        <Button onClick={onRetry}>{t('errors.tryAgain')}</Button>
        <Button variant="default" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </Group>
    </Stack>
  );
}
