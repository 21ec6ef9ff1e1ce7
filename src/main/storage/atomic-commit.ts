/**
 * Several collections written in one SQLite transaction: the storage half of a user-level
 * operation that touches more than one collection (a case and its timeline; a letter, its scans
 * and the case it creates). Every collection of a Plaint database lives in the same SQLite file
 * and connection, so one transaction covers them all: after a crash, a full disk or a refused row,
 * either every document of the operation is stored or none is.
 *
 * Change events are announced only after the commit, so RxDB, the change feed and replication
 * never see a part of an operation, nor a write that was rolled back.
 */
import type { BulkWriteRow, RxStorageWriteError } from 'rxdb';
import type { SqliteStorageInstance, CategorizedWrite } from './sqlite-storage-instance';
import { StorageError, toStorageError } from './storage-errors';

export interface AtomicPart<T = unknown> {
  readonly instance: SqliteStorageInstance<T>;
  readonly rows: BulkWriteRow<T>[];
}

/** A row was refused (usually a revision conflict: the document changed since it was read); nothing was written. */
export class AtomicCommitRefused extends Error {
  constructor(readonly errors: readonly RxStorageWriteError<unknown>[]) {
    super(`The change was not saved: ${errors.map((error) => `${error.documentId} (${error.status})`).join(', ')}.`);
    this.name = 'AtomicCommitRefused';
  }

  /** Only revision conflicts: reading again and replanning can succeed. */
  get isConflict(): boolean {
    return this.errors.every((error) => error.status === 409);
  }
}

export function commitAtomically(parts: readonly AtomicPart[], context: string): Promise<void> {
  const first = parts[0];
  if (!first) return Promise.resolve();
  const connection = first.instance.internals.connection;
  if (parts.some((part) => part.instance.internals.connection !== connection)) {
    return Promise.reject(new StorageError('UNKNOWN', connection.file, 'An operation tried to write to two database files at once.'));
  }
  if (parts.some((part) => part.instance.schema.attachments)) {
    return Promise.reject(new StorageError('UNKNOWN', connection.file, 'Atomic writes do not carry RxDB attachments.'));
  }
  const run = (): void => {
    let written: { part: AtomicPart; categorized: CategorizedWrite<unknown> }[];
    try {
      written = connection.db
        .transaction(() =>
          parts.map((part) => {
            const categorized = part.instance.applyRows(part.rows, context);
            if (categorized.errors.length > 0) throw new AtomicCommitRefused(categorized.errors);
            return { part, categorized };
          }),
        )
        .immediate();
    } catch (error) {
      if (error instanceof AtomicCommitRefused) throw error;
      throw toStorageError(error, connection.file, 'saving a change');
    }
    for (const { part, categorized } of written) part.instance.announce(categorized);
  };
  // Writes that had to wait for attachment data are queued; keep the order of calls.
  if (connection.pendingWrites === 0) {
    try {
      run();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
  connection.pendingWrites += 1;
  const result = connection.writeQueue.then(run);
  connection.writeQueue = result.catch(() => undefined).finally(() => (connection.pendingWrites -= 1));
  return result;
}
