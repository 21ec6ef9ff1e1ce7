/**
 * Issue 14, subject access: where the archive goes, and writing it all or nothing. The path is
 * checked before anything is read (a full path ending in .zip, in a folder that exists and takes a
 * new file; an existing file only when the person chose to replace it). The archive is written
 * beside its final name under a hidden `.partial` name, made durable, then renamed: a failure
 * removes the partial file, so no half archive is ever left, and nothing is written to a temporary
 * folder of the system.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../shared/domain/domain-error';
import type { IssueCode } from '../../shared/domain/issue-codes';

function refused(code: IssueCode, message: string, target: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, [{ path: 'destination', code, message, params: { path: target } }]);
}

export function checkDestination(destination: string, overwrite: boolean): string {
  if (!path.isAbsolute(destination)) throw refused('subject_access_not_absolute', `The archive must be a full path, not '${destination}'.`, destination);
  const target = path.resolve(destination);
  if (path.extname(target).toLowerCase() !== '.zip') throw refused('subject_access_not_zip', `The archive's name must end in .zip (${target}).`, target);
  const folder = path.dirname(target);
  let stats: fs.Stats;
  try {
    stats = fs.statSync(folder);
  } catch {
    throw refused('subject_access_folder_missing', `The folder ${folder} does not exist.`, folder);
  }
  if (!stats.isDirectory()) throw refused('subject_access_folder_missing', `${folder} is not a folder.`, folder);
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing && (!overwrite || !existing.isFile())) throw refused('subject_access_file_exists', `${target} already exists.`, target);
  // access(W_OK) is not enough (ACLs, read-only mounts): try a file, and remove it.
  const probe = partialName(target);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx', mode: 0o600 });
  } catch {
    throw refused('subject_access_folder_not_writable', `Plaint cannot write to the folder ${folder}.`, folder);
  }
  fs.rmSync(probe, { force: true });
  return target;
}

function partialName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface WrittenArchive {
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Opens the partial file and lets `produce` stream the archive into it, makes it durable and
 * renames it. On any failure the partial file is removed: a refusal of the export's own (a damaged
 * scan) is passed on as it is; anything else (the disk) is `subject_access_write_failed`.
 */
export async function writeArchive(target: string, produce: (sink: (chunk: Uint8Array) => void) => Promise<void>): Promise<WrittenArchive> {
  const partial = partialName(target);
  const hash = createHash('sha256');
  let bytes = 0;
  let fd: number | null = null;
  try {
    fd = fs.openSync(partial, 'wx', 0o600);
    const handle = fd;
    await produce((chunk) => {
      for (let offset = 0; offset < chunk.length;) offset += fs.writeSync(handle, chunk, offset);
      hash.update(chunk);
      bytes += chunk.length;
    });
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(partial, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const message = `The archive could not be written to ${target}: ${reason}`;
    throw new DomainError('UNAVAILABLE', message, [{ path: 'destination', code: 'subject_access_write_failed', message, params: { path: target } }]);
  }
  try {
    fsyncPath(path.dirname(target));
  } catch {
    // Best effort: Windows cannot open a folder, and NTFS makes renames durable without it.
  }
  return { bytes, sha256: hash.digest('hex') };
}
