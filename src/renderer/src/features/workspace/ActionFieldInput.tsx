/** One field of a workflow action's form, entered the way its form hint says (action-inputs.ts). */
import { Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, Redress } from '@shared/domain/records';
import { COMMUNICATION_CHANNELS, OUTCOMES, REDRESS_KINDS, THIRD_PARTY_KINDS, type RedressKind } from '@shared/domain/vocabulary';
import { useFormatters } from '../../common/format';
import { OfficeDateTimeInput } from '../../components/OfficeDateTimeInput';
import { enGB } from '../../i18n/locales/en-GB';
import { useSettings } from '../../settings/SettingsContext';
import type { ActionField, ActionValues } from './action-form-model';
import { useOfficeTime, type OfficeTime } from './useOfficeTime';
import { useRootCauseLabels } from '../improvements/root-cause-labels';

type FieldLabel = `fields.${keyof typeof enGB.fields}`;

function isFieldLabel(key: string): key is FieldLabel {
  return key.startsWith('fields.') && key.slice('fields.'.length) in enGB.fields;
}

function labelOf(t: TFunction, field: Pick<ActionField, 'label' | 'required'>): string {
  const text = isFieldLabel(field.label) ? t(field.label) : field.label;
  return field.required ? text : `${text} (${t('common.optional')})`;
}

/** A datetime-local input over an ISO instant: shown in office time, kept as an instant. */
function instantInput(office: OfficeTime, value: unknown): string {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? (typeof value === 'string' ? value : '') : office.toInput(new Date(time));
}

interface Props {
  readonly field: ActionField;
  readonly form: UseFormReturnType<ActionValues>;
  readonly record: CaseRecord;
}

export function ActionFieldInput({ field, form, record }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { settings } = useSettings();
  const office = useOfficeTime();
  const causes = useRootCauseLabels();
  const input = form.getInputProps(field.path);
  const common = { label: labelOf(t, field), required: field.required, 'data-field': field.path, error: input.error as string | undefined };
  const set = (value: unknown) => form.setFieldValue(field.path, value);
  const select = (data: { value: string; label: string }[], searchable = false) => (
    <Select
      data={data}
      searchable={searchable}
      allowDeselect={false}
      value={typeof input.value === 'string' ? input.value : null}
      onChange={(value) => set(value ?? undefined)}
      {...common}
    />
  );
  switch (field.widget) {
    case 'datetime':
      return (
        <OfficeDateTimeInput
          value={instantInput(office, input.value)}
          onChange={(value) => set(office.fromInput(value) ?? (value || (field.required ? '' : null)))}
          description={office.note}
          {...common}
        />
      );
    case 'channel':
      return select(COMMUNICATION_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) })));
    case 'outcome':
      return select(OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) })));
    case 'partyKind':
      return select(THIRD_PARTY_KINDS.map((value) => ({ value, label: t(`thirdPartyKinds.${value}`) })));
    case 'department':
      return select(
        [...new Set([...settings.departments, ...record.departments])].map((value) => ({ value, label: value })),
        true,
      );
    case 'approver':
      return select(
        settings.staff.filter((member) => member.active && member.roles.includes('manager')).map((member) => ({ value: member.id, label: member.name })),
        true,
      );
    case 'rootCause':
      // P-5.3: causes in use, by category; a retired cause the case already has stays choosable.
      return (
        <Select
          data={causes.options(record.rootCauseId ? [record.rootCauseId] : [])}
          searchable
          allowDeselect={false}
          value={typeof input.value === 'string' ? input.value : null}
          onChange={(value) => set(value ?? undefined)}
          {...common}
        />
      );
    case 'inquiry':
      return select(
        record.openInquiries.map((inquiry) => ({ value: inquiry.id, label: `${inquiry.partyName} (${t(`thirdPartyKinds.${inquiry.partyKind}`)})` })),
      );
    case 'extension':
      return select(
        record.extensions
          .filter((extension) => extension.customerNotice === null)
          .map((extension) => ({ value: extension.id, label: `${format.dateTime(extension.newDueAt)}: ${extension.reason}` })),
      );
    case 'text':
      return <TextInput value={typeof input.value === 'string' ? input.value : ''} onChange={(event) => set(event.currentTarget.value)} {...common} />;
    case 'textarea':
      return (
        <Textarea
          autosize
          minRows={2}
          maxRows={8}
          value={typeof input.value === 'string' ? input.value : ''}
          onChange={(event) => set(event.currentTarget.value)}
          {...common}
        />
      );
    case 'redress':
      return <RedressEditor rows={Array.isArray(input.value) ? (input.value as Redress[]) : []} form={form} onChange={set} />;
    case 'customerNotice':
      return <CustomerNoticeInput field={field} form={form} record={record} />;
    case 'confirm':
      // Offered only once the main process asked for it, with its reason as the error text.
      return input.error || input.value === true ? (
        <Checkbox
          checked={input.value === true}
          onChange={(event) => set(event.currentTarget.checked)}
          label={labelOf(t, { ...field, required: true })}
          error={common.error}
          data-field={field.path}
        />
      ) : null;
    case 'hidden':
      return null;
  }
}

