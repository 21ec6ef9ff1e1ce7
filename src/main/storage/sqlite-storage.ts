/**
 * Plaint's RxDB storage on SQLite (better-sqlite3-multiple-ciphers): durable, indexed, and
 * optionally encrypted at rest. One file per RxDB database: `<directory>/<databaseName>.sqlite`.
 */
import path from 'node:path';
import { ensureRxStorageInstanceParamsAreCorrect, RXDB_VERSION, type RxStorage, type RxStorageInstanceCreationParams } from 'rxdb';
import { openSqliteConnection, releaseSqliteConnection, type SqliteConnectionOptions } from './sqlite-connection';
import { SqliteStorageInstance, type SqliteInstanceOptions, type SqliteInternals } from './sqlite-storage-instance';
import { StorageError, toStorageError } from './storage-errors';
import { createTableLayout, ensureTables } from './table-layout';
import { ensureFullTextIndex, fullTextTableName, type FullTextExtractor } from './full-text';
import { ensureRowTags, type TagExtractor } from './row-tags';

export interface SqliteStorageSettings extends SqliteConnectionOptions {
  /** Folder that holds the database files (the profile's data directory). */
  readonly directory: string;
  /** Collections with a full-text index, and how to get each document's searchable text. */
  readonly fullText?: Readonly<Record<string, FullTextExtractor>>;
  /** Collections whose rows keep tags in their indexes (row-tags.ts), and how to get each document's tags. */
  readonly tags?: Readonly<Record<string, TagExtractor>>;
  /**
   * false: one key–value table per collection, no index columns, every query a scan. Not for the
   * app: bench:storage's plain-SQLite peer under the same RxStorage interface.
   */
  readonly secondaryIndexes?: boolean;
}

export const SQLITE_STORAGE_NAME = 'plaint-sqlite';

export function databaseFilePath(directory: string, databaseName: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(databaseName) || databaseName.includes('..')) {
    throw new StorageError('CANNOT_OPEN', path.join(directory, databaseName), `'${databaseName}' cannot be used as a database file name.`);
  }
  return path.join(directory, `${databaseName}.sqlite`);
}

export function getRxStorageSqlite(settings: SqliteStorageSettings): RxStorage<SqliteInternals, SqliteInstanceOptions> {
  return {
    name: SQLITE_STORAGE_NAME,
    rxdbVersion: RXDB_VERSION,
    async createStorageInstance<T>(params: RxStorageInstanceCreationParams<T, SqliteInstanceOptions>) {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const file = databaseFilePath(settings.directory, params.databaseName);
      const connection = openSqliteConnection(file, settings);
      const tagsOf = (settings.tags?.[params.collectionName] as ((document: unknown) => readonly string[]) | undefined) ?? null;
      const layout = createTableLayout(params.collectionName, params.schema, { secondaryIndexes: settings.secondaryIndexes ?? true, tagged: tagsOf !== null });
      const extract = settings.fullText?.[params.collectionName] as ((document: unknown) => string) | undefined;
      const fullText = extract ? { table: fullTextTableName(layout.documentsTable), extract } : null;
      try {
        ensureTables(connection.db, file, layout);
        if (fullText) ensureFullTextIndex(connection.db, layout.documentsTable, fullText);
        ensureRowTags(connection.db, layout, layout.tagged ? tagsOf : null);
      } catch (error) {
        releaseSqliteConnection(connection);
        throw toStorageError(error, file, `preparing the '${params.collectionName}' collection`);
      }
      return new SqliteStorageInstance<T>(
        params.databaseName,
        params.collectionName,
        params.schema,
        { connection, layout, fullText, tagsOf: layout.tagged ? tagsOf : null },
        params.options,
      );
    },
  };
}
