/**
 * "Back up now" (issue 14): an online, consistent copy of the whole open database, written as a
 * new generation in the backup folder, verified, and only then given its final name; older
 * generations beyond `keep` are deleted after that.
 *
 * The copy is SQLite's `VACUUM INTO` on the storage's own connection (the file is opened with
 * EXCLUSIVE locking, so no second connection could read it). It reads one snapshot in a single
 * read transaction, so writes before it are in the copy and writes after it are not: the copy is
 * consistent while cases are being written. Unlike better-sqlite3's `backup()`, whose destination
 * connection has no key and which SQLite3MultipleCiphers therefore refuses for an encrypted source,
 * `VACUUM INTO` writes the copy encrypted with the profile's own key (plain for a plain profile).
 *
 * An encrypted profile's generation also holds its key file (backup-key-file.ts): the keys stay
 * wrapped, and the copy can be opened where the profile could.
 *
 * All or nothing: everything is written under a `.partial` name; a failure removes it, and an
 * interruption leaves only a `.partial` folder, which never counts as a generation.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SqliteDatabase } from '../storage/sqlite-connection';
import { backupError } from './backup-errors';
import { copyKeyFile } from './backup-key-file';
import { checkBackupFolder } from './backup-folder';
import { BACKUP_DATABASE_FILE, buildManifest, MANIFEST_FILE, type BackupManifest } from './backup-manifest';
import { inspectDatabaseFile } from './database-file';
import { fileDigest, fsyncFolder, fsyncPath } from './file-digest';
import { generationName, partialName, pruneGenerations, removePartials } from './generations';
import { verifyGeneration } from './verify-generation';

export interface TakeBackupOptions {
  /** The open profile's connection (the storage's; see backup-service.ts). */
  readonly db: SqliteDatabase;
  /** The profile's encryption key, when it has one (needed to verify the copy). */
  readonly key?: string;
  /** The profile's key file: an encrypted profile's backup carries its (wrapped) key slots. */
  readonly keyFile?: string;
  readonly folder: string;
  /** How many generations to keep (the newest). */
  readonly keep: number;
  readonly appName: string;
  readonly appVersion: string;
  readonly now: Date;
}

export interface BackupResult {
  readonly generation: string;
  readonly path: string;
  readonly manifest: BackupManifest;
  /** Older generations deleted after this one was verified. */
  readonly pruned: readonly string[];
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export async function takeBackup(options: TakeBackupOptions): Promise<BackupResult> {
  if (!Number.isInteger(options.keep) || options.keep < 1)
    throw backupError('too_small', `Keep at least one backup generation (got ${options.keep}).`, { minimum: 1 });
  const folder = checkBackupFolder(options.folder);
  removePartials(folder);
  const name = generationName(folder, options.now);
  const partial = path.join(folder, partialName(name));
  const final = path.join(folder, name);
  fs.mkdirSync(partial, { mode: 0o700 });
  try {
    const file = path.join(partial, BACKUP_DATABASE_FILE);
    copyDatabase(options.db, file);
    const collections = inspectDatabaseFile(file, options.key);
    const digest = await fileDigest(file);
    const keyFile = options.key === undefined ? undefined : await copyKeyFile(options.keyFile, partial);
    const manifest = buildManifest({
      appName: options.appName,
      appVersion: options.appVersion,
      createdAt: options.now.toISOString(),
      fileBytes: digest.bytes,
      fileSha256: digest.sha256,
      encrypted: options.key !== undefined,
      ...(keyFile ? { keyFile } : {}),
      collections,
    });
    const manifestFile = path.join(partial, MANIFEST_FILE);
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    fsyncPath(manifestFile);
    fsyncFolder(partial);
    await verifyGeneration(partial, options.key);
    fs.renameSync(partial, final);
    fsyncFolder(folder);
    return { generation: name, path: final, manifest, pruned: pruneGenerations(folder, options.keep) };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** The consistent copy, private to the OS user and fsynced before it is trusted. */
function copyDatabase(db: SqliteDatabase, file: string): void {
  try {
    db.exec(`VACUUM INTO ${quote(file)}`);
  } catch (error) {
    throw backupError('backup_failed', `SQLite could not copy the database to ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      path: file,
    });
  }
  fs.chmodSync(file, 0o600);
  fsyncPath(file);
}
