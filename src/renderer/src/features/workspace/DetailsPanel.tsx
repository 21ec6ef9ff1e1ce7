/** Case details, editable in place; resolution, escalation, referral, inquiries, extensions, time taken. */
import { MultiSelect, Select, SimpleGrid, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTAKE_CHANNELS, type IntakeChannel } from '@shared/domain/vocabulary';
import type { Resolution } from '@shared/domain/records';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { useFormatters } from '../../common/format';
import { EditableSection } from '../../components/EditableSection';
import { OfficeDateTimeInput } from '../../components/OfficeDateTimeInput';
import { useSettings } from '../../settings/SettingsContext';
import { useOfficeTime } from './useOfficeTime';
import { useRootCauseLabels } from '../improvements/root-cause-labels';

interface DetailValues {
  type: string;
  channel: IntakeChannel;
  receivedAt: string;
  product: string;
  summary: string;
  description: string;
  desiredOutcome: string;
  departments: string[];
  rootCauseNote: string;
  lessonsLearned: string;
}

export function DetailsPanel({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const { settings, typeLabel } = useSettings();
  const office = useOfficeTime();
  const format = useFormatters();
  const causes = useRootCauseLabels();
  const record = detail.case;
  const [editing, setEditing] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const initial = (): DetailValues => ({
    type: record.type,
    channel: record.channel,
    receivedAt: office.toInput(new Date(record.receivedAt)),
    product: record.product,
    summary: record.summary,
    description: record.description,
    desiredOutcome: record.desiredOutcome,
    departments: [...record.departments],
    rootCauseNote: record.rootCauseNote,
    lessonsLearned: record.lessonsLearned,
  });
  const form = useForm<DetailValues>({ mode: 'controlled', initialValues: initial() });
  const save = form.onSubmit(async (values) => {
    const before = initial();
    const changes: Partial<DetailValues> = {};
    const keepIfChanged = <K extends keyof DetailValues>(key: K): void => {
      if (JSON.stringify(values[key]) !== JSON.stringify(before[key])) changes[key] = values[key];
    };
    for (const key of Object.keys(values) as (keyof DetailValues)[]) keepIfChanged(key);
    if (changes.receivedAt !== undefined) changes.receivedAt = office.fromInput(changes.receivedAt) ?? changes.receivedAt;
    if (Object.keys(changes).length === 0) return setEditing(false);
    try {
      onChanged(await call('cases.updateDetails', { caseId: record.id, changes }));
      setEditing(false);
      setGeneral(null);
    } catch (error) {
      const { fields, general: message } = errors.fields(error, 'changes.');
      form.setErrors(fields);
      setGeneral(message ?? t('common.fixErrors'));
    }
  });
  const usableTypes = settings.complaintTypes.filter((type) => !type.retired || type.id === record.type);
  const row = (label: string, value: React.ReactNode) =>
    value === '' || value === null || value === undefined ? null : (
      <Table.Tr key={label}>
        <Table.Th w="35%" fw={500}>
          {label}
        </Table.Th>
        <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
      </Table.Tr>
    );
  const resolutionRows = (resolution: Resolution | null, title: string) =>
    resolution && [
      row(title, `${t(`outcomes.${resolution.outcome}`)} · ${format.dateTime(resolution.at)} · ${t(`channels.${resolution.channel}`)}`),
      row(t('fields.summary'), resolution.summary),
      row(
        t('fields.redress'),
        resolution.redress
          .map(
            (redress) =>
              `${t(`redressKinds.${redress.kind}`)}${redress.amountMinor !== null && redress.currency ? ` ${format.money(redress.amountMinor, redress.currency)}` : ''}${redress.description ? `: ${redress.description}` : ''}`,
          )
          .join('\n'),
      ),
    ];
  return (
    <EditableSection
      title={t('workspace.details')}
      data-testid="details-panel"
      editing={editing}
      onEdit={() => (form.setValues(initial()), setEditing(true))}
      editTestId="edit-details"
      onCancel={() => setEditing(false)}
      onSubmit={save}
      general={general}
      fields={
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('fields.type')}
              data={usableTypes.map((type) => ({ value: type.id, label: typeLabel(type.id) }))}
              allowDeselect={false}
              {...form.getInputProps('type')}
            />
            <Select
              label={t('fields.channel')}
              data={INTAKE_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
              allowDeselect={false}
              {...form.getInputProps('channel')}
            />
            <OfficeDateTimeInput label={t('fields.receivedAt')} description={office.note} {...form.getInputProps('receivedAt')} />
            <TextInput label={t('fields.product')} {...form.getInputProps('product')} />
          </SimpleGrid>
          <TextInput label={t('fields.summary')} required {...form.getInputProps('summary')} />
          <Textarea label={t('fields.description')} autosize minRows={3} {...form.getInputProps('description')} />
          <Textarea label={t('fields.desiredOutcome')} autosize minRows={1} {...form.getInputProps('desiredOutcome')} />
          <MultiSelect
            label={t('fields.departments')}
            data={[...new Set([...settings.departments, ...record.departments])]}
            searchable
            {...form.getInputProps('departments')}
          />
          <Textarea label={t('fields.rootCauseNote')} autosize minRows={1} {...form.getInputProps('rootCauseNote')} />
          <Textarea label={t('fields.lessonsLearned')} autosize minRows={1} {...form.getInputProps('lessonsLearned')} />
        </>
      }
    >
      <>
        <Table variant="vertical" layout="fixed" withRowBorders={false}>
          <Table.Tbody>
            {row(t('fields.type'), typeLabel(record.type))}
            {row(t('fields.channel'), t(`channels.${record.channel}`))}
            {row(t('fields.receivedAt'), format.dateTime(record.receivedAt))}
            {row(t('fields.product'), record.product)}
            {row(t('fields.description'), record.description)}
            {row(t('fields.desiredOutcome'), record.desiredOutcome)}
            {row(t('fields.departments'), record.departments.join(', '))}
            {row(t('fields.thirdParties'), record.thirdParties.join(', '))}
            {row(
              t('workspace.openInquiries'),
              record.openInquiries.map((inquiry) => `${inquiry.partyName}${inquiry.dueAt ? ` (${format.dateTime(inquiry.dueAt)})` : ''}`).join('\n'),
            )}
            {row(
              t('workspace.extensions'),
              record.extensions
                .map(
                  (extension) =>
                    `${format.dateTime(extension.newDueAt)}: ${extension.reason}${extension.customerNotice ? '' : ` (${t('workspace.noticeMissing')})`}`,
                )
                .join('\n'),
            )}
            {resolutionRows(record.resolution, t('workspace.resolution'))}
            {record.escalation &&
              row(
                t('workspace.escalation'),
                `${format.dateTime(record.escalation.requestedAt)}: ${record.escalation.reason}${record.escalation.departmentHead ? `\n${record.escalation.departmentHead.name}, ${record.escalation.departmentHead.department}` : ''}`,
              )}
            {resolutionRows(record.stage2Resolution, t('workspace.stage2Resolution'))}
            {record.externalReferral &&
              row(
                t('workspace.externalReferral'),
                [
                  record.externalReferral.signpostedTo,
                  record.externalReferral.referredTo && `→ ${record.externalReferral.referredTo}`,
                  record.externalReferral.outcome,
                ]
                  .filter(Boolean)
                  .join('\n'),
              )}
            {/* P-5.3: the structured cause (a retired one stays readable, marked), the note beside it. */}
            {row(t('fields.rootCauseId'), record.rootCauseId ? causes.label(record.rootCauseId) : '')}
            {row(t('fields.rootCauseNote'), record.rootCauseNote)}
            {row(t('fields.lessonsLearned'), record.lessonsLearned)}
            {row(
              t('workspace.timeTaken'),
              [
                detail.timeTaken.acknowledgement &&
                  `${t('workspace.acknowledgementTaken')}: ${t('workspace.timeTakenValue', { hours: detail.timeTaken.acknowledgement.hours, days: detail.timeTaken.acknowledgement.workingDays })}`,
                detail.timeTaken.resolution &&
                  `${t('workspace.resolutionTaken')}: ${t('workspace.timeTakenValue', { hours: detail.timeTaken.resolution.hours, days: detail.timeTaken.resolution.workingDays })}`,
              ]
                .filter(Boolean)
                .join('\n'),
            )}
          </Table.Tbody>
        </Table>
        {record.status === 'closed' && (
          <Text size="xs" c="dimmed" mt="xs">
            {format.dateTime(record.closedAt ?? record.updatedAt)}
          </Text>
        )}
      </>
    </EditableSection>
  );
}
