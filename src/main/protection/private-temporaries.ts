/**
 * Issue 14 (P-7.2): nothing personal is left in the system's temporary folders. Plaint makes its
 * letters, labels, reports, exports and archives in memory and hands them over as bytes; the one
 * file it cannot keep off the disk is Chromium's own: a print job (batch print, labels, the
 * monthly report) is spooled as a PDF file before the OS printer takes it. The Electron adapter
 * therefore points the process's temporary folder (Chromium's `temp` path and TMPDIR/TMP/TEMP
 * for libraries and child processes) at a folder inside the profile that only the OS user can
 * enter (0700; Chromium creates its spool files 0600 and deletes them after the job). Anything a
 * killed process left there is removed at the next start, under the single-instance lock, before
 * anything else can use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDirectory } from './private-files';

/** The private temporary folder's name inside the profile's data directory. */
export const PRIVATE_TEMPORARY_FOLDER = 'temporary';

export function privateTemporaryFolder(dataDirectory: string): string {
  return path.join(dataDirectory, PRIVATE_TEMPORARY_FOLDER);
}

/**
 * Makes the profile's private temporary folder (0700) and empties it of what an earlier run left
 * (a print spool after a crash). Call it only under the single-instance lock: another running
 * Plaint on the same profile may be using it. Returns its path.
 */
export function preparePrivateTemporaries(dataDirectory: string): string {
  const folder = privateTemporaryFolder(dataDirectory);
  makePrivateDirectory(folder);
  for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  return folder;
}

/** The environment variables through which Node (os.tmpdir()), GLib and child processes find the temporary folder. */
export const TEMPORARY_FOLDER_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'] as const;
