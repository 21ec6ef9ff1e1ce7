/**
 * What the window shows until the session is known: a loader, or, while the profile is upgraded
 * before it opens (P-7.2: encrypted in place, or moved to AEGIS), each step and the copy's bytes as
 * the main process reports them through app.status, so a large database shows progress rather
 * than a frozen window.
 */
import { Center, Loader, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDatabaseStatus } from './database-status';
import { ProfileUpgradeNotice } from './ProfileUpgradeNotice';

export function StartingScreen() {
  const { t } = useTranslation();
  const database = useDatabaseStatus();
  const upgrade = database?.upgrade;
  if (!upgrade) {
    return (
      <Center h="100dvh">
        <Loader aria-label={t('starting.loading')} />
      </Center>
    );
  }
  return (
    <Center h="100dvh" p="md">
      <Paper withBorder p="xl" w={460} maw="100%" component="main">
        <ProfileUpgradeNotice upgrade={upgrade} headingOrder={1} />
      </Paper>
    </Center>
  );
}
