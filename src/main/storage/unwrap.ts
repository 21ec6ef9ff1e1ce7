/** Finds Plaint's SQLite instance under RxDB's wrappers (validation, the collection's own). */
import { SqliteStorageInstance } from './sqlite-storage-instance';

export function unwrapSqliteInstance<T>(instance: unknown): SqliteStorageInstance<T> | null {
  let current = instance;
  for (let depth = 0; depth < 10 && current; depth += 1) {
    if (current instanceof SqliteStorageInstance) return current as SqliteStorageInstance<T>;
    current = (current as { originalStorageInstance?: unknown }).originalStorageInstance;
  }
  return null;
}
