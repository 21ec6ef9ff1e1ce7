/**
 * What a Plaint database occupies on disk, and in what (issue 19: "bytes on the device"). Read
 * through the open connection, since its lock is exclusive:
 * - the WAL is checkpointed and truncated first, so a committed page counts once, in the file,
 *   whichever device has more of it still waiting in the log;
 * - free pages (left by purged copies, never vacuumed) are counted apart from pages in use;
 * - pages in use are attributed by SQLite's own `dbstat` to each table and index, grouped by the
 *   RxDB collection they serve (`rx__<collection>__v<version>…`), so two devices can be compared
 *   collection by collection.
 */
import fs from 'node:fs';
import type { SqliteDatabase } from './sqlite-connection';

export interface StorageFootprint {
  /** The database file after the checkpoint (its WAL is then empty). */
  readonly fileBytes: number;
  readonly walBytes: number;
  readonly pageSize: number;
  /** Pages no table or index uses (a VACUUM would give them back). */
  readonly freeBytes: number;
  /** Bytes of pages in use, per collection (or per SQLite object outside any collection). */
  readonly byCollection: Readonly<Record<string, number>>;
}

/**
 * The collection a table or index belongs to: `rx__cases__v3__i0` → `cases`; every replication's
 * state (RxDB names each `rx-replication-meta-<hash>`) → `rx-replication-meta`; an FTS5 shadow
 * table → its index.
 */
export function collectionOfObject(name: string): string {
  // A primary key's index is SQLite's own: `sqlite_autoindex_<table>_<n>`.
  const collection = /^(?:sqlite_autoindex_)?rx__(.+?)__v\d+/.exec(name)?.[1];
  if (collection?.startsWith('rx-replication-meta-')) return 'rx-replication-meta';
  if (collection !== undefined) return collection;
  return name.replace(/_(data|idx|docsize|config|content)$/, '');
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export function storageFootprint(db: SqliteDatabase, file: string): StorageFootprint {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const freePages = Number(db.pragma('freelist_count', { simple: true }));
  const byCollection: Record<string, number> = {};
  const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
  for (const { name, bytes } of rows) {
    const collection = collectionOfObject(name);
    byCollection[collection] = (byCollection[collection] ?? 0) + bytes;
  }
  return { fileBytes: sizeOf(file), walBytes: sizeOf(`${file}-wal`), pageSize, freeBytes: freePages * pageSize, byCollection };
}
