/**
 * Restore (issue 14): a verified backup generation becomes the database of a NEW profile
 * directory, never the open one. The generation is verified against its manifest first; the
 * copy in the new profile is verified again (size, SHA-256, integrity check, every collection's
 * counts and hash) under a temporary name and only then takes the database's name. Any failure
 * removes what the restore wrote (and the directory, if the restore made it): all or nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RestoreOutcome } from '../../shared/domain/backup';
import { backupError } from './backup-errors';
import { BACKUP_DATABASE_FILE, type BackupManifest } from './backup-manifest';
import { fsyncFolder, fsyncPath } from './file-digest';
import { verifyDatabaseFile, verifyGeneration } from './verify-generation';

export interface RestoreOptions {
  /** The generation folder (`…/plaint-backup-<time>`). */
  readonly from: string;
  /** The new profile directory: missing, or an empty folder. */
  readonly dataDirectory: string;
  /** The database name of the profile (the app's is `plaint`). */
  readonly databaseName?: string;
  /** The key the backed-up profile was encrypted with, if any. */
  readonly key?: string;
}

export interface RestoreResult {
  readonly dataDirectory: string;
  readonly file: string;
  readonly manifest: BackupManifest;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const target = path.resolve(options.dataDirectory);
  const created = prepareTarget(target);
  const manifest = await verifyGeneration(path.resolve(options.from), options.key).catch((error: unknown) => {
    if (created) fs.rmSync(created, { recursive: true, force: true });
    throw error;
  });
  const file = path.join(target, `${options.databaseName ?? 'plaint'}.sqlite`);
  const restoring = path.join(target, '.restoring.sqlite');
  try {
    fs.copyFileSync(path.join(path.resolve(options.from), BACKUP_DATABASE_FILE), restoring, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(restoring, 0o600);
    fsyncPath(restoring);
    await verifyDatabaseFile(restoring, manifest, options.key);
    fs.renameSync(restoring, file);
    fsyncFolder(target);
  } catch (error) {
    if (created) fs.rmSync(created, { recursive: true, force: true });
    else fs.rmSync(restoring, { force: true });
    throw error;
  }
  return { dataDirectory: target, file, manifest };
}

/** The target must not hold anything yet; answers the topmost folder the restore created, or null. */
function prepareTarget(target: string): string | null {
  const stats = fs.statSync(target, { throwIfNoEntry: false });
  if (stats === undefined) {
    try {
      // mkdirSync answers the first folder it made: removing it on failure removes them all.
      return fs.mkdirSync(target, { recursive: true, mode: 0o700 }) ?? target;
    } catch {
      throw backupError('restore_target_not_writable', `The new profile folder ${target} cannot be created.`, { path: target });
    }
  }
  if (!stats.isDirectory()) throw backupError('restore_target_not_folder', `${target} is a file, not a folder for the new profile.`, { path: target });
  if (fs.readdirSync(target).length > 0) throw backupError('restore_target_not_empty', `${target} is not empty: restore only into a new, empty profile folder, never over an existing one.`, { path: target });
  return null;
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
