/**
 * Encrypting a profile from before encryption at rest, in place (P-7.2, issue 14). The original
 * file is never written until an encrypted copy has been made and verified, and the switch is a
 * rename, so a kill at any point leaves either the plaintext original (the next start begins
 * again) or the encrypted database with its key (the next start finishes):
 * 1. the original is checked (quick_check; a damaged file is left as it is), checkpointed and left
 *    in rollback-journal mode (no -wal beside it; WAL again at its next open), its rows counted;
 * 2. it is copied, fsynced, and the copy verified (integrity_check and the same counts): the backup;
 * 3. the copy is encrypted with `PRAGMA rekey` in the profile cipher, AEGIS (SQLite3MultipleCiphers
 *    rekeys a database in rollback-journal mode; it is not in WAL), reopened with the key and
 *    verified again;
 * 4. the key file is written as `<name>.keys.json.pending`, the copy renamed over the original,
 *    then the pending key file renamed to its own name.
 * `finishInterruptedMigration` runs at every start before the key file is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { encryptInPlace, KNOWN_CIPHERS, openWithKey, PROFILE_CIPHER, type DatabaseCipher } from '../storage/database-cipher';
import { DatabaseKeyring, type KeyringOptions } from './database-keyring';
import { copyPrivateFile, removeAbandonedTemporaries, syncDirectory, syncFile } from './private-files';
import { rowCounts } from './row-counts';

import type { EncryptionStep } from '../../shared/api/types/app';

export type MigrationStep = EncryptionStep;

export interface MigrationOptions {
  readonly databaseFile: string;
  readonly keyring: KeyringOptions;
  /** Progress for the log and the start screen (and a test's kill points); awaited, so the screen can be told between steps. */
  readonly onProgress?: (step: MigrationStep) => void | Promise<void>;
  /** The bytes of the copy (the backup) as it is written, for the start screen. */
  readonly onCopy?: (bytes: number, of: number) => void;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const copyOf = (databaseFile: string) => `${databaseFile}.encrypting`;
const pendingOf = (keyFile: string) => `${keyFile}.pending`;

/** Opens the file plain, or with the key in one of `ciphers` (a switch made by an earlier version is in ChaCha20). */
function withDatabase<T>(file: string, key: string | null, use: (db: Database.Database) => T, ciphers: readonly DatabaseCipher[] = [PROFILE_CIPHER]): T {
  const db = key ? openWithKey(file, key, { fileMustExist: true }, ciphers).db : new Database(file, { fileMustExist: true });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

function verify(file: string, key: string | null, expected: Record<string, number>, what: string): void {
  withDatabase(file, key, (db) => {
    const integrity = db.pragma('integrity_check(1)', { simple: true });
    if (integrity !== 'ok') throw new MigrationError(`The ${what} failed its integrity check (${String(integrity)}); the original is unchanged.`);
    const counts = rowCounts(db);
    if (JSON.stringify(counts) !== JSON.stringify(expected))
      throw new MigrationError(`The ${what} does not hold the same rows as the original; the original is unchanged.`);
  });
}

function removeLeftovers(databaseFile: string, keyFile: string): void {
  const copy = copyOf(databaseFile);
  for (const file of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`, pendingOf(keyFile)]) fs.rmSync(file, { force: true });
  // A kill while a key file was being written leaves its temporary (wrapped keys) beside it.
  removeAbandonedTemporaries(pendingOf(keyFile));
  removeAbandonedTemporaries(keyFile);
}

/**
 * An earlier start was killed during the migration: after the switch, finish it (the pending key
 * file opens the database); before it, drop the half-made copy (the original is plaintext and
 * whole, and is migrated again).
 */
export function finishInterruptedMigration(databaseFile: string, keyring: KeyringOptions): void {
  const pending = pendingOf(keyring.file);
  if (fs.existsSync(keyring.file) || !fs.existsSync(pending)) {
    removeLeftovers(databaseFile, keyring.file);
    return;
  }
  const candidate = DatabaseKeyring.load({ ...keyring, file: pending });
  const key = candidate?.unlockAtStart() ? candidate.databaseKey() : null;
  let switched = false;
  if (key && fs.existsSync(databaseFile)) {
    try {
      switched = withDatabase(databaseFile, key, (db) => (db.prepare('SELECT count(*) FROM sqlite_master').get(), true), KNOWN_CIPHERS);
    } catch {
      switched = false;
    }
  }
  if (switched) {
    fs.renameSync(pending, keyring.file);
    syncDirectory(path.dirname(keyring.file));
  }
  removeLeftovers(databaseFile, keyring.file);
}

/** Encrypts the plaintext database in place and returns its keyring, unlocked. Throws MigrationError (nothing changed) when a check fails. */
export async function encryptPlaintextProfile(options: MigrationOptions): Promise<DatabaseKeyring> {
  const { databaseFile, keyring } = options;
  const copy = copyOf(databaseFile);
  removeLeftovers(databaseFile, keyring.file);
  // 1. The original: everything in the main file, no -wal beside it, checked and counted.
  const counts = withDatabase(databaseFile, null, (db) => {
    // Checked before anything is written: a damaged file is left as it is.
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok')
      throw new MigrationError(`The database is damaged (${String(check)}) and was not encrypted; it is unchanged. Restore it from a backup.`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw new MigrationError('The database could not leave WAL mode to be encrypted.');
    return rowCounts(db);
  });
  await options.onProgress?.('checked');
  // 2. The verified copy.
  await copyPrivateFile(databaseFile, copy, options.onCopy);
  verify(copy, null, counts, 'copy of the database');
  await options.onProgress?.('copied');
  // 3. The copy encrypted, and verified under the key.
  const pending = DatabaseKeyring.create({ ...keyring, file: pendingOf(keyring.file) });
  const key = pending.databaseKey();
  if (!key) throw new MigrationError('The new database key is not available.');
  withDatabase(copy, null, (db) => encryptInPlace(db, key));
  syncFile(copy);
  verify(copy, key, counts, 'encrypted copy of the database');
  await options.onProgress?.('encrypted');
  // 4. The switch: the encrypted copy takes the original's name, then the key file its own.
  fs.rmSync(`${databaseFile}-wal`, { force: true });
  fs.rmSync(`${databaseFile}-shm`, { force: true });
  fs.renameSync(copy, databaseFile);
  syncDirectory(path.dirname(databaseFile));
  await options.onProgress?.('switched');
  fs.renameSync(pendingOf(keyring.file), keyring.file);
  syncDirectory(path.dirname(keyring.file));
  await options.onProgress?.('done');
  const done = DatabaseKeyring.load(keyring);
  if (!done?.unlockAtStart()) throw new MigrationError('The database was encrypted but its key file cannot be opened.');
  return done;
}
