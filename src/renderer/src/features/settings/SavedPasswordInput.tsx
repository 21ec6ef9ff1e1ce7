/**
 * The password of one of this device's connections: never shown back; the placeholder says one
 * is saved and the description where it is kept (the keychain, or memory only).
 */
import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the main process tells of a saved password. */
export interface SavedPassword {
  readonly hasPassword: boolean;
  readonly passwordStorage: 'os-keychain' | 'memory';
}

export function SavedPasswordInput({ saved, ...input }: PasswordInputProps & { readonly saved: SavedPassword | null }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      autoComplete="current-password"
      placeholder={saved?.hasPassword ? t('sync.settings.passwordSaved') : ''}
      description={t(saved?.passwordStorage === 'os-keychain' ? 'sync.settings.keptInKeychain' : 'sync.settings.keptInMemory')}
      {...input}
    />
  );
}
