/**
 * One workflow action as a focused form, built from the action's input schema in the workflow
 * table (action-form-model.ts): the same rules are checked here as in the main process, and
 * errors from either land on the right field, in the user's language.
 */
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '@shared/domain/records';
import type { CaseAction } from '@shared/domain/workflow';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';
import { ActionFieldInput } from './ActionFieldInput';
import { actionFields, checkAction, defaultValues, type ActionValues } from './action-form-model';

export interface ActionFormProps {
  readonly action: CaseAction;
  readonly record: CaseRecord;
  readonly onDone: (detail: CaseDetail) => void;
  readonly onCancel: () => void;
}

export function ActionForm({ action, record, onDone, onCancel }: ActionFormProps) {
  const { t, i18n } = useTranslation();
  const errors = useErrors();
  const { settings, me } = useSettings();
  const form = useForm<ActionValues>({
    mode: 'controlled',
    initialValues: defaultValues(action, record, settings, new Date(), me, i18n.language === 'lv' ? 'lv' : 'en-GB'),
  });
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const showIssues = (fields: Record<string, string>, message: string | null) => {
    form.setErrors(fields);
    setGeneral(message ?? (Object.keys(fields).length > 0 ? t('common.fixErrors') : null));
  };

  const submit = form.onSubmit(async (values) => {
    setGeneral(null);
    const checked = checkAction(action, values);
    if (!checked.ok) {
      showIssues(Object.fromEntries(checked.issues.map((issue) => [issue.path, errors.issue(issue)])), null);
      return;
    }
    setBusy(true);
    try {
      onDone(await call('cases.act', { caseId: record.id, action: checked.input }));
    } catch (error) {
      const { fields, general: message } = errors.fields(error, 'action.');
      showIssues(fields, message);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid={`action-form-${action}`}>
      <Stack gap="sm">
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        {actionFields(action).map((field) => (
          <ActionFieldInput key={field.path} field={field} form={form} record={record} />
        ))}
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
