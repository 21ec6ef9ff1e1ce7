/**
 * Issue 17, P-3.2, P-4.3: on a case whose acknowledgement e-mail bounced, the caseworker records
 * that the customer was told by telephone (who, when, a short note). The main process clears the
 * flag and writes the timeline entry in one write.
 */
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { OfficeDateTimeInput } from '../../components/OfficeDateTimeInput';
import { useOfficeTime } from './useOfficeTime';

export function AcknowledgementByTelephone({ caseId, onChanged }: { readonly caseId: string; readonly onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const office = useOfficeTime();
  const [open, setOpen] = useState(false);
  const [by, setBy] = useState('');
  const [at, setAt] = useState(() => office.toInput(new Date()));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <Group>
        <Button size="xs" variant="light" onClick={() => setOpen(true)} data-testid="acknowledgement-by-telephone">
          {t('workspace.acknowledgementByTelephone')}
        </Button>
      </Group>
    );
  }
  const save = async () => {
    try {
      onChanged(await call('cases.recordAcknowledgementByTelephone', { caseId, at: office.fromInput(at) ?? at, by, note }));
      setOpen(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Stack gap="xs" data-testid="acknowledgement-by-telephone-form">
      <TextInput label={t('workspace.acknowledgementByTelephoneWho')} value={by} onChange={(event) => setBy(event.currentTarget.value)} required />
      <OfficeDateTimeInput label={t('workspace.acknowledgementByTelephoneWhen')} value={at} onChange={setAt} required />
      <Textarea
        label={t('workspace.acknowledgementByTelephoneNote')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        required
        error={error}
      />
      <Group>
        <Button size="xs" onClick={() => void save()}>
          {t('workspace.acknowledgementByTelephoneSave')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
