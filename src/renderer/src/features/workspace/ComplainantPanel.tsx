/** The complainant (P-2.1), editable in place with the shared validation rules. */
import { Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complainant } from '@shared/domain/records';
import { COMPLAINANT_KINDS, CONTACT_PREFERENCES } from '@shared/domain/vocabulary';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { EditableSection } from '../../components/EditableSection';

export interface ComplainantFormValues {
  kind: Complainant['kind'];
  name: string;
  email: string;
  phone: string;
  addressLines: string;
  postcode: string;
  country: string;
  preferredChannel: Complainant['preferredChannel'];
  customerNumber: string;
  orderNumber: string;
}

export function complainantFormValues(complainant: Complainant | null): ComplainantFormValues {
  return {
    kind: complainant?.kind ?? 'customer',
    name: complainant?.name ?? '',
    email: complainant?.email ?? '',
    phone: complainant?.phone ?? '',
    addressLines: complainant?.address?.lines.join('\n') ?? '',
    postcode: complainant?.address?.postcode ?? '',
    country: complainant?.address?.country ?? 'GB',
    preferredChannel: complainant?.preferredChannel ?? 'email',
    customerNumber: complainant?.customerNumber ?? '',
    orderNumber: complainant?.orderNumber ?? '',
  };
}

export function complainantInput(values: ComplainantFormValues) {
  const lines = values.addressLines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    kind: values.kind,
    name: values.name,
    email: values.email.trim(),
    phone: values.phone.trim(),
    address: lines.length > 0 ? { lines, postcode: values.postcode.trim().toUpperCase(), country: values.country.trim().toUpperCase() } : null,
    preferredChannel: values.preferredChannel,
    customerNumber: values.customerNumber,
    orderNumber: values.orderNumber,
  };
}

/** Maps API paths under complainant to this form's fields. */
export function complainantErrorPath(path: string): string {
  return path
    .replace(/^address\.lines(\.\d+)?$/, 'addressLines')
    .replace(/^address\.(postcode|country)$/, '$1')
    .replace(/^address$/, 'addressLines');
}

/** `autoFocus`: the name takes focus when the fields appear (the new-complaint form's first field, issue 18). */
export function ComplainantFields({
  form,
  autoFocus = false,
}: {
  readonly form: ReturnType<typeof useForm<ComplainantFormValues>>;
  readonly autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('fields.name')} required autoFocus={autoFocus} {...form.getInputProps('name')} data-field="complainant.name" />
      <Select
        label={t('fields.kind')}
        data={COMPLAINANT_KINDS.map((value) => ({ value, label: t(`complainantKinds.${value}`) }))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
      />
      <TextInput label={t('fields.email')} type="email" {...form.getInputProps('email')} data-field="complainant.email" />
      <TextInput label={t('fields.phone')} type="tel" {...form.getInputProps('phone')} data-field="complainant.phone" />
      <Select
        label={t('fields.preferredChannel')}
        data={CONTACT_PREFERENCES.map((value) => ({ value, label: t(`contactPreferences.${value}`) }))}
        allowDeselect={false}
        {...form.getInputProps('preferredChannel')}
      />
      <Textarea label={t('fields.addressLines')} autosize minRows={2} {...form.getInputProps('addressLines')} />
      <TextInput label={t('fields.postcode')} {...form.getInputProps('postcode')} />
      <TextInput label={t('fields.country')} maxLength={2} {...form.getInputProps('country')} />
      <TextInput label={t('fields.customerNumber')} {...form.getInputProps('customerNumber')} />
      <TextInput label={t('fields.orderNumber')} {...form.getInputProps('orderNumber')} />
    </SimpleGrid>
  );
}

export function ComplainantPanel({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const complainant = detail.case.complainant;
  const [editing, setEditing] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<ComplainantFormValues>({ mode: 'controlled', initialValues: complainantFormValues(complainant) });
  const save = form.onSubmit(async (values) => {
    try {
      onChanged(await call('cases.updateDetails', { caseId: detail.case.id, changes: { complainant: complainantInput(values) } }));
      setEditing(false);
      setGeneral(null);
    } catch (error) {
      const { fields, general: message } = errors.fields(error, 'changes.complainant.');
      form.setErrors(Object.fromEntries(Object.entries(fields).map(([path, text]) => [complainantErrorPath(path), text])));
      setGeneral(message ?? t('common.fixErrors'));
    }
  });
  return (
    <EditableSection
      title={t('workspace.complainant')}
      data-testid="complainant-panel"
      editing={editing}
      onEdit={() => (form.setValues(complainantFormValues(complainant)), setEditing(true))}
      onCancel={() => setEditing(false)}
      onSubmit={save}
      general={general}
      fields={<ComplainantFields form={form} />}
    >
      <Stack gap={4}>
        <Text fw={600}>{complainant.name}</Text>
        <Text size="sm">{t(`complainantKinds.${complainant.kind}`)}</Text>
        {complainant.email && <Text size="sm">{complainant.email}</Text>}
        {complainant.phone && <Text size="sm">{complainant.phone}</Text>}
        {complainant.address && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {[...complainant.address.lines, complainant.address.postcode, complainant.address.country].filter(Boolean).join('\n')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('fields.preferredChannel')}: {t(`contactPreferences.${complainant.preferredChannel}`)}
        </Text>
        {complainant.customerNumber && (
          <Text size="sm" c="dimmed">
            {t('fields.customerNumber')}: {complainant.customerNumber}
          </Text>
        )}
        {complainant.orderNumber && (
          <Text size="sm" c="dimmed">
            {t('fields.orderNumber')}: {complainant.orderNumber}
          </Text>
        )}
      </Stack>
    </EditableSection>
  );
}
