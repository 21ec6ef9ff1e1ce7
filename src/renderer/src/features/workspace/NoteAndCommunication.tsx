/** Adding a note or logging a communication in or out, from the workspace, each with files if any (issue 18). */
import { Alert, Group, Paper, SegmentedControl, Select, Stack, Tabs, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMUNICATION_CHANNELS, type CommunicationChannel, type Direction } from '@shared/domain/vocabulary';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { attachmentError, uploadsOf } from '../../common/files';
import { OfficeDateTimeInput } from '../../components/OfficeDateTimeInput';
import { SubmitRow } from '../../components/SubmitRow';
import { useErrors } from '../../errors/useErrors';
import { ScanPicker, type PickedScan } from '../post-room/ScanPicker';
import { useOfficeTime } from './useOfficeTime';

/** The form's values carry the API's own vocabularies: the inputs offer only their members. */
interface CommunicationValues {
  at: string;
  direction: Direction;
  channel: CommunicationChannel;
  summary: string;
}

export function NoteAndCommunication({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const [general, setGeneral] = useState<string | null>(null);
  const [noteFiles, setNoteFiles] = useState<PickedScan[]>([]);
  const [communicationFiles, setCommunicationFiles] = useState<PickedScan[]>([]);
  const [fileErrors, setFileErrors] = useState<{ note?: string | undefined; communication?: string | undefined }>({});
  const note = useForm({ mode: 'controlled', initialValues: { text: '' } });
  const preferred = detail.case.complainant.preferredChannel;
  const office = useOfficeTime();
  const communication = useForm<CommunicationValues>({
    mode: 'controlled',
    initialValues: {
      at: office.toInput(new Date()),
      direction: 'in',
      channel: preferred === 'telephone' ? 'telephone' : preferred === 'letter' ? 'letter' : 'email',
      summary: '',
    },
  });

  /** An entry added clears what went wrong before; one refused shows why, at its fields and files. */
  const added = () => {
    setFileErrors({});
    setGeneral(null);
  };
  const refused = (entry: 'note' | 'communication', error: unknown, setErrors: (fields: Record<string, string>) => void) => {
    const { fields, general: message } = errors.fields(error);
    setErrors(fields);
    const fileError = attachmentError(fields);
    setFileErrors(entry === 'note' ? { note: fileError } : { communication: fileError });
    setGeneral(message);
  };

  const saveNote = note.onSubmit(async (values) => {
    try {
      onChanged(await call('cases.addNote', { caseId: detail.case.id, text: values.text, attachments: await uploadsOf(noteFiles) }));
      note.reset();
      setNoteFiles([]);
      added();
    } catch (error) {
      refused('note', error, note.setErrors);
    }
  });
  const saveCommunication = communication.onSubmit(async (values) => {
    try {
      const attachments = await uploadsOf(communicationFiles);
      onChanged(
        await call('cases.addCommunication', {
          caseId: detail.case.id,
          at: office.fromInput(values.at) ?? values.at,
          direction: values.direction,
          channel: values.channel,
          summary: values.summary,
          attachments,
        }),
      );
      communication.setValues({ summary: '', at: office.toInput(new Date()) });
      setCommunicationFiles([]);
      added();
    } catch (error) {
      refused('communication', error, communication.setErrors);
    }
  });

  return (
    <Paper withBorder p="md">
      {general && (
        <Alert color="red" mb="xs">
          {general}
        </Alert>
      )}
      <Tabs defaultValue="note" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="note">{t('workspace.addNote')}</Tabs.Tab>
          <Tabs.Tab value="communication">{t('workspace.logCommunication')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="note" pt="sm">
          <form onSubmit={saveNote} noValidate>
            <Stack gap="xs">
              <Textarea label={t('fields.noteText')} autosize minRows={2} {...note.getInputProps('text')} data-testid="note-text" />
              <ScanPicker name="attachments" scans={noteFiles} onChange={setNoteFiles} error={fileErrors.note} />
              <SubmitRow label={t('common.add')} size="xs" data-testid="note-save" />
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="communication" pt="sm">
          <form onSubmit={saveCommunication} noValidate>
            <Stack gap="xs">
              <Group grow align="flex-end">
                <SegmentedControl
                  aria-label={t('fields.direction')}
                  data={[
                    { value: 'in', label: t('directions.in') },
                    { value: 'out', label: t('directions.out') },
                  ]}
                  {...communication.getInputProps('direction')}
                />
                <Select
                  label={t('fields.communicationChannel')}
                  data={COMMUNICATION_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
                  allowDeselect={false}
                  {...communication.getInputProps('channel')}
                />
                <OfficeDateTimeInput label={t('fields.at')} description={office.note} {...communication.getInputProps('at')} />
              </Group>
              <Textarea label={t('fields.communicationSummary')} autosize minRows={2} {...communication.getInputProps('summary')} />
              {/* Only the tab on screen holds a picker, so the ids of the two never meet. */}
              <ScanPicker name="attachments" scans={communicationFiles} onChange={setCommunicationFiles} error={fileErrors.communication} />
              <SubmitRow label={t('common.add')} size="xs" />
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
