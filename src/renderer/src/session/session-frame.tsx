/** What the session screens share: the framed card they sit in, and a submit that shows a refusal in words. */
import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
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
