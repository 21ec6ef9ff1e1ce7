/**
 * The database key's keychain slot (P-7.2) through Electron's safeStorage: Keychain on macOS,
 * DPAPI on Windows, the Secret Service or KWallet on Linux. Where Linux has no real keychain
 * (`basic_text`, a key written in Chromium's source) there is none: the profile is then opened
 * by a person's password only, and the protection status says so.
 */
import { safeStorage } from 'electron';
import type { KeyProtector } from '../protection/key-protector';

export function realKeychainAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function safeStorageKeyProtector(): KeyProtector | null {
  if (!realKeychainAvailable()) return null;
  return {
    kind: 'os-keychain',
    protect: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
