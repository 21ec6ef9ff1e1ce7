/**
 * The composition root's part of encryption at rest (P-7.2): where the key file and database of
 * a profile are, what the session says while the database is locked, and the status the
 * administrator sees. The keys themselves are src/main/protection's.
 */
import fs from 'node:fs';
import type { ProtectionStatus } from '../shared/api/types/protection';
import type { SessionState } from '../shared/identity/session-inputs';
import type { DatabaseKeyring } from './protection/database-keyring';
import type { KeyProtector } from './protection/key-protector';
import { makePrivateFile, PRIVATE_FILE_MODE } from './protection/private-files';
import type { MigrationStep } from './protection/plaintext-migration';
import { profileKey, type ProfileKey } from './protection/profile-key';
import type { SlotScryptCost } from './protection/sealed-box';
import { databaseFilePath } from './storage';

export const LOCKED_MESSAGE = 'The database is locked: sign in to open it.';

/** The database file, made 0600 before SQLite opens it (its -wal and -shm take its mode); null for a name SQLite cannot use (the open reports it). */
export function privateDatabaseFile(dataDirectory: string, name: string): string | null {
  let file: string;
  try {
    file = databaseFilePath(dataDirectory, name);
  } catch {
    return null;
  }
  makePrivateFile(file);
  for (const companion of [`${file}-wal`, `${file}-shm`, `${file}-journal`]) if (fs.existsSync(companion)) fs.chmodSync(companion, PRIVATE_FILE_MODE);
  return file;
}

export function protectionFor(dataDirectory: string, name: string, protector: KeyProtector | null, cost: SlotScryptCost, onProgress?: (step: MigrationStep) => void): ProfileKey {
  let databaseFile: string;
  try {
    databaseFile = databaseFilePath(dataDirectory, name);
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  return profileKey({ databaseFile, protector, cost, ...(onProgress ? { onProgress } : {}) });
}

/** While the database is locked nobody can be signed in: the sign-in screen is shown. */
export function lockedSessionState(): SessionState {
  return { state: 'signed-out', viewer: null, idleLockMinutes: 15, organisation: '', awaitingDirectory: false };
}

export function protectionStatus(protection: ProfileKey | null, keyring: DatabaseKeyring | null): ProtectionStatus {
  const slots = keyring?.status();
  return {
    encryption: !protection ? 'off-for-tests' : protection.state === 'plaintext' ? 'plaintext' : 'encrypted',
    keychain: slots?.keychain ?? 'none',
    keychainSlot: slots?.keychainSlot ?? false,
    passwordSlots: slots?.passwordSlots ?? 0,
    recoverySlot: slots?.recoverySlot ?? false,
  };
}
