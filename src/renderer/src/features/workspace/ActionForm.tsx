/** One workflow action as a focused form: fields from ACTION_FIELDS, errors at the right field. */
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '../../../../shared/domain/case-workflow';
import type { CaseRecord } from '../../../../shared/domain/records';
import { COMMUNICATION_CHANNELS, OUTCOMES, REDRESS_KINDS, THIRD_PARTY_KINDS } from '../../../../shared/domain/vocabulary';
import { call } from '../../api/client';
import { fieldErrors } from '../../common/api-errors';
import { useFormatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';
import { ACTION_FIELDS, defaultValues, formPath, toActionInput, type ActionValues, type FieldSpec, type RedressRow } from './action-fields';
import type { CaseDetail } from '../../../../shared/domain/views';

export interface ActionFormProps {
  readonly action: CaseAction;
  readonly record: CaseRecord;
  readonly onDone: (detail: CaseDetail) => void;
  readonly onCancel: () => void;
}

export function ActionForm({ action, record, onDone, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const format = useFormatters();
  const form = useForm<ActionValues>({ mode: 'controlled', initialValues: defaultValues(action, record, settings, new Date()) });
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setGeneral(null);
    try {
      const detail = await call('cases.act', { caseId: record.id, action: toActionInput(action, values) as never });
      onDone(detail);
    } catch (error) {
      const { fields, general: message } = fieldErrors(error, 'action.');
      form.setErrors(Object.fromEntries(Object.entries(fields).map(([path, text]) => [formPath(path), text])));
      setGeneral(message ?? (Object.keys(fields).length > 0 ? t('common.fixErrors') : null));
    } finally {
      setBusy(false);
    }
  });

  const channelOptions = COMMUNICATION_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }));

  const field = (spec: FieldSpec) => {
    const label = `${t(spec.label as never)}${spec.optional ? ` (${t('common.optional')})` : ''}`;
    const props = { label, key: spec.name, required: !spec.optional, 'data-field': spec.name, ...form.getInputProps(spec.name) };
    switch (spec.kind) {
      case 'datetime':
        return <TextInput type="datetime-local" {...props} />;
      case 'channel':
        return <Select data={channelOptions} allowDeselect={false} {...props} />;
      case 'text':
        return <TextInput {...props} />;
      case 'textarea':
        return <Textarea autosize minRows={2} maxRows={8} {...props} />;
      case 'outcome':
        return <Select data={OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))} allowDeselect={false} {...props} />;
      case 'partyKind':
        return <Select data={THIRD_PARTY_KINDS.map((value) => ({ value, label: t(`thirdPartyKinds.${value}`) }))} allowDeselect={false} {...props} />;
      case 'department':
        return <Select data={[...new Set([...settings.departments, ...record.departments])]} searchable allowDeselect={false} {...props} />;
      case 'inquiry':
        return <Select data={record.openInquiries.map((inquiry) => ({ value: inquiry.id, label: `${inquiry.partyName} (${t(`thirdPartyKinds.${inquiry.partyKind}`)})` }))} allowDeselect={false} {...props} />;
      case 'extension':
        return (
          <Select
            data={record.extensions.filter((extension) => extension.customerNotice === null).map((extension) => ({ value: extension.id, label: `${format.dateTime(extension.newDueAt)}: ${extension.reason}` }))}
            allowDeselect={false}
            {...props}
          />
        );
      case 'redress':
        return <RedressEditor key={spec.name} rows={form.getValues()['redress'] as RedressRow[]} errors={form.errors} onChange={(rows) => form.setFieldValue('redress', rows)} />;
      case 'customerNotice':
        return (
          <Stack key={spec.name} gap="xs">
            <Checkbox label={t('fields.customerTold')} {...form.getInputProps('customerTold', { type: 'checkbox' })} data-field="customerTold" />
            {Boolean(form.getValues()['customerTold']) && (
              <Group grow>
                <TextInput type="datetime-local" label={t('fields.customerToldAt')} {...form.getInputProps('customerNotice.at')} />
                <Select label={t('fields.customerToldBy')} data={channelOptions} allowDeselect={false} {...form.getInputProps('customerNotice.channel')} />
              </Group>
            )}
          </Stack>
        );
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid={`action-form-${action}`}>
      <Stack gap="sm">
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {ACTION_FIELDS[action].map(field)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="action-submit">
            {t(`actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RedressEditor({ rows, errors, onChange }: { readonly rows: RedressRow[]; readonly errors: Record<string, unknown>; readonly onChange: (rows: RedressRow[]) => void }) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<RedressRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
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
              onChange={(value) => update(index, { kind: (value ?? 'apology') as RedressRow['kind'] })}
            />
            {row.kind === 'refund' && (
              <NumberInput
                w={140}
                label={t('fields.amount')}
                min={0}
                decimalScale={2}
                value={row.amount}
                onChange={(value) => update(index, { amount: String(value) })}
                error={errors[`redress.${index}.amount`] as string | undefined}
              />
            )}
            <TextInput style={{ flex: 1 }} label={t('fields.redressDescription')} value={row.description} onChange={(event) => update(index, { description: event.currentTarget.value })} error={errors[`redress.${index}.description`] as string | undefined} />
            <Button variant="subtle" color="red" aria-label={t('common.remove')} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              <IconTrash size={16} aria-hidden />
            </Button>
          </Group>
        </Paper>
      ))}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onChange([...rows, { kind: 'apology', amount: '', currency: 'GBP', description: '' }])} w="fit-content">
        {t('fields.addRedress')}
      </Button>
    </Stack>
  );
}
