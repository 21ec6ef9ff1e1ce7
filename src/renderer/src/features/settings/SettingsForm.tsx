/**
 * The frame of a settings form saved through `useSettingsForm`: what went wrong that belongs to no
 * field above the fields, and Save below them, so every settings form reads and saves the same way.
 */
import { Alert, Stack } from '@mantine/core';
import { SubmitRow } from '../../components/SubmitRow';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function SettingsForm({
  submit,
  general,
  busy,
  submitLabel,
  'data-testid': testId,
  children,
}: {
  readonly submit: (event?: FormEvent<HTMLFormElement>) => void;
  readonly general: string | null;
  readonly busy: boolean;
  /** The button's words; "Save" unless the form adds something. */
  readonly submitLabel?: string;
  readonly 'data-testid'?: string;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="sm">
        {general && <Alert color="red">{general}</Alert>}
        {children}
        <SubmitRow label={submitLabel ?? t('common.save')} busy={busy} />
      </Stack>
    </form>
  );
}
