/**
 * The profile's RxDB database: the SQLite storage in the data directory, with schema validation
 * (every write is checked against its collection's JSON schema before it reaches the storage) and
 * schema migrations. Opening never throws at the caller: a damaged, locked or unreadable file is
 * reported as the database status, and the file is left as it is.
 */
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { DatabaseStatus } from '../../shared/api/types/app';
import type { Logger } from '../logging/logger';
import { databaseFilePath, getRxStorageSqlite, type SqliteStorageSettings } from '../storage';
import { StorageError } from '../storage/storage-errors';
import { collectionsFromNewerVersion } from './schema-versions';

export const DATABASE_NAME = 'plaint';

export const NEWER_VERSION_MESSAGE =
  'This data was saved by a newer version of Plaint, which this version cannot read. Update Plaint to open it. Nothing has been changed.';

let pluginsAdded = false;
function addPlugins(): void {
  if (pluginsAdded) return;
  addRxPlugin(RxDBMigrationSchemaPlugin);
  addRxPlugin(RxDBAttachmentsPlugin);
  addRxPlugin(RxDBUpdatePlugin);
  addRxPlugin(RxDBLocalDocumentsPlugin);
  pluginsAdded = true;
}

export interface OpenedDatabase {
  readonly database: RxDatabase | null;
  readonly status: DatabaseStatus;
}

export interface OpenDatabaseOptions {
  readonly dataDirectory: string;
  readonly logger: Logger;
  /** Encryption at rest (P-7.2): a key from the OS keychain; absent for a plain file. */
  readonly key?: string;
  /**
   * RxDB allows one open database per name in a process; the app has one, but tests that run
   * two devices side by side give the second another name (its file is named after it too).
   */
  readonly name?: string;
  /** The text each searchable collection's documents are found by (the domain's caseSearchText for cases). */
  readonly fullText: NonNullable<SqliteStorageSettings['fullText']>;
  /** Collections whose rows keep tags for fast need-to-know reads (storage/row-tags.ts). */
  readonly tags?: SqliteStorageSettings['tags'];
}

export async function openPlaintDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  addPlugins();
  const name = options.name ?? DATABASE_NAME;
  const file = databaseFilePath(options.dataDirectory, name);
  try {
    const storage = wrappedValidateAjvStorage({
      storage: getRxStorageSqlite({
        directory: options.dataDirectory,
        fullText: options.fullText,
        ...(options.tags ? { tags: options.tags } : {}),
        ...(options.key ? { key: options.key } : {}),
      }),
    });
    const database = await createRxDatabase({
      name,
      storage,
      multiInstance: false,
      eventReduce: true,
      allowSlowCount: true,
      closeDuplicates: true,
      localDocuments: true,
    });
    const newer = await collectionsFromNewerVersion(database);
    if (newer.length > 0) {
      // Refused before any collection is added, so nothing is written to the newer data.
      await database.close();
      options.logger.error('Database written by a newer version of Plaint', { file, collections: newer });
      return { database: null, status: { state: 'error', file, message: NEWER_VERSION_MESSAGE } };
    }
    options.logger.info('Database opened', { file });
    return { database, status: { state: 'ready', file, message: null } };
  } catch (error) {
    const message =
      error instanceof StorageError ? error.message : `The database could not be opened: ${error instanceof Error ? error.message : String(error)}`;
    options.logger.error('Database could not be opened', { file, error: message });
    return { database: null, status: { state: 'error', file, message } };
  }
}
