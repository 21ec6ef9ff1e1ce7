/**
 * What the session screens share: the framed card they sit in, their forms, the refusal shown in
 * words, the current-password field, and a submit that shows a refusal in words.
 */
import { Alert, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '@shared/identity/session-inputs';
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

/** A session screen's form: its fields stacked, submitted by `onSubmit`. */
export function SessionForm({
  onSubmit,
  'data-testid': testId,
  children,
}: {
  readonly onSubmit: (event?: FormEvent) => void;
  readonly 'data-testid': string;
  readonly children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} data-testid={testId}>
      <Stack gap="sm">{children}</Stack>
    </form>
  );
}

/** Why the main process refused, announced to screen readers; nothing while there is no refusal. */
export function SessionError({ error, 'data-testid': testId }: { readonly error: string | null; readonly 'data-testid'?: string }) {
  return error ? (
    <Alert color="red" role="alert" data-testid={testId}>
      {error}
    </Alert>
  ) : null;
}

/** The person's own password, as signing in and unlocking ask for it. */
export function CurrentPasswordInput({
  value,
  onChange,
  autoFocus,
  'data-testid': testId,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
  readonly 'data-testid': string;
}) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('session.password')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autoComplete="current-password"
      required
      autoFocus={autoFocus}
      data-testid={testId}
    />
  );
}
