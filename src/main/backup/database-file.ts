/**
 * Opens a backup's (or a restored profile's) database file on its own, read-only, with the key
 * when the profile is encrypted, runs SQLite's full integrity check and digests every collection
 * (issue 14). Never opens the live profile: that goes through the storage's own connection.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { openWithKey } from '../storage/database-cipher';
import { backupError } from './backup-errors';
import { digestCollections, type CollectionDigest } from './collection-digest';

function isCorrupt(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CORRUPT');
}

export function inspectDatabaseFile(file: string, key?: string): CollectionDigest[] {
  let db: Database.Database | undefined;
  try {
    // Opening alone reads nothing; a missing file fails here.
    new Database(file, { readonly: true, fileMustExist: true }).close();
  } catch {
    throw backupError('backup_not_found', `The backup database ${file} cannot be opened.`, { path: file });
  }
  try {
    // With a key, the profile's cipher is tried first, then ChaCha20 (a backup from before AEGIS).
    db = key === undefined ? new Database(file, { readonly: true, fileMustExist: true }) : openWithKey(file, key, { readonly: true, fileMustExist: true }).db;
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  } catch (error) {
    db?.close();
    // A wrong key and a file that is no database both read as SQLITE_NOTADB; a cut-off or
    // damaged database as SQLITE_CORRUPT.
    if (isCorrupt(error))
      throw backupError('backup_damaged', `The backup database ${file} is damaged: ${error instanceof Error ? error.message : String(error)}.`, { path: file });
    throw backupError('backup_unreadable', `${file} is not a Plaint database, or not one this key opens.`, { path: file });
  }
  const open = db;
  try {
    let problems: string[];
    try {
      problems = (open.pragma('integrity_check(20)') as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      problems = [error instanceof Error ? error.message : String(error)];
    }
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw backupError('backup_damaged', `The backup database ${file} failed SQLite's integrity check: ${problems.join('; ')}.`, { path: file });
    try {
      return digestCollections(open);
    } catch (error) {
      throw backupError(
        'backup_damaged',
        `The backup database ${file} could not be read to the end: ${error instanceof Error ? error.message : String(error)}.`,
        { path: file },
      );
    }
  } finally {
    open.close();
  }
}
