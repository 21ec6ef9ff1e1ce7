/** Shared behaviour of the settings forms: save through the API, errors at fields, a confirmation. */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrors } from '../../errors/useErrors';

export function useSettingsForm<V extends Record<string, unknown>>(
  initialValues: V,
  save: (values: V) => Promise<unknown>,
  mapPath: (path: string) => string = (path) => path,
): {
  form: UseFormReturnType<V>;
  submit: (event?: React.FormEvent<HTMLFormElement>) => void;
  general: string | null;
  busy: boolean;
} {
  const { t } = useTranslation();
  const errors = useErrors();
  const form = useForm<V>({ mode: 'controlled', initialValues });
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await save(values);
      setGeneral(null);
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('common.saved') });
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      form.setErrors(Object.fromEntries(Object.entries(fields).map(([path, text]) => [mapPath(path), text])));
      setGeneral(message ?? t('common.fixErrors'));
    } finally {
      setBusy(false);
    }
  });
  return { form, submit, general, busy };
}
