/**
 * P-7.2: the start screen's "Unlock with the recovery key", offered while the database is locked
 * (this device's keychain no longer opens it). The key is checked in the main process only; a
 * right one opens the database (and re-wraps its key for this device), then the person signs in.
 */
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '@shared/identity/session-inputs';
import { call } from '../api/client';
import { useDatabaseStatus } from './database-status';
import { ProfileUpgradeNotice } from './ProfileUpgradeNotice';
import { SessionError, SessionForm, SessionFrame, useSubmit } from './session-frame';

export function RecoveryKeyUnlock({ onCancel, onDone }: { readonly onCancel: () => void; readonly onDone: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const { error, busy, submit } = useSubmit(onDone);
  // A profile moved to AEGIS once the recovery key opens it shows the steps here (P-7.2).
  const upgrade = useDatabaseStatus()?.upgrade;
  return (
    <SessionFrame title={t('session.recoveryTitle')}>
      <SessionForm onSubmit={submit(() => call('session.unlockWithRecoveryKey', { recoveryKey }))} data-testid="recovery-form">
        <Text size="sm">{t('session.recoveryIntro')}</Text>
        {upgrade ? <ProfileUpgradeNotice upgrade={upgrade} headingOrder={2} /> : null}
        <TextInput
          label={t('session.recoveryKey')}
          description={t('session.recoveryKeyHint')}
          value={recoveryKey}
          onChange={(event) => setRecoveryKey(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          required
          autoFocus
          data-testid="recovery-key"
        />
        <SessionError error={error} data-testid="recovery-error" />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onCancel} data-testid="recovery-cancel">
            {t('session.recoveryBack')}
          </Button>
          <Button type="submit" loading={busy} data-testid="recovery-submit">
            {t('session.recoveryUnlock')}
          </Button>
        </Group>
      </SessionForm>
    </SessionFrame>
  );
}
