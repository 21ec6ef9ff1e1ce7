/** SHA-256 and size of a file, streamed (a backup can be large). */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    const buffer = chunk as Buffer;
    bytes += buffer.length;
    hash.update(buffer);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Makes a written file (or folder entry) durable before it is trusted. */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A folder's entries are durable once it is fsynced; Windows cannot open a folder, and needs not. */
export function fsyncFolder(folder: string): void {
  try {
    fsyncPath(folder);
  } catch {
    // Best effort: NTFS makes renames durable without it.
  }
}
