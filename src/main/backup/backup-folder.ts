/**
 * The folder an administrator picks for backups (issue 14) must exist, be a folder, and take a
 * new file; each way it can fail is its own error, found before anything is written.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupError } from './backup-errors';

export function checkBackupFolder(folder: string): string {
  if (!path.isAbsolute(folder)) throw backupError('backup_folder_not_absolute', `The backup folder must be a full path, not '${folder}'.`, { path: folder });
  let stats: fs.Stats;
  try {
    stats = fs.statSync(folder);
  } catch {
    throw backupError('backup_folder_missing', `The backup folder ${folder} does not exist.`, { path: folder });
  }
  if (!stats.isDirectory()) throw backupError('backup_folder_not_folder', `${folder} is a file, not a folder.`, { path: folder });
  // access(W_OK) is not enough (ACLs, read-only mounts): try a file, and remove it.
  const probe = path.join(folder, `.plaint-write-test-${randomBytes(6).toString('hex')}`);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx' });
  } catch {
    throw backupError('backup_folder_not_writable', `Plaint cannot write to the backup folder ${folder}.`, { path: folder });
  }
  fs.rmSync(probe, { force: true });
  return path.resolve(folder);
}
