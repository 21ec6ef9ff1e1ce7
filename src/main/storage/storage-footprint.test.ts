/**
 * Bytes on a device, measured honestly (issue 19, storage-footprint.ts): committed pages count
 * once, in the file, however much of them still waits in the WAL; free pages are told apart from
 * pages in use; pages in use are attributed to the RxDB collection whose table or index holds them.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteConnection, openSqliteConnections, releaseSqliteConnection, type SqliteConnection } from './sqlite-connection';
import { collectionOfObject, storageFootprint } from './storage-footprint';
import { tempDirectory } from './test-support';

let connection: SqliteConnection | null = null;
afterEach(() => {
  if (connection) releaseSqliteConnection(connection);
  connection = null;
});

describe('the storage footprint', () => {
  it('names the collection of each table and index, and of a full-text index by its shadow tables', () => {
    expect(collectionOfObject('rx__cases__v3')).toBe('cases');
    expect(collectionOfObject('rx__cases__v3__i0_tags')).toBe('cases');
    expect(collectionOfObject('sqlite_autoindex_rx__cases__v3_1')).toBe('cases');
    expect(collectionOfObject('rx__rx-replication-meta-abc__v0__changes')).toBe('rx-replication-meta');
    expect(collectionOfObject('fts_cases_data')).toBe('fts_cases');
    expect(collectionOfObject('plaint_rx_tables')).toBe('plaint_rx_tables');
  });

  it('counts committed pages in the file after a checkpoint, per collection, and free pages apart', () => {
    const file = path.join(tempDirectory('plaint-footprint-'), 'plaint.sqlite');
    connection = openSqliteConnection(file);
    expect(openSqliteConnections()).toContain(connection);
    const { db } = connection;
    db.exec('CREATE TABLE "rx__cases__v0" (id TEXT PRIMARY KEY, doc TEXT NOT NULL, i0 BLOB NOT NULL)');
    db.exec('CREATE INDEX "rx__cases__v0__i0" ON "rx__cases__v0" (i0)');
    db.exec('CREATE TABLE "rx__staff__v0" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO "rx__cases__v0" (id, doc, i0) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let index = 0; index < 2_000; index += 1) insert.run(`case-${index}`, 'x'.repeat(400), Buffer.from(`key-${index}`));
    })();
    db.prepare('INSERT INTO "rx__staff__v0" (id, doc) VALUES (?, ?)').run('staff-1', '{}');

    const full = storageFootprint(db, file);
    // Nothing left in the log: each committed page is counted once, in the file.
    expect(full.walBytes).toBe(0);
    expect(full.freeBytes).toBe(0);
    expect(full.byCollection['cases']).toBeGreaterThan(2_000 * 400);
    expect(Object.keys(full.byCollection).filter((name) => name.startsWith('sqlite_autoindex'))).toEqual([]);
    // One row: a page for its table and one for its primary key's index.
    expect(full.byCollection['staff']).toBe(2 * full.pageSize);
    const inUse = Object.values(full.byCollection).reduce((sum, bytes) => sum + bytes, 0);
    // Every page of the file is a table's or an index's (the schema's own included): nothing is left uncounted.
    expect(inUse).toBe(full.fileBytes);

    db.exec('DELETE FROM "rx__cases__v0" WHERE id >= \'case-1\'');
    const emptied = storageFootprint(db, file);
    // The file keeps its size; the pages the deleted rows held are free, not in use by the collection.
    expect(emptied.fileBytes).toBe(full.fileBytes);
    expect(emptied.freeBytes).toBeGreaterThan(1_000 * 400);
    // One row left: a page each for the table, its primary key and its index.
    expect(emptied.byCollection['cases']).toBe(3 * emptied.pageSize);
  });
});
