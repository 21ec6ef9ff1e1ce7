/** Sign-in and the lock screen: a login and password, checked by the main process only. */
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '@shared/identity/session-inputs';
import type { Viewer } from '@shared/identity/viewer';
import { call } from '../api/client';
import { useApiQuery } from '../api/queries';
import { CurrentPasswordInput, SessionError, SessionForm, SessionFrame, useSubmit } from './session-frame';
import { RecoveryKeyUnlock } from './RecoveryKeyUnlock';
import { useDatabaseStatus } from './database-status';
import { ProfileUpgradeNotice } from './ProfileUpgradeNotice';

export function SignInScreen({ session, onDone }: { readonly session: SessionState; readonly onDone: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(onDone);
  // P-7.2: while the database is locked, the recovery key can open it (a lost keychain, forgotten passwords).
  const info = useApiQuery('app.info', {});
  const [recovering, setRecovering] = useState(false);
  const [recovered, setRecovered] = useState(false);
  const locked = info.data?.database.state === 'locked' && !recovered;
  // P-7.2: a profile moved to AEGIS once the sign-in opens its key shows the steps here; a failed
  // upgrade at start says the profile opened as it was.
  const upgrade = useDatabaseStatus()?.upgrade;
  if (recovering) {
    const opened = (state: SessionState) => {
      setRecovering(false);
      setRecovered(true);
      onDone(state);
    };
    return <RecoveryKeyUnlock onCancel={() => setRecovering(false)} onDone={opened} />;
  }
  return (
    <SessionFrame title={t('session.signInTitle')} subtitle={session.organisation}>
      <SessionForm onSubmit={submit(() => call('session.signIn', { login, password }))} data-testid="sign-in-form">
        {session.awaitingDirectory ? <Alert color="blue">{t('session.awaitingDirectory')}</Alert> : null}
        {upgrade ? <ProfileUpgradeNotice upgrade={upgrade} headingOrder={2} /> : null}
        {recovered ? (
          <Alert color="teal" data-testid="recovery-opened">
            {t('session.recoveryOpened')}
          </Alert>
        ) : null}
        <TextInput
          label={t('session.login')}
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          autoComplete="username"
          required
          autoFocus
          data-testid="sign-in-login"
        />
        <CurrentPasswordInput value={password} onChange={setPassword} data-testid="sign-in-password" />
        <SessionError error={error} data-testid="sign-in-error" />
        <Button type="submit" loading={busy} data-testid="sign-in-submit">
          {t('session.signIn')}
        </Button>
        {locked ? (
          <Button variant="subtle" onClick={() => setRecovering(true)} data-testid="recovery-open">
            {t('session.recoveryOffer')}
          </Button>
        ) : null}
      </SessionForm>
    </SessionFrame>
  );
}

export function LockScreen({
  session,
  viewer,
  onDone,
}: {
  readonly session: SessionState;
  readonly viewer: Viewer;
  readonly onDone: (state: SessionState) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(onDone);
  return (
    <SessionFrame title={t('session.lockedTitle')} subtitle={t('session.lockedFor', { name: viewer.name, organisation: session.organisation })}>
      <SessionForm onSubmit={submit(() => call('session.unlock', { password }))} data-testid="lock-screen">
        <CurrentPasswordInput value={password} onChange={setPassword} autoFocus data-testid="unlock-password" />
        <SessionError error={error} data-testid="unlock-error" />
        <Group justify="space-between">
          {/* Switching user on a shared PC: the next person signs in. */}
          <Button variant="subtle" onClick={() => submit(() => call('session.signOut', {}))()} data-testid="lock-sign-out">
            {t('session.switchUser')}
          </Button>
          <Button type="submit" loading={busy} data-testid="unlock-submit">
            {t('session.unlock')}
          </Button>
        </Group>
      </SessionForm>
    </SessionFrame>
  );
}
