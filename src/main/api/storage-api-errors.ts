/**
 * Storage failures as errors a user can act on. Before this, the dispatcher passed on only
 * ApiError, so "disk full" became INTERNAL, "see the log file", which cannot even be written when
 * the disk is full (issue 11). The messages name no file: the About panel shows where data lives.
 */
import { ApiError, type ApiErrorCode } from '../../shared/api/errors';
import { StorageError, type StorageErrorKind } from '../storage/storage-errors';

const NOTHING_SAVED = 'Nothing was saved.';

const USER_ERRORS: Partial<Record<StorageErrorKind, { code: ApiErrorCode; message: string }>> = {
  DISK_FULL: {
    code: 'STORAGE_FULL',
    message: `The disk holding Plaint's data is full, so this change was not saved. Free some space on that disk, then try again.`,
  },
  READ_ONLY: {
    code: 'STORAGE_READ_ONLY',
    message: `Plaint's data file is read-only, so this change was not saved. Check that the data folder is writable (its permissions, or a drive mounted read-only), then restart Plaint.`,
  },
  IN_USE: { code: 'STORAGE_BUSY', message: `Another Plaint window or process is using this data. ${NOTHING_SAVED} Close the other one, then try again.` },
  CORRUPT: { code: 'STORAGE_DAMAGED', message: `Plaint's data file is damaged. ${NOTHING_SAVED} Restore it from a backup or contact support.` },
  NOT_A_DATABASE: {
    code: 'STORAGE_DAMAGED',
    message: `Plaint's data file cannot be read: it is damaged or not a Plaint database. ${NOTHING_SAVED} Restore it from a backup or contact support.`,
  },
  IO: {
    code: 'UNAVAILABLE',
    message: `Plaint could not read or write its data file (a disk or network drive error). ${NOTHING_SAVED} Check the drive, then try again.`,
  },
  CANNOT_OPEN: { code: 'UNAVAILABLE', message: `Plaint cannot open its data file. ${NOTHING_SAVED} Check that the data folder exists and is writable.` },
  CLOSED: { code: 'UNAVAILABLE', message: `Plaint's data is closed (the app is shutting down). ${NOTHING_SAVED}` },
};

const MAX_DEPTH = 6;

/**
 * The StorageError in `error` or in what wraps it: RxDB keeps the storage's error in its
 * `parameters` (e.g. `parameters.error`, `parameters.errors`), other code in `cause`.
 */
export function findStorageError(error: unknown, depth = 0): StorageError | null {
  if (error instanceof StorageError) return error;
  if (depth >= MAX_DEPTH || typeof error !== 'object' || error === null) return null;
  const candidates: unknown[] = [];
  if ('cause' in error) candidates.push(error.cause);
  if ('parameters' in error && typeof error.parameters === 'object' && error.parameters !== null) candidates.push(...Object.values(error.parameters));
  if ('errors' in error && Array.isArray(error.errors)) candidates.push(...(error.errors as unknown[]));
  for (const candidate of candidates.flat()) {
    const found = findStorageError(candidate, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The user's error for a storage failure, or null for a bug (a schema mismatch, an invalid document). */
export function storageApiError(error: StorageError): ApiError | null {
  const known = USER_ERRORS[error.kind];
  return known ? new ApiError(known.code, known.message) : null;
}
