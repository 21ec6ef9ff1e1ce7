/** Issue 16, P-5.3: one improvement action's form (new or edited); the main process checks it, errors land at their fields. */
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPROVEMENT_STATUSES, type ImprovementAction, type ImprovementStatus } from '@shared/domain/improvement-actions';
import { call } from '../../api/client';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';
import { useRootCauseLabels } from './root-cause-labels';

interface Values {
  title: string;
  ownerId: string | null;
  dueOn: string;
  status: ImprovementStatus;
  completedOn: string;
  rootCauseIds: string[];
  lessonsLearned: string;
}

function valuesOf(action: ImprovementAction | null, me: string): Values {
  return action
    ? {
        title: action.title,
        ownerId: action.ownerId,
        dueOn: action.dueOn,
        status: action.status,
        completedOn: action.completedOn ?? '',
        rootCauseIds: [...action.rootCauseIds],
        lessonsLearned: action.lessonsLearned,
      }
    : { title: '', ownerId: me, dueOn: '', status: 'planned', completedOn: '', rootCauseIds: [], lessonsLearned: '' };
}

/** A refusal of `rootCauseIds.2` belongs to the causes field. */
const fieldOf = (path: string) => (path.startsWith('rootCauseIds') ? 'rootCauseIds' : path);

export function ImprovementActionForm({ action, onDone }: { readonly action: ImprovementAction | null; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const { settings, me } = useSettings();
  const causes = useRootCauseLabels();
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(action, me) });
  const owners = settings.staff.filter((member) => member.active || member.id === action?.ownerId).map((member) => ({ value: member.id, label: member.name }));
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await call('improvementActions.save', {
        ...(action ? { id: action.id } : {}),
        title: values.title,
        ownerId: values.ownerId ?? '',
        dueOn: values.dueOn,
        status: values.status,
        completedOn: values.status === 'completed' ? values.completedOn || null : null,
        rootCauseIds: values.rootCauseIds,
        lessonsLearned: values.lessonsLearned,
      });
      onDone();
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      form.setErrors(Object.fromEntries(Object.entries(fields).map(([path, text]) => [fieldOf(path), text])));
      setGeneral(message ?? t('common.fixErrors'));
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="improvement-action-form">
      <Stack gap="sm">
        {general && <Alert color="red">{general}</Alert>}
        <TextInput label={t('improvement.actions.titleField')} required data-field="title" {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('improvement.actions.owner')}
            required
            searchable
            allowDeselect={false}
            data={owners}
            data-field="ownerId"
            {...form.getInputProps('ownerId')}
          />
          <OfficeDateInput label={t('improvement.actions.dueOn')} required data-field="dueOn" {...form.getInputProps('dueOn')} />
          <Select
            label={t('improvement.actions.status')}
            required
            allowDeselect={false}
            data={IMPROVEMENT_STATUSES.map((value) => ({ value, label: t(`improvement.statuses.${value}`) }))}
            data-field="status"
            {...form.getInputProps('status')}
          />
          {form.values.status === 'completed' && (
            <OfficeDateInput label={t('improvement.actions.completedOn')} required data-field="completedOn" {...form.getInputProps('completedOn')} />
          )}
        </SimpleGrid>
        <MultiSelect
          label={t('improvement.actions.rootCauses')}
          required
          searchable
          data={causes.options(action?.rootCauseIds ?? [])}
          data-field="rootCauseIds"
          {...form.getInputProps('rootCauseIds')}
        />
        <Textarea
          label={t('improvement.actions.lessonsLearned')}
          autosize
          minRows={2}
          maxRows={8}
          data-field="lessonsLearned"
          {...form.getInputProps('lessonsLearned')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('improvement.actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('improvement.actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
