/**
 * P-7.1: a restricted case (e.g. a complaint about a member of staff) is seen only by the people
 * named on it. A manager restricts it to named people, changes who, or lifts it, always with a
 * reason the timeline records. The main process decides:
 * the control is only offered to those the permission table lets call `cases.restrict`.
 */
import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '@shared/domain/records';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { useCan } from '../../session/SessionContext';
import { useSettings } from '../../settings/SettingsContext';

/** What the control reads of a case. */
type RestrictableCase = Pick<CaseRecord, 'id' | 'restricted' | 'restrictedTo'>;

type Mode = 'restrict' | 'lift';

export function RestrictionControl({ record, onChanged }: { readonly record: RestrictableCase; readonly onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const may = useCan()('cases.restrict');
  const [mode, setMode] = useState<Mode | null>(null);
  if (!may) return null;
  return (
    <>
      {/* Issue 18: never squeezed by a long summary beside it, so its label is never cut ("Ierobežot…"). */}
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }} data-testid="restriction-control">
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconLock size={14} aria-hidden />}
          onClick={() => setMode('restrict')}
          data-testid="restrict-open"
        >
          {record.restricted ? t('workspace.restriction.change') : t('workspace.restriction.restrict')}
        </Button>
        {record.restricted && (
          <Button size="xs" variant="subtle" onClick={() => setMode('lift')} data-testid="restriction-lift-open">
            {t('workspace.restriction.lift')}
          </Button>
        )}
      </Group>
      <Modal
        opened={mode !== null}
        onClose={() => setMode(null)}
        title={mode === 'lift' ? t('workspace.restriction.liftTitle') : t('workspace.restriction.title')}
      >
        {mode && (
          <RestrictionForm
            mode={mode}
            record={record}
            onCancel={() => setMode(null)}
            onDone={(next) => {
              notifications.show({ color: 'teal', message: mode === 'lift' ? t('workspace.restriction.lifted') : t('workspace.restriction.saved') });
              setMode(null);
              onChanged(next);
            }}
          />
        )}
      </Modal>
    </>
  );
}

interface FormProps {
  readonly mode: Mode;
  readonly record: RestrictableCase;
  readonly onDone: (detail: CaseDetail) => void;
  readonly onCancel: () => void;
}

function RestrictionForm({ mode, record, onDone, onCancel }: FormProps) {
  const { t } = useTranslation();
  const errors = useErrors();
  const { settings, me } = useSettings();
  const [people, setPeople] = useState<string[]>(record.restrictedTo.filter((id) => id !== me));
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Active colleagues, and anyone already named (so a deactivated name can be taken off).
  const choices = settings.staff
    .filter((member) => member.id !== me && (member.active || record.restrictedTo.includes(member.id)))
    .map((member) => ({ value: member.id, label: member.name }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    setFieldErrors({});
    if (reason.trim() === '') {
      setFieldErrors({ reason: t('common.required') });
      return;
    }
    setBusy(true);
    try {
      onDone(await call('cases.restrict', { caseId: record.id, restrictedTo: mode === 'lift' ? null : people, reason: reason.trim() }));
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      setFieldErrors(fields);
      setGeneral(message ?? (Object.keys(fields).length > 0 ? t('common.fixErrors') : null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="restriction-form">
      <Stack gap="sm">
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Text size="sm">{mode === 'lift' ? t('workspace.restriction.liftExplanation') : t('workspace.restriction.explanation')}</Text>
        {mode === 'restrict' && (
          <MultiSelect
            label={t('workspace.restriction.people')}
            data={choices}
            value={people}
            onChange={setPeople}
            searchable
            error={fieldErrors['restrictedTo'] ?? Object.entries(fieldErrors).find(([path]) => path.startsWith('restrictedTo.'))?.[1]}
            data-testid="restriction-people"
          />
        )}
        <Textarea
          label={t('workspace.restriction.reason')}
          description={t('workspace.restriction.reasonHint')}
          required
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldErrors['reason']}
          data-testid="restriction-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('workspace.restriction.cancel')}
          </Button>
          <Button type="submit" color="red" loading={busy} data-testid="restriction-submit">
            {mode === 'lift' ? t('workspace.restriction.saveLift') : t('workspace.restriction.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
