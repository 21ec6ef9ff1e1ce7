/**
 * Shared behaviour of the forms for this device's connections (sync server, team mailbox): save
 * through the API, where an empty password keeps the saved one (it is never shown back) and the
 * field empties once saved; errors at their fields, a confirmation (issue 12: one home).
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrors } from '../../errors/useErrors';

/** What is sent: the form's values, with no password when none was typed. */
export type ConnectionSave<V extends { password: string }> = Omit<V, 'password'> & { password: string | undefined };

export function useConnectionForm<V extends Record<string, unknown> & { password: string }>(
  initialValues: V,
  save: (values: ConnectionSave<V>) => Promise<unknown>,
  onSaved: () => void,
): { form: UseFormReturnType<V>; submit: (event?: React.FormEvent<HTMLFormElement>) => void; general: string | null; busy: boolean } {
  const { t } = useTranslation();
  const errors = useErrors();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm<V>({ mode: 'controlled', initialValues });
  // Seen as a form of its password alone, so the field is typed whatever else V holds.
  const withPassword: UseFormReturnType<{ password: string }> = form;
  const send = async (values: V) => {
    setBusy(true);
    setGeneral(null);
    try {
      await save({ ...values, ...(values.password === '' ? { password: undefined } : {}) });
      withPassword.setFieldValue('password', '');
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
  return { form, submit: form.onSubmit((values) => void send(values)), general, busy };
}
