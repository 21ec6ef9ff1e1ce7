/**
 * The open profile's SQLite connection, reached through RxDB's own metadata store: the file is
 * opened with EXCLUSIVE locking, so a backup must read it through this connection.
 */
import type { RxDatabase } from 'rxdb';
import { unwrapSqliteInstance } from '../storage';
import type { SqliteDatabase } from '../storage/sqlite-connection';

export function profileConnection(database: RxDatabase): SqliteDatabase {
  const instance = unwrapSqliteInstance<unknown>(database.internalStore);
  if (!instance) throw new Error(`The database ${database.name} is not on Plaint's SQLite storage, so it cannot be backed up.`);
  return instance.internals.connection.db;
}
