/**
 * A start-up upgrade of the profile (P-7.2, issue 14) as the start, sign-in and recovery screens
 * show it: a plaintext profile encrypted in place, or an encrypted one moved from ChaCha20 to
 * AEGIS. While it runs, each step the main process reports through app.status and how much of the
 * copy (the backup) is written; if it failed, that the profile opened as it was.
 */
import { Alert, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CIPHER_UPGRADE_STEPS, ENCRYPTION_STEPS, type ProfileUpgradeStatus } from '@shared/api/types/app';

const MEGABYTE = 1_048_576;

function stepsOf(upgrade: ProfileUpgradeStatus): { readonly steps: readonly string[]; readonly reached: number } {
  const steps: readonly string[] = upgrade.kind === 'encrypt' ? ENCRYPTION_STEPS : CIPHER_UPGRADE_STEPS;
  return { steps, reached: upgrade.step === null ? 0 : steps.indexOf(upgrade.step) + 1 };
}

/** `headingOrder`: 1 on the start screen (its only heading), 2 inside a sign-in or recovery frame. */
export function ProfileUpgradeNotice({ upgrade, headingOrder }: { readonly upgrade: ProfileUpgradeStatus; readonly headingOrder: 1 | 2 }) {
  // Before sign-in there are no team settings (useFormatters needs them): the window's language alone.
  const { t, i18n } = useTranslation();
  const megabytes = (bytes: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / MEGABYTE);
  const encrypting = upgrade.kind === 'encrypt';
  if (upgrade.outcome === 'failed') {
    return (
      <Alert color="orange" role="alert" data-testid="upgrade-failed" data-kind={upgrade.kind}>
        {t(encrypting ? 'starting.encryptFailed' : 'starting.cipherFailed')}
      </Alert>
    );
  }
  const { steps, reached } = stepsOf(upgrade);
  const title = t(encrypting ? 'starting.encryptingTitle' : 'starting.cipherTitle');
  const copying = upgrade.copied && reached === 1 ? upgrade.copied : null;
  return (
    <Stack gap="md" data-testid="profile-upgrade" data-kind={upgrade.kind} data-outcome={upgrade.outcome}>
      <Title order={headingOrder} size={headingOrder === 1 ? 'h3' : 'h4'}>
        {title}
      </Title>
      <Text size="sm">{t(encrypting ? 'starting.encryptingIntro' : 'starting.cipherIntro')}</Text>
      <Progress value={(reached / steps.length) * 100} aria-label={title} animated={upgrade.outcome === 'running'} />
      <List spacing={4} size="sm" data-testid="upgrade-steps">
        {steps.map((step, index) => (
          <List.Item key={step} data-step={step} data-reached={index < reached}>
            {index < reached ? '✓ ' : index === reached ? '… ' : ''}
            {t(
              encrypting
                ? `starting.steps.${step as (typeof ENCRYPTION_STEPS)[number]}`
                : `starting.cipherSteps.${step as (typeof CIPHER_UPGRADE_STEPS)[number]}`,
            )}
          </List.Item>
        ))}
      </List>
      {copying ? (
        <Text size="sm" data-testid="upgrade-copied">
          {t('starting.copying', {
            done: megabytes(copying.bytes),
            total: megabytes(copying.of),
            percent: copying.of > 0 ? Math.floor((copying.bytes / copying.of) * 100) : 100,
          })}
        </Text>
      ) : null}
    </Stack>
  );
}
