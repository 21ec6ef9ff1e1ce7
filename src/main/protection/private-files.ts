/**
 * Files that hold personal data are private to the OS user (P-7.2): the data directory 0700 and
 * every file Plaint writes in it 0600, whatever the process's umask. Windows has no POSIX modes
 * (its profile directory is already per user), so there the calls change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIRECTORY_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function makePrivateDirectory(directory: string): void {
  fs.mkdirSync(directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  fs.chmodSync(directory, PRIVATE_DIRECTORY_MODE);
}

/** Creates the file empty when missing (SQLite gives its -wal and -shm the database file's mode) and makes it 0600. */
export function makePrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Writes a file whole or not at all: a temporary file, fsynced, renamed over the old one, and the directory fsynced. */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = fs.openSync(temporary, 'w', PRIVATE_FILE_MODE);
  try {
    fs.writeFileSync(handle, content);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(path.dirname(file));
}

/** The temporaries `writeFileAtomically` names for `file`: `<file>.<pid>.<time>.tmp`. */
function isTemporaryOf(file: string, name: string): boolean {
  const base = path.basename(file);
  return name.startsWith(`${base}.`) && /^\.\d+\.\d+\.tmp$/.test(name.slice(base.length));
}

/**
 * Removes the temporaries a killed write of `file` left behind. They may hold key material (P-7.2),
 * so they must not outlive the write. Call it only while no other writer can be at work: at start,
 * under the single-instance lock.
 */
export function removeAbandonedTemporaries(file: string): void {
  const directory = path.dirname(file);
  if (!fs.existsSync(directory)) return;
  for (const name of fs.readdirSync(directory)) {
    if (isTemporaryOf(file, name)) fs.rmSync(path.join(directory, name), { force: true });
  }
}

/** Flushes a written file to the disk, so a rename that follows cannot outlive its content. */
export function syncFile(file: string): void {
  const handle = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/** Flushes a directory's entries, so a rename in it survives a power cut (not on Windows, where a directory cannot be opened). */
export function syncDirectory(directory: string): void {
  if (process.platform === 'win32') return;
  const handle = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/** The chunk of a copy between two progress reports (and two turns of the event loop). */
const COPY_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Copies `from` to a new private file `to` and fsyncs it: the backup a start-up upgrade makes
 * before it changes anything (P-7.2). Asynchronous and in chunks, so `onBytes` can tell the window
 * how far it is and the window's events get through between chunks. The copy is truncated first:
 * a half-made copy from a killed start never survives into it.
 */
export async function copyPrivateFile(from: string, to: string, onBytes?: (bytes: number, of: number) => void): Promise<void> {
  const { size } = await fs.promises.stat(from);
  const source = await fs.promises.open(from, 'r');
  try {
    const target = await fs.promises.open(to, 'w', PRIVATE_FILE_MODE);
    try {
      await target.chmod(PRIVATE_FILE_MODE);
      const buffer = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      let copied = 0;
      onBytes?.(0, size);
      for (;;) {
        const { bytesRead } = await source.read(buffer, 0, buffer.length, copied);
        if (bytesRead === 0) break;
        await target.write(buffer, 0, bytesRead, copied);
        copied += bytesRead;
        onBytes?.(copied, Math.max(size, copied));
      }
      await target.sync();
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
