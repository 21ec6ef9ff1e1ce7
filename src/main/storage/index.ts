export { getRxStorageSqlite, databaseFilePath, SQLITE_STORAGE_NAME, type SqliteStorageSettings } from './sqlite-storage';
export { SqliteStorageInstance, MAX_DOCUMENT_JSON_LENGTH } from './sqlite-storage-instance';
export { StorageError, type StorageErrorKind } from './storage-errors';
export { unwrapSqliteInstance } from './unwrap';
export type { FullTextExtractor } from './full-text';
export type { TagExtractor } from './row-tags';
