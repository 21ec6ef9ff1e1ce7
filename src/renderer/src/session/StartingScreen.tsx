/**
 * What the window shows until the session is known: a loader, or, while a profile from before
 * encryption at rest is being encrypted in place (P-7.2), each step as the main process reports it
 * through app.status, so a large database shows progress rather than a frozen window.
 */
import { Center, List, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENCRYPTION_STEPS, type DatabaseStatus } from '@shared/api/types/app';
import { call, hasBridge, subscribe } from '../api/client';

export function StartingScreen() {
  const { t } = useTranslation();
  const [database, setDatabase] = useState<DatabaseStatus | null>(null);
  useEffect(() => {
    if (!hasBridge()) return undefined;
    let live = true;
    void call('app.info', {}).then(
      (info) => live && setDatabase((shown) => shown ?? info.database),
      () => undefined,
    );
    const stop = subscribe('app.status', (status) => live && setDatabase(status.database));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const encryption = database?.state === 'opening' ? database.encryption : undefined;
  if (!encryption) {
    return (
      <Center h="100dvh">
        <Loader aria-label={t('starting.loading')} />
      </Center>
    );
  }
  const reached = encryption.step === null ? 0 : ENCRYPTION_STEPS.indexOf(encryption.step) + 1;
  return (
    <Center h="100dvh" p="md">
      <Paper withBorder p="xl" w={460} maw="100%" component="main">
        <Stack gap="md">
          <Title order={1} size="h3">
            {t('starting.encryptingTitle')}
          </Title>
          <Text size="sm">{t('starting.encryptingIntro')}</Text>
          <Progress value={(reached / ENCRYPTION_STEPS.length) * 100} aria-label={t('starting.encryptingTitle')} animated={reached < ENCRYPTION_STEPS.length} />
          <List spacing={4} size="sm" data-testid="encryption-steps">
            {ENCRYPTION_STEPS.map((step, index) => (
              <List.Item key={step} data-step={step} data-reached={index < reached}>
                {index < reached ? '✓ ' : index === reached ? '… ' : ''}
                {t(`starting.steps.${step}`)}
              </List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </Center>
  );
}
