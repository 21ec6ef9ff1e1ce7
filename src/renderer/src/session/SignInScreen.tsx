/** Sign-in and the lock screen: a login and password, checked by the main process only. */
import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../shared/identity/session-inputs';
import type { Viewer } from '../../../shared/identity/viewer';
import { call } from '../api/client';
import { errorText } from '../errors/error-text';

export function useSubmit(onDone: (state: SessionState) => void) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (work: () => Promise<SessionState>) => (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    void work().then(
      (state) => {
        setBusy(false);
        onDone(state);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(errorText(t, failure, i18n.language));
      },
    );
  };
  return { error, busy, submit };
}

export function SessionFrame({ title, subtitle, children }: { readonly title: string; readonly subtitle?: string; readonly children: React.ReactNode }) {
  return (
    <Center h="100dvh" p="md">
      <Paper withBorder p="xl" w={420} maw="100%" component="main">
        <Stack gap="md">
          <div>
            <Title order={1} size="h3">
              {title}
            </Title>
            {subtitle ? (
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
            ) : null}
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}

export function SignInScreen({ session, onDone }: { readonly session: SessionState; readonly onDone: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(onDone);
  return (
    <SessionFrame title={t('session.signInTitle')} subtitle={session.organisation}>
      <form onSubmit={submit(() => call('session.signIn', { login, password }))} data-testid="sign-in-form">
        <Stack gap="sm">
          {session.awaitingDirectory ? <Alert color="blue">{t('session.awaitingDirectory')}</Alert> : null}
          <TextInput label={t('session.login')} value={login} onChange={(event) => setLogin(event.currentTarget.value)} autoComplete="username" required autoFocus data-testid="sign-in-login" />
          <PasswordInput label={t('session.password')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} autoComplete="current-password" required data-testid="sign-in-password" />
          {error ? (
            <Alert color="red" role="alert" data-testid="sign-in-error">
              {error}
            </Alert>
          ) : null}
          <Button type="submit" loading={busy} data-testid="sign-in-submit">
            {t('session.signIn')}
          </Button>
        </Stack>
      </form>
    </SessionFrame>
  );
}

export function LockScreen({ session, viewer, onDone }: { readonly session: SessionState; readonly viewer: Viewer; readonly onDone: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(onDone);
  return (
    <SessionFrame title={t('session.lockedTitle')} subtitle={t('session.lockedFor', { name: viewer.name, organisation: session.organisation })}>
      <form onSubmit={submit(() => call('session.unlock', { password }))} data-testid="lock-screen">
        <Stack gap="sm">
          <PasswordInput label={t('session.password')} value={password} onChange={(event) => setPassword(event.currentTarget.value)} autoComplete="current-password" required autoFocus data-testid="unlock-password" />
          {error ? (
            <Alert color="red" role="alert" data-testid="unlock-error">
              {error}
            </Alert>
          ) : null}
          <Group justify="space-between">
            {/* Switching user on a shared PC: the next person signs in. */}
            <Button variant="subtle" onClick={() => submit(() => call('session.signOut', {}))()} data-testid="lock-sign-out">
              {t('session.switchUser')}
            </Button>
            <Button type="submit" loading={busy} data-testid="unlock-submit">
              {t('session.unlock')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SessionFrame>
  );
}
