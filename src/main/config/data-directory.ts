/**
 * Where a profile keeps its database, scans and logs. The desktop app defaults to Electron's
 * user-data directory; `--data-dir <path>` overrides it (tests, demo data, several profiles).
 */
import fs from 'node:fs';
import path from 'node:path';

export const DATA_DIR_FLAG = '--data-dir';

/** Reads `--data-dir <path>` or `--data-dir=<path>` from a command line; null when absent. */
export function readDataDirectoryArgument(argv: readonly string[]): string | null {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === DATA_DIR_FLAG) {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new Error(`${DATA_DIR_FLAG} needs a directory path after it`);
      }
      return path.resolve(next);
    }
    if (arg.startsWith(`${DATA_DIR_FLAG}=`)) {
      const value = arg.slice(DATA_DIR_FLAG.length + 1);
      if (value === '') throw new Error(`${DATA_DIR_FLAG}= needs a directory path`);
      return path.resolve(value);
    }
  }
  return null;
}

/**
 * Creates the directory when missing and proves it is writable, with a message a user can act on.
 * It holds personal data, so it is private to the OS user (P-7.2): 0700, also when it existed.
 */
export function prepareDataDirectory(directory: string): string {
  const absolute = path.resolve(directory);
  try {
    fs.mkdirSync(absolute, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') fs.chmodSync(absolute, 0o700);
    fs.accessSync(absolute, fs.constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Plaint cannot use the data directory ${absolute}: ${reason}`, { cause: error });
  }
  return absolute;
}
