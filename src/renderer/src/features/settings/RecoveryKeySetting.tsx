import { Alert, Button, Checkbox, Code, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useErrors } from '../../errors/useErrors';

/**
 * Encryption at rest (P-7.2), for administrators: whether the OS keychain holds the database key,
 * and the recovery key. A new one is shown once, in a dialog that stays open until the
 * administrator confirms they have stored it; Plaint keeps no copy.
 */
export function RecoveryKeySetting() {
  const { t } = useTranslation();
  const errors = useErrors();
  const status = useApiQuery('protection.status', {});
  const [shown, setShown] = useState<string | null>(null);
  const [stored, setStored] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const create = () => {
    setBusy(true);
    setProblem(null);
    void call('protection.createRecoveryKey', {})
      .then(
        (result) => {
          setStored(false);
          setShown(result.recoveryKey);
        },
        (error: unknown) => setProblem(errors.text(error)),
      )
      .finally(() => setBusy(false));
  };
  const close = () => {
    setShown(null);
    void status.refetch();
  };
  const data = status.data;
  if (!data || data.encryption === 'off-for-tests') return null;
  return (
    <Paper withBorder p="md" data-testid="encryption-at-rest">
      <Stack gap="sm">
        <Title order={4}>{t('settings.protection.title')}</Title>
        <Text size="sm">{data.encryption === 'encrypted' ? t('settings.protection.encrypted') : t('settings.protection.plaintext')}</Text>
        <Text size="sm">{data.keychain === 'os-keychain' ? t('settings.protection.keychain') : t('settings.protection.noKeychain')}</Text>
        <Text size="sm">{data.recoverySlot ? t('settings.protection.recoverySet') : t('settings.protection.recoveryMissing')}</Text>
        {problem && <Alert color="red">{problem}</Alert>}
        <Group>
          <Button variant="light" loading={busy} disabled={data.encryption !== 'encrypted'} onClick={create} data-testid="create-recovery-key">
            {data.recoverySlot ? t('settings.protection.replaceRecoveryKey') : t('settings.protection.createRecoveryKey')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={shown !== null}
        onClose={() => stored && close()}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        title={t('settings.protection.recoveryKeyTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('settings.protection.recoveryKeyExplain')}</Text>
          <Code block data-testid="recovery-key" fz="lg">
            {shown}
          </Code>
          <Checkbox
            label={t('settings.protection.stored')}
            checked={stored}
            onChange={(event) => setStored(event.currentTarget.checked)}
            data-testid="recovery-key-stored"
          />
          <Group justify="flex-end">
            <Button disabled={!stored} onClick={close} data-testid="recovery-key-done">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
