/**
 * The forms for this device's connections (sync server, team mailbox) save as every settings
 * form does (useSaveForm), and an empty password keeps the saved one (it is never shown back):
 * none is sent, and the field empties once saved (issue 12: one home).
 */
import type { UseFormReturnType } from '@mantine/form';
import { useSaveForm, type SaveForm } from './useSaveForm';

/** What is sent: the form's values, with no password when none was typed. */
export type ConnectionSave<V extends { password: string }> = Omit<V, 'password'> & { password: string | undefined };

export function useConnectionForm<V extends Record<string, unknown> & { password: string }>(
  initialValues: V,
  save: (values: ConnectionSave<V>) => Promise<unknown>,
  onSaved: () => void,
): SaveForm<V> {
  return useSaveForm<V>(
    initialValues,
    async (values, form) => {
      await save({ ...values, ...(values.password === '' ? { password: undefined } : {}) });
      // Seen as a form of its password alone, so the field is typed whatever else V holds.
      const withPassword: UseFormReturnType<{ password: string }> = form;
      withPassword.setFieldValue('password', '');
    },
    onSaved,
  );
}
