/** First start: set up a new team (the organisation, then the first administrator), or join one (its sync server, then sign in). */
import { Button, PasswordInput, SegmentedControl, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '@shared/identity/session-inputs';
import { call } from '../api/client';
import { SessionError, SessionForm, SessionFrame, useSubmit } from './session-frame';

export function FirstStartScreen({ session, onDone }: { readonly session: SessionState; readonly onDone: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState<'new' | 'join'>('new');
  const [values, setValues] = useState({
    organisation: session.organisation,
    name: '',
    login: '',
    password: '',
    repeat: '',
    serverUrl: '',
    database: '',
    username: '',
    serverPassword: '',
  });
  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: event.currentTarget.value }),
  });
  const { error, busy, submit } = useSubmit(onDone);
  const mismatch = values.repeat !== '' && values.repeat !== values.password;
  return (
    <SessionFrame title={t('session.firstStartTitle')}>
      <SegmentedControl
        value={path}
        onChange={(value) => setPath(value === 'join' ? 'join' : 'new')}
        data={[
          { value: 'new', label: t('session.newTeam') },
          { value: 'join', label: t('session.joinTeam') },
        ]}
        data-testid="first-start-path"
      />
      {path === 'new' ? (
        <SessionForm
          data-testid="set-up-team"
          onSubmit={submit(() => {
            return call('session.setUpTeam', {
              organisation: { name: values.organisation },
              administrator: { name: values.name, login: values.login, password: values.password },
            });
          })}
        >
          <TextInput label={t('session.organisation')} required {...field('organisation')} data-testid="setup-organisation" />
          <TextInput label={t('session.yourName')} required {...field('name')} data-testid="setup-name" />
          <TextInput label={t('session.login')} required autoComplete="username" {...field('login')} data-testid="setup-login" />
          <PasswordInput
            label={t('session.newPassword')}
            description={t('session.passwordRule')}
            required
            autoComplete="new-password"
            {...field('password')}
            data-testid="setup-password"
          />
          <PasswordInput
            label={t('session.repeatPassword')}
            required
            autoComplete="new-password"
            error={mismatch ? t('session.passwordsDiffer') : undefined}
            {...field('repeat')}
            data-testid="setup-repeat"
          />
          <SessionError error={error} />
          <Button type="submit" loading={busy} disabled={mismatch} data-testid="setup-submit">
            {t('session.createTeam')}
          </Button>
        </SessionForm>
      ) : (
        <SessionForm
          data-testid="join-team"
          onSubmit={submit(() =>
            call('session.joinTeam', {
              enabled: true,
              serverUrl: values.serverUrl,
              database: values.database,
              username: values.username,
              password: values.serverPassword,
            }),
          )}
        >
          <TextInput label={t('session.serverUrl')} required placeholder="https://couch.example.org" {...field('serverUrl')} />
          <TextInput label={t('session.database')} required {...field('database')} />
          <TextInput label={t('session.serverUser')} autoComplete="username" {...field('username')} />
          <PasswordInput label={t('session.serverPassword')} autoComplete="current-password" {...field('serverPassword')} />
          <SessionError error={error} />
          <Button type="submit" loading={busy}>
            {t('session.join')}
          </Button>
        </SessionForm>
      )}
    </SessionFrame>
  );
}
