/**
 * The durability settings every Plaint database connection runs with (see sqlite-connection.ts):
 * WAL journal, every commit fsynced (synchronous=FULL, so a resolved write survives power loss),
 * and the file locked for this process alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteConnection, releaseSqliteConnection, WAL_SIZE_LIMIT_BYTES, type SqliteConnection } from './sqlite-connection';
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

  it('locks a reopened database against a second process from the moment it opens, not at its first write', () => {
    // A profile reopened at the next start is already in WAL mode, so switching the journal takes
    // no lock; without the immediate transaction at open, another process could read and write it.
    const file = path.join(tempDirectory('plaint-connection-'), 'plaint.sqlite');
    releaseSqliteConnection(openSqliteConnection(file));
    connection = openSqliteConnection(file);
    const other = new Database(file, { timeout: 50 });
    try {
      expect(() => other.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    } finally {
      other.close();
    }
  });

  it('refuses an empty encryption key rather than opening the file unencrypted (P-7.2)', () => {
    const file = path.join(tempDirectory('plaint-connection-'), 'plaint.sqlite');
    expect(() => openSqliteConnection(file, { key: '' })).toThrow(
      expect.objectContaining({ kind: 'UNKNOWN', message: 'An empty encryption key is not allowed.' }),
    );
  });

  it("gives the WAL back after a large write once it is checkpointed, so a device does not keep its first sync's burst (issue 19)", () => {
    const file = path.join(tempDirectory('plaint-connection-'), 'plaint.sqlite');
    connection = openSqliteConnection(file);
    const { db } = connection;
    db.exec('CREATE TABLE burst (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO burst (body) VALUES (?)');
    // One transaction of about 8 MB, larger than the automatic checkpoint's 1000 pages: the WAL grows to hold it.
    db.transaction(() => {
      for (let index = 0; index < 2_000; index += 1) insert.run('x'.repeat(4_000));
    })();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(4 * WAL_SIZE_LIMIT_BYTES);
    // The automatic checkpoint ran at that commit; the next write starts the log again from the top, cut back to the limit.
    insert.run('small');
    expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES);
  });

  it('uses NORMAL only when asked to (the benchmark comparison)', () => {
    connection = openSqliteConnection(path.join(tempDirectory('plaint-connection-'), 'plaint.sqlite'), { synchronous: 'NORMAL' });
    expect(connection.db.pragma('synchronous', { simple: true })).toBe(1);
  });
});
