/**
 * Restore (issue 14): a verified backup generation becomes the database of a NEW profile
 * directory, never the open one. The generation is verified against its manifest first; the
 * copy is verified again (size, SHA-256, integrity check, every collection's counts and hash).
 * An encrypted backup brings its key file (its keys still wrapped), without which the restored
 * profile could not be opened; a backup without it is refused before anything is written.
 *
 * All or nothing: the database and its key file are put together in a staging folder beside the
 * target, which is renamed to the target only when both are verified, so the new profile has
 * both or neither. Any failure removes what the restore wrote (and the folders it made).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreOutcome } from '../../shared/domain/backup';
import { keyFilePath } from '../protection/key-file';
import { backupError } from './backup-errors';
import { restoreKeyFile, unlockBackupKey, verifyKeyFile, type BackupUnlock } from './backup-key-file';
import { BACKUP_DATABASE_FILE, readManifest, type BackupManifest } from './backup-manifest';
import { fsyncFolder, fsyncPath } from './file-digest';
import { verifyDatabaseFile } from './verify-generation';

export interface RestoreOptions {
  /** The generation folder (`…/plaint-backup-<time>`). */
  readonly from: string;
  /** The new profile directory: missing, or an empty folder. */
  readonly dataDirectory: string;
  /** The database name of the profile (the app's is `plaint`). */
  readonly databaseName?: string;
  /** The key the backed-up profile was encrypted with, if known (the open profile's, or the command line's). */
  readonly key?: string;
  /** What else may open an encrypted backup's own key file: this computer's keychain, the recovery key. */
  readonly unlock?: BackupUnlock;
}

export interface RestoreResult {
  readonly dataDirectory: string;
  readonly file: string;
  readonly manifest: BackupManifest;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const target = path.resolve(options.dataDirectory);
  const from = path.resolve(options.from);
  const targetExists = checkTarget(target);
  const manifest = readManifest(from);
  await verifyKeyFile(from, manifest);
  // The backup's own key file first (its keychain slot, the recovery key), then the key given.
  const key = (manifest.encrypted ? unlockBackupKey(from, options.unlock ?? {}) : null) ?? options.key;
  await verifyDatabaseFile(path.join(from, BACKUP_DATABASE_FILE), manifest, key);

  const created = makeParent(path.dirname(target));
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.restoring`);
  const name = `${options.databaseName ?? 'plaint'}.sqlite`;
  try {
    fs.rmSync(staging, { recursive: true, force: true }); // what a killed restore left
    try {
      fs.mkdirSync(staging, { mode: 0o700 });
    } catch {
      throw backupError('restore_target_not_writable', `Plaint cannot write beside the new profile folder, in ${path.dirname(target)}.`, {
        path: path.dirname(target),
      });
    }
    const file = path.join(staging, name);
    fs.copyFileSync(path.join(from, BACKUP_DATABASE_FILE), file, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(file, 0o600);
    fsyncPath(file);
    await verifyDatabaseFile(file, manifest, key);
    if (manifest.encrypted) await restoreKeyFile(from, manifest, keyFilePath(file));
    fsyncFolder(staging);
    // An empty target folder gives way to the staging folder, which takes its name in one rename.
    if (targetExists) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    fsyncFolder(path.dirname(target));
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (created) fs.rmSync(created, { recursive: true, force: true });
    else if (targetExists && !fs.existsSync(target)) fs.mkdirSync(target, { mode: 0o700 });
    throw error;
  }
  return { dataDirectory: target, file: path.join(target, name), manifest };
}

/** The target must be missing or an empty folder; answers whether it exists. */
function checkTarget(target: string): boolean {
  const stats = fs.statSync(target, { throwIfNoEntry: false });
  if (stats === undefined) return false;
  if (!stats.isDirectory()) throw backupError('restore_target_not_folder', `${target} is a file, not a folder for the new profile.`, { path: target });
  if (fs.readdirSync(target).length > 0)
    throw backupError('restore_target_not_empty', `${target} is not empty: restore only into a new, empty profile folder, never over an existing one.`, {
      path: target,
    });
  return true;
}

/** Makes the target's parent folder when missing; answers the topmost folder it made (removed on failure), or null. */
function makeParent(parent: string): string | null {
  try {
    // mkdirSync answers the first folder it made: removing it on failure removes them all.
    return fs.mkdirSync(parent, { recursive: true, mode: 0o700 }) ?? null;
  } catch {
    throw backupError('restore_target_not_writable', `The new profile folder ${parent} cannot be created.`, { path: parent });
  }
}

/** What Settings and the command line say after a restore. */
export function restoreOutcome(result: RestoreResult, generation: string): RestoreOutcome {
  return {
    dataDirectory: result.dataDirectory,
    generation: path.basename(path.resolve(generation)),
    createdAt: result.manifest.createdAt,
    collections: result.manifest.collections.length,
    documents: result.manifest.collections.reduce((sum, entry) => sum + entry.documents, 0),
  };
}
