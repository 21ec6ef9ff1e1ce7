/**
 * A Plaint database in a throw-away folder with the file collections and a file store on it, for
 * the tests of the file store and of file contents on demand (issue 19).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RxDatabase } from 'rxdb';
import { openPlaintDatabase } from '../../database/plaint-database';
import { createMemoryLogger } from '../../logging/logger';
import { addFileCollections, FileStore, type FileCollections } from '../file-store';

export interface FileDatabase {
  readonly database: RxDatabase;
  readonly collections: FileCollections;
  readonly store: FileStore;
  /** Closes the database and removes its folder. */
  close(): Promise<void>;
}

export async function openFileDatabase(prefix: string): Promise<FileDatabase> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const opened = await openPlaintDatabase({ dataDirectory: directory, logger: createMemoryLogger(), fullText: {} });
  if (!opened.database) throw new Error(opened.status.message ?? 'no database');
  const database = opened.database;
  const collections = await addFileCollections(database);
  return {
    database,
    collections,
    store: new FileStore(collections),
    async close() {
      await database.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
