/**
 * The key file in an encrypted profile's backup (issue 14, P-7.2). Without its key slots an
 * encrypted copy cannot be opened, so a backup of an encrypted profile holds them beside the
 * database: the keys stay wrapped (keychain, passwords, recovery key), and the raw key is never
 * written (a slot that holds it unwrapped is left out; a key file with nothing else is refused).
 * A restore refuses an encrypted backup without its key file, or with one its manifest does not
 * describe, before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseKeyring } from '../protection/database-keyring';
import { KeyFileError, readKeyFile, writeKeyFile, type KeyFile } from '../protection/key-file';
import type { KeyProtector } from '../protection/key-protector';
import type { SlotScryptCost } from '../protection/sealed-box';
import { backupError } from './backup-errors';
import { BACKUP_KEY_FILE, type BackupManifest } from './backup-manifest';
import { fileDigest, fsyncPath } from './file-digest';

function readOrRefuse(file: string, missing: string): KeyFile {
  let content: KeyFile | null;
  try {
    content = readKeyFile(file);
  } catch (error) {
    if (error instanceof KeyFileError) throw backupError('backup_key_file_missing', `${missing} (${error.message})`, { path: file });
    throw error;
  }
  if (!content) throw backupError('backup_key_file_missing', missing, { path: file });
  return content;
}

/** Copies the profile's key slots into the generation, wrapped keys only; answers the copy's digest. */
export async function copyKeyFile(profileKeyFile: string | undefined, generation: string): Promise<{ bytes: number; sha256: string }> {
  if (profileKeyFile === undefined)
    throw backupError('backup_key_file_missing', 'The profile is encrypted but no key file was given, and an encrypted backup cannot be opened without it.');
  const content = readOrRefuse(profileKeyFile, `The profile's key file ${profileKeyFile} cannot be read, and an encrypted backup cannot be opened without it.`);
  const slots = content.slots.filter((slot) => slot.kind !== 'unprotected');
  if (slots.length === 0) {
    throw backupError(
      'backup_key_not_wrapped',
      'The database key is not yet protected by a keychain or a password, and a backup never holds the key itself. Set up the team (an administrator with a password) first.',
      { path: profileKeyFile },
    );
  }
  const copy = path.join(generation, BACKUP_KEY_FILE);
  writeKeyFile(copy, { format: content.format, slots });
  fsyncPath(copy);
  return fileDigest(copy);
}

/** An encrypted generation's key file is there, is the one the manifest describes, and holds wrapped keys only. */
export async function verifyKeyFile(generation: string, manifest: BackupManifest): Promise<void> {
  if (!manifest.encrypted) return;
  const file = path.join(generation, BACKUP_KEY_FILE);
  const missing = `The backup ${generation} is encrypted but has no key file (${BACKUP_KEY_FILE}), so it cannot be opened. Use a backup taken with its key file.`;
  if (!manifest.keyFile || !fs.existsSync(file)) throw backupError('backup_key_file_missing', missing, { path: generation });
  const digest = await fileDigest(file);
  if (digest.bytes !== manifest.keyFile.bytes || digest.sha256 !== manifest.keyFile.sha256) {
    throw backupError('backup_file_changed', `The key file ${file} is not the one the backup's manifest describes: it is damaged or was changed.`, {
      path: file,
    });
  }
  const content = readOrRefuse(file, missing);
  if (content.slots.some((slot) => slot.kind === 'unprotected'))
    throw backupError('backup_key_not_wrapped', `The key file ${file} holds the database key unwrapped; Plaint never writes a backup like that.`, {
      path: file,
    });
}

/** Puts the generation's key file in the restored profile and checks the copy against the manifest. */
export async function restoreKeyFile(generation: string, manifest: BackupManifest, destination: string): Promise<void> {
  fs.copyFileSync(path.join(generation, BACKUP_KEY_FILE), destination, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(destination, 0o600);
  fsyncPath(destination);
  const digest = await fileDigest(destination);
  if (digest.bytes !== manifest.keyFile?.bytes || digest.sha256 !== manifest.keyFile.sha256) {
    throw backupError('backup_file_changed', `The copy of the backup's key file in ${destination} is not the one its manifest describes.`, {
      path: destination,
    });
  }
}

export interface BackupUnlock {
  /** This computer's keychain (the backup's keychain slot opens on the computer that took it). */
  readonly protector?: KeyProtector | null;
  /** The team's recovery key, typed by the person restoring. */
  readonly recoveryKey?: string;
}

/** The backup's database key from its own key file, by the keychain or the recovery key; null when neither opens it. */
export function unlockBackupKey(generation: string, unlock: BackupUnlock): string | null {
  const keyring = DatabaseKeyring.load({ file: path.join(generation, BACKUP_KEY_FILE), protector: unlock.protector ?? null, cost: UNUSED_COST });
  if (!keyring) return null;
  if (keyring.unlockAtStart()) return keyring.databaseKey();
  if (unlock.recoveryKey !== undefined && keyring.unlockWithRecoveryKey(unlock.recoveryKey)) return keyring.databaseKey();
  return null;
}

/** Opening slots never derives a new password key, so the cost of new slots does not matter here. */
const UNUSED_COST: SlotScryptCost = { N: 2, r: 1, p: 1 };