function CustomerNoticeInput({ field, form, record }: Props) {
  const { t } = useTranslation();
  const office = useOfficeTime();
  const notice = form.getInputProps(field.path).value as { at: string; channel: string } | null;
  const toggle = (told: boolean) =>
    form.setFieldValue(field.path, told ? { at: new Date().toISOString(), channel: record.complainant.preferredChannel } : null);
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('fields.customerTold')}
        checked={notice !== null}
        onChange={(event) => toggle(event.currentTarget.checked)}
        data-field="customerTold"
      />
      {notice !== null && (
        <Group grow>
          <OfficeDateTimeInput
            label={t('fields.customerToldAt')}
            value={instantInput(office, notice.at)}
            description={office.note}
            onChange={(value) => form.setFieldValue(`${field.path}.at`, office.fromInput(value) ?? value)}
            error={form.getInputProps(`${field.path}.at`).error as string | undefined}
          />
          <Select
            label={t('fields.customerToldBy')}
            data={COMMUNICATION_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
            allowDeselect={false}
            value={notice.channel}
            onChange={(value) => value && form.setFieldValue(`${field.path}.channel`, value)}
          />
        </Group>
      )}
    </Stack>
  );
}

function isRedressKind(value: string | null): value is RedressKind {
  return value !== null && (REDRESS_KINDS as readonly string[]).includes(value);
}

/** Redress rows; a refund's amount is entered in pounds and kept in pence (amountMinor). */
function RedressEditor({
  rows,
  form,
  onChange,
}: {
  readonly rows: readonly Redress[];
  readonly form: UseFormReturnType<ActionValues>;
  readonly onChange: (rows: Redress[]) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Redress>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const error = (path: string) => form.errors[path] as string | undefined;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('fields.redress')}
      </Text>
      {rows.map((row, index) => (
        <Paper key={index} withBorder p="xs">
          <Group align="flex-end" wrap="wrap">
            <Select
              w={160}
              label={t('fields.redressKind')}
              data={REDRESS_KINDS.map((value) => ({ value, label: t(`redressKinds.${value}`) }))}
              value={row.kind}
              allowDeselect={false}
              onChange={(value) =>
                isRedressKind(value) &&
                update(index, {
                  kind: value,
                  currency: value === 'refund' ? (row.currency ?? 'GBP') : null,
                  amountMinor: value === 'refund' ? row.amountMinor : null,
                })
              }
            />
            {row.kind === 'refund' && (
              <NumberInput
                w={140}
                label={t('fields.amount')}
                min={0}
                decimalScale={2}
                value={row.amountMinor === null ? '' : row.amountMinor / 100}
                onChange={(value) => update(index, { amountMinor: value === '' ? null : Math.round(Number(value) * 100) })}
                error={error(`redress.${index}.amountMinor`)}
              />
            )}
            <TextInput
              style={{ flex: 1 }}
              label={t('fields.redressDescription')}
              value={row.description}
              onChange={(event) => update(index, { description: event.currentTarget.value })}
              error={error(`redress.${index}.description`)}
            />
            <Button variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              <IconTrash size={16} aria-hidden />
            </Button>
          </Group>
        </Paper>
      ))}
      <Button
        variant="light"
        size="xs"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => onChange([...rows, { kind: 'apology', amountMinor: null, currency: null, description: '' }])}
        w="fit-content"
      >
        {t('fields.addRedress')}
      </Button>
    </Stack>
  );
}
