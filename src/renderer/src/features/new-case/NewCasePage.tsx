/**
 * A new complaint from any channel (P-3.1). Hints at open cases of the same complainant while
 * typing; a letter whose time of receipt is unknown starts its clock at office opening (P-3.2).
 */
import { Alert, Anchor, Checkbox, List, MultiSelect, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { SubmitRow } from '../../components/SubmitRow';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { INTAKE_CHANNELS, type IntakeChannel } from '@shared/domain/vocabulary';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import { OfficeDateTimeInput } from '../../components/OfficeDateTimeInput';
import { attachmentError, uploadsOf } from '../../common/files';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';
import { ComplainantFields, complainantErrorPath, complainantFormValues, complainantInput, type ComplainantFormValues } from '../workspace/ComplainantPanel';
import { useOfficeTime } from '../workspace/useOfficeTime';
import { suggestedPreference } from './preferred-channel';
import { ContactOffers } from '../contact-offer/ContactOffers';
import { ScanPicker, type PickedScan } from '../post-room/ScanPicker';

interface ComplaintValues {
  channel: IntakeChannel;
  receivedAt: string;
  dateOnly: boolean;
  receivedOn: string;
  type: string;
  product: string;
  summary: string;
  description: string;
  desiredOutcome: string;
  assigneeId: string | null;
  departments: string[];
}

const INITIAL_CHANNEL: IntakeChannel = 'telephone';

export function NewCasePage() {
  const { t } = useTranslation();
  const errors = useErrors();
  const [, navigate] = useLocation();
  const { settings, typeLabel, me } = useSettings();
  const office = useOfficeTime();
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Issue 18: the preferred channel follows the intake channel and the details given until the person chooses one.
  const preferenceChosen = useRef(false);
  const complainant = useForm<ComplainantFormValues>({
    mode: 'controlled',
    initialValues: { ...complainantFormValues(null), preferredChannel: suggestedPreference(INITIAL_CHANNEL, { email: '', phone: '', hasAddress: false }) },
    enhanceGetInputProps: ({ field, form }) =>
      field === 'preferredChannel'
        ? {
            onChange: (value: ComplainantFormValues['preferredChannel'] | null) => {
              if (value === null) return;
              preferenceChosen.current = true;
              form.setFieldValue('preferredChannel', value);
            },
          }
        : undefined,
  });
  const [files, setFiles] = useState<PickedScan[]>([]);
  const complaint = useForm<ComplaintValues>({
    mode: 'controlled',
    initialValues: {
      channel: INITIAL_CHANNEL,
      receivedAt: office.toInput(new Date()),
      dateOnly: false,
      receivedOn: office.toInput(new Date()).slice(0, 10),
      type: settings.complaintTypes.find((type) => !type.retired)?.id ?? '',
      product: '',
      summary: '',
      description: '',
      desiredOutcome: '',
      assigneeId: me,
      departments: [],
    },
  });

  const person = complainant.getValues();
  const suggestion = suggestedPreference(complaint.getValues().channel, {
    email: person.email,
    phone: person.phone,
    hasAddress: person.addressLines.trim() !== '',
  });
  useEffect(() => {
    if (!preferenceChosen.current && complainant.getValues().preferredChannel !== suggestion) complainant.setFieldValue('preferredChannel', suggestion);
  }, [suggestion, complainant]);
  const [probe] = useDebouncedValue(
    JSON.stringify({ name: person.name.trim(), email: person.email.trim(), phone: person.phone.trim(), postcode: person.postcode.trim() }),
    300,
  );
  const lookFor = JSON.parse(probe) as { name: string; email: string; phone: string; postcode: string };
  const worthLooking = lookFor.name.length >= 3 || lookFor.email !== '' || lookFor.phone.length >= 6;
  const duplicates = useApiQuery('cases.findDuplicates', lookFor, { enabled: worthLooking, placeholderData: keepPreviousData });

  const submit = async () => {
    const values = complaint.getValues();
    setBusy(true);
    setGeneral(null);
    complainant.clearErrors();
    complaint.clearErrors();
    try {
      const input = {
        complainant: complainantInput(complainant.getValues()),
        channel: values.channel,
        ...(values.dateOnly ? { receivedOn: values.receivedOn } : { receivedAt: office.fromInput(values.receivedAt) ?? values.receivedAt }),
        type: values.type,
        product: values.product,
        summary: values.summary,
        description: values.description,
        desiredOutcome: values.desiredOutcome,
        assigneeId: values.assigneeId,
        departments: values.departments,
        // Issue 18: photos or PDFs the complaint came with (web form, e-mail typed in), checked and stored with the case.
        attachments: await uploadsOf(files),
      };
      const created = await call('cases.create', input);
      notifications.show({ color: 'teal', message: t('newCase.created', { reference: created.reference }) });
      navigate(`/case/${created.caseId}`);
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      const personErrors: Record<string, string> = {};
      const caseErrors: Record<string, string> = {};
      for (const [path, text] of Object.entries(fields)) {
        if (path.startsWith('complainant.')) personErrors[complainantErrorPath(path.slice('complainant.'.length))] = text;
        else caseErrors[path] = text;
      }
      complainant.setErrors(personErrors);
      complaint.setErrors(caseErrors);
      setGeneral(message ?? t('common.fixErrors'));
    } finally {
      setBusy(false);
    }
  };

  const matches = worthLooking ? (duplicates.data ?? []) : [];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="page-new-case"
    >
      <Stack gap="md" maw={1000}>
        <Title order={1} size="h2">
          {t('newCase.title')}
        </Title>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('newCase.complainantSection')}
          </Title>
          <ComplainantFields form={complainant} autoFocus />
          {/* Issue 18: the complainant's new details are offered to their existing case, never written silently. */}
          <ContactOffers values={person} source="complaint" />
          {matches.length > 0 && (
            <Alert color="yellow" mt="sm" title={t('newCase.duplicateHint', { count: matches.length })} data-testid="duplicate-hint">
              <List size="sm">
                {matches.map((match) => (
                  <List.Item key={match.id}>
                    <Anchor component={Link} href={`/case/${match.id}`}>
                      {match.reference}
                    </Anchor>{' '}
                    · {match.complainantName} · {t(`statuses.${match.status}`)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            {t('newCase.complaintSection')}
          </Title>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('fields.channel')}
                required
                data={INTAKE_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
                allowDeselect={false}
                {...complaint.getInputProps('channel')}
                data-field="channel"
              />
              {complaint.getValues().dateOnly ? (
                <OfficeDateInput label={t('newCase.receivedOn')} required {...complaint.getInputProps('receivedOn')} data-field="receivedOn" />
              ) : (
                <OfficeDateTimeInput
                  label={t('fields.receivedAt')}
                  description={office.note}
                  required
                  {...complaint.getInputProps('receivedAt')}
                  data-field="receivedAt"
                />
              )}
              <Select
                label={t('fields.type')}
                required
                data={settings.complaintTypes.filter((type) => !type.retired).map((type) => ({ value: type.id, label: typeLabel(type.id) }))}
                allowDeselect={false}
                {...complaint.getInputProps('type')}
                data-field="type"
              />
            </SimpleGrid>
            <Checkbox label={t('newCase.dateOnly')} {...complaint.getInputProps('dateOnly', { type: 'checkbox' })} />
            <TextInput label={t('fields.product')} {...complaint.getInputProps('product')} />
            <TextInput label={t('fields.summary')} required {...complaint.getInputProps('summary')} data-field="summary" />
            <Textarea label={t('fields.description')} autosize minRows={3} {...complaint.getInputProps('description')} />
            <Textarea label={t('fields.desiredOutcome')} autosize minRows={1} {...complaint.getInputProps('desiredOutcome')} />
            <ScanPicker name="attachments" scans={files} onChange={setFiles} error={attachmentError(complaint.errors)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('newCase.assignee')}
                placeholder={t('common.unassigned')}
                clearable
                data={settings.staff.filter((member) => member.active).map((member) => ({ value: member.id, label: member.name }))}
                {...complaint.getInputProps('assigneeId')}
              />
              <MultiSelect label={t('fields.departments')} data={[...settings.departments]} searchable {...complaint.getInputProps('departments')} />
            </SimpleGrid>
          </Stack>
        </Paper>
        <SubmitRow label={t('newCase.create')} busy={busy} data-testid="create-case" />
      </Stack>
    </form>
  );
}
