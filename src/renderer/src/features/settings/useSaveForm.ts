/**
 * Shared behaviour of the forms that save through one API call (backups, retention, this device's
 * connections): busy while saving, a confirmation once saved, the main process's refusal shown at
 * its fields and the rest above the form (issue 12: one home).
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrors } from '../../errors/useErrors';

export interface SaveForm<V extends Record<string, unknown>> {
  readonly form: UseFormReturnType<V>;
  readonly submit: (event?: React.FormEvent<HTMLFormElement>) => void;
  /** What went wrong that belongs to no field; other actions of the form may say theirs here too. */
  readonly general: string | null;
  readonly setGeneral: (message: string | null) => void;
  readonly busy: boolean;
}

/** `save` sends the values (and may touch the form once sent); `onSaved` runs after the confirmation. */
export function useSaveForm<V extends Record<string, unknown>>(
  initialValues: V,
  save: (values: V, form: UseFormReturnType<V>) => Promise<void>,
  onSaved: () => void = () => undefined,
): SaveForm<V> {
  const { t } = useTranslation();
  const errors = useErrors();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<V>({ mode: 'controlled', initialValues });
  const send = async (values: V) => {
    setBusy(true);
    setGeneral(null);
    try {
      await save(values, form);
      notifications.show({ color: 'teal', message: t('common.saved') });
      onSaved();
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      form.setErrors(fields);
      setGeneral(message);
    } finally {
      setBusy(false);
    }
  };
  return { form, submit: form.onSubmit((values) => void send(values)), general, setGeneral, busy };
}
