/**
 * The sync password (and the team mailbox's, issue 17, in its own file), encrypted with Electron's safeStorage (the operating system's keychain:
 * Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux) and kept in a
 * file in the profile that only this user can read. Where no keychain is available (some Linux
 * desktops fall back to a fixed key), the password is kept in memory only and the settings say
 * so, rather than pretending it is protected.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { safeStorage } from 'electron';
import { memorySecretStore, type SecretStore } from '../sync/secret-store';
import { realKeychainAvailable } from './safe-storage-key-protector';

export function safeStorageSecrets(dataDirectory: string, fileName = 'sync-password.bin'): SecretStore {
  if (!realKeychainAvailable()) return memorySecretStore();
  const file = path.join(dataDirectory, fileName);
  return {
    kind: 'os-keychain',
    async read() {
      const sealed = await fs.readFile(file).catch(() => null);
      return sealed ? safeStorage.decryptString(sealed) : null;
    },
    async write(secret) {
      if (secret === null) await fs.rm(file, { force: true });
      else await fs.writeFile(file, safeStorage.encryptString(secret), { mode: 0o600 });
    },
  };
}
