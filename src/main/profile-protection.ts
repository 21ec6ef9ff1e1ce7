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
import type { UpgradeProgress } from './protection/upgrade-progress';
import { profileKey, type ProfileKey } from './protection/profile-key';
import type { SlotScryptCost } from './protection/sealed-box';
import { databaseFilePath } from './storage';
import { keyFilePath } from './protection/key-file';
import { NEWER_VERSION_MESSAGE, openPlaintDatabase, type OpenDatabaseOptions } from './database/plaint-database';
import type { Logger } from './logging/logger';

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

export async function protectionFor(
  dataDirectory: string,
  name: string,
  protector: KeyProtector | null,
  cost: SlotScryptCost,
  progress?: UpgradeProgress<'encrypt'>,
): Promise<ProfileKey> {
  let databaseFile: string;
  try {
    databaseFile = databaseFilePath(dataDirectory, name);
  } catch (error) {
    return { state: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  return profileKey({ databaseFile, protector, cost, ...(progress ? { progress } : {}) });
}

/**
 * Whether the profile has a database with data, which a start may upgrade before it opens:
 * encrypt it in place (no key file), or move it from ChaCha20 to AEGIS (which only its key can tell).
 */
export function mayUpgradeAtStart(dataDirectory: string, name: string): boolean {
  let file: string;
  try {
    file = databaseFilePath(dataDirectory, name);
  } catch {
    return false;
  }
  return (fs.existsSync(file) && fs.statSync(file).size > 0) || fs.existsSync(`${file}-wal`);
}

/** Whether the profile is one from before encryption at rest, about to be encrypted in place (a database with data, no key file). */
export function willEncryptInPlace(dataDirectory: string, name: string): boolean {
  let file: string;
  try {
    file = databaseFilePath(dataDirectory, name);
  } catch {
    return false;
  }
  const keyFile = keyFilePath(file);
  if (fs.existsSync(keyFile) || fs.existsSync(`${keyFile}.pending`)) return false;
  return (fs.existsSync(file) && fs.statSync(file).size > 0) || fs.existsSync(`${file}-wal`);
}

/**
 * A plaintext profile (no key file yet) written by a newer version of Plaint is not encrypted in
 * place: this version refuses to open it, and must leave it byte for byte as it was. Opened plain
 * once, read-only in effect (a newer database is refused before anything is written). The reason,
 * or null when the profile may be encrypted (or is not plaintext).
 */
export async function plaintextFromNewerVersion(
  dataDirectory: string,
  name: string,
  logger: Logger,
  extras: Pick<OpenDatabaseOptions, 'fullText' | 'tags'>,
): Promise<string | null> {
  let file: string;
  try {
    file = databaseFilePath(dataDirectory, name);
  } catch {
    return null;
  }
  const keyFile = keyFilePath(file);
  // A key file, or a migration under way (its pending key file), is the protection's to handle.
  if (fs.existsSync(keyFile) || fs.existsSync(`${keyFile}.pending`) || !fs.existsSync(file) || fs.statSync(file).size === 0) return null;
  const opened = await openPlaintDatabase({ dataDirectory, logger, name, ...extras });
  await opened.database?.close();
  // Any other failure (a damaged file) is left to the migration, which checks and refuses it too.
  return opened.status.message === NEWER_VERSION_MESSAGE ? NEWER_VERSION_MESSAGE : null;
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
