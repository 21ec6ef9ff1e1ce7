/**
 * The frame of a form for one of this device's connections (sync server, team mailbox): its title
 * and intro, what went wrong that belongs to no field, the fields, and Save (issue 12: one home).
 */
import { Alert } from '@mantine/core';
import { SubmitRow } from '../../components/SubmitRow';
import { SectionCard } from '../../components/SectionCard';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ConnectionFormCard({
  title,
  intro,
  general,
  busy,
  submit,
  saveTestId,
  children,
}: {
  readonly title: string;
  readonly intro: string;
  readonly general: string | null;
  readonly busy: boolean;
  readonly submit: (event?: React.FormEvent<HTMLFormElement>) => void;
  readonly saveTestId: string;
  readonly children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={submit} noValidate>
      <SectionCard title={title} intro={intro}>
        {general && <Alert color="red">{general}</Alert>}
        {children}
        <SubmitRow label={t('common.save')} busy={busy} data-testid={saveTestId} />
      </SectionCard>
    </form>
  );
}
