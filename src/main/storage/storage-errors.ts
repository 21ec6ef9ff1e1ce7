/**
 * SQLite failures turned into errors a user (and the start-up screen) can act on. The database
 * file is never deleted or overwritten because of one of these errors.
 */
export type StorageErrorKind =
  'IN_USE' | 'NOT_A_DATABASE' | 'CORRUPT' | 'DISK_FULL' | 'READ_ONLY' | 'CANNOT_OPEN' | 'IO' | 'CLOSED' | 'INVALID_DOCUMENT' | 'SCHEMA_MISMATCH' | 'UNKNOWN';

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  readonly file: string;
  readonly sqliteCode: string | null;

  constructor(kind: StorageErrorKind, file: string, message: string, options: { cause?: unknown; sqliteCode?: string | null } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StorageError';
    this.kind = kind;
    this.file = file;
    this.sqliteCode = options.sqliteCode ?? null;
  }
}

function sqliteCodeOf(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return null;
}

/** Maps an error thrown by better-sqlite3 to a StorageError; `doing` says what was attempted. */
export function toStorageError(error: unknown, file: string, doing: string): StorageError {
  if (error instanceof StorageError) return error;
  const code = sqliteCodeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  const make = (kind: StorageErrorKind, message: string): StorageError => new StorageError(kind, file, message, { cause: error, sqliteCode: code });
  switch (true) {
    case code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code?.startsWith('SQLITE_BUSY_') === true:
      return make(
        'IN_USE',
        `The database ${file} is in use by another Plaint process (${doing}). Close the other window or process using this data directory and try again.`,
      );
    case code === 'SQLITE_NOTADB':
      return make(
        'NOT_A_DATABASE',
        `The file ${file} is not a readable Plaint database: it is damaged, not a database, or encrypted with a different key (${doing}). It has not been changed.`,
      );
    case code === 'SQLITE_CORRUPT' || code?.startsWith('SQLITE_CORRUPT_') === true:
      return make('CORRUPT', `The database ${file} is damaged (${doing}: ${detail}). It has not been changed; restore it from a backup or contact support.`);
    case code === 'SQLITE_FULL':
      return make('DISK_FULL', `The disk holding ${file} is full, so the change was not saved (${doing}). Free some space and try again.`);
    case code === 'SQLITE_READONLY' || code?.startsWith('SQLITE_READONLY_') === true:
      return make('READ_ONLY', `The database ${file} is read-only, so the change was not saved (${doing}). Check the file's permissions.`);
    case code === 'SQLITE_CANTOPEN' || code?.startsWith('SQLITE_CANTOPEN_') === true:
      return make('CANNOT_OPEN', `The database ${file} cannot be opened (${doing}: ${detail}). Check that the folder exists and is writable.`);
    case code === 'SQLITE_IOERR' || code?.startsWith('SQLITE_IOERR_') === true:
      return make('IO', `Reading or writing ${file} failed (${doing}: ${detail}).`);
    default:
      return make('UNKNOWN', `Database error while ${doing} in ${file}: ${detail}`);
  }
}
