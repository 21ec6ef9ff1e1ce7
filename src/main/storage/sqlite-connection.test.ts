/**
 * The durability settings every Plaint database connection runs with (see sqlite-connection.ts):
 * WAL journal, every commit fsynced (synchronous=FULL, so a resolved write survives power loss),
 * and the file locked for this process alone.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteConnection, releaseSqliteConnection, type SqliteConnection } from './sqlite-connection';
import { tempDirectory } from './test-support';

let connection: SqliteConnection | null = null;
afterEach(() => {
  if (connection) releaseSqliteConnection(connection);
  connection = null;
});

describe('a database connection', () => {
  it('journals to a WAL, fsyncs every commit and holds the file exclusively', () => {
    connection = openSqliteConnection(path.join(tempDirectory('plaint-connection-'), 'plaint.sqlite'));
    expect(connection.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(connection.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(connection.db.pragma('locking_mode', { simple: true })).toBe('exclusive');
  });

  it('uses NORMAL only when asked to (the benchmark comparison)', () => {
    connection = openSqliteConnection(path.join(tempDirectory('plaint-connection-'), 'plaint.sqlite'), { synchronous: 'NORMAL' });
    expect(connection.db.pragma('synchronous', { simple: true })).toBe(1);
  });
});
