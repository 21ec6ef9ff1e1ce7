/**
 * The cipher of an encrypted Plaint database (P-7.2, issue 14): new files are AEGIS-256, an
 * authenticated cipher, so a changed byte is refused with a clear error rather than read as
 * garbage; a file from before (ChaCha20) still opens; a wrong key opens nothing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey, openWithKey } from './database-cipher';
import { openSqliteConnection, releaseSqliteConnection, type SqliteConnection } from './sqlite-connection';
import { tempDirectory } from './test-support';

const KEY = crypto.randomBytes(32).toString('hex');
const PAGE = 4096;

let connection: SqliteConnection | null = null;
afterEach(() => {
  if (connection) releaseSqliteConnection(connection);
  connection = null;
});

/** An encrypted database through Plaint's connection, some pages of rows, closed (the WAL checkpointed into the file). */
function writtenDatabase(key = KEY): string {
  const file = path.join(tempDirectory('plaint-cipher-'), 'plaint.sqlite');
  const written = openSqliteConnection(file, { key });
  written.db.exec('CREATE TABLE cases (id TEXT PRIMARY KEY, complainant TEXT)');
  const insert = written.db.prepare('INSERT INTO cases VALUES (?, ?)');
  written.db.transaction(() => {
    for (let index = 0; index < 400; index += 1) insert.run(`case-${index}`, `Philomena Quarrington ${index} ${'x'.repeat(60)}`);
  })();
  releaseSqliteConnection(written);
  return file;
}

function opensWith(file: string, cipher: 'aegis' | 'chacha20', key = KEY): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key, cipher);
    return Number(db.prepare('SELECT count(*) FROM cases').pluck().get()) === 400;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe('the cipher of an encrypted database (P-7.2)', () => {
  it('is AEGIS for a new file: AEGIS opens it, ChaCha20 (the library default) does not', () => {
    const file = writtenDatabase();
    expect(opensWith(file, 'aegis')).toBe(true);
    expect(opensWith(file, 'chacha20')).toBe(false);
    expect(fs.readFileSync(file).includes(Buffer.from('Philomena'))).toBe(false);
    connection = openSqliteConnection(file, { key: KEY });
    expect(connection.cipher).toBe('aegis');
  });

  it('refuses a file with one byte changed, with a clear error, instead of reading garbage', () => {
    const file = writtenDatabase();
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(4 * PAGE);
    // One bit in the middle of the third page (a page of rows), as a bad sector or a tamperer would.
    bytes[2 * PAGE + 1000] = (bytes[2 * PAGE + 1000] ?? 0) ^ 0x01;
    fs.writeFileSync(file, bytes);
    expect(() => openSqliteConnection(file, { key: KEY })).toThrow(
      expect.objectContaining({ kind: 'CORRUPT', message: expect.stringContaining('is damaged') }),
    );
    // Read directly, the changed page is refused too (SQLITE_CORRUPT), not returned.
    const { db } = openWithKey(file, KEY, { readonly: true });
    try {
      // By the primary key's index, then each row: every page of both is read.
      expect(() => db.prepare('SELECT id, complainant FROM cases ORDER BY id').all()).toThrow(expect.objectContaining({ code: 'SQLITE_CORRUPT' }));
    } finally {
      db.close();
    }
  });

  it('refuses a wrong key with "not a readable Plaint database", trying each cipher, and leaves the file as it was', () => {
    const file = writtenDatabase();
    const before = fs.readFileSync(file);
    expect(() => openSqliteConnection(file, { key: crypto.randomBytes(32).toString('hex') })).toThrow(
      expect.objectContaining({ kind: 'NOT_A_DATABASE', message: expect.stringContaining('encrypted with a different key') }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    connection = openSqliteConnection(file, { key: KEY });
    expect(Number(connection.db.prepare('SELECT count(*) FROM cases').pluck().get())).toBe(400);
  });

  it('still opens a file encrypted before AEGIS (ChaCha20, the library default), with the rows of its WAL', () => {
    // As Plaint wrote it before: the key with no cipher named, WAL, and the last commit still in the WAL.
    const directory = tempDirectory('plaint-cipher-');
    const file = path.join(directory, 'plaint.sqlite');
    const old = new Database(file);
    old.pragma(`key='${KEY}'`);
    old.pragma('journal_mode = WAL');
    old.exec("CREATE TABLE cases (id TEXT PRIMARY KEY, complainant TEXT); INSERT INTO cases VALUES ('case-1', 'Philomena Quarrington')");
    old.pragma('wal_autocheckpoint = 0');
    old.exec("INSERT INTO cases VALUES ('case-2', 'Philomena Quarrington')");
    // A copy taken while it is open: the file and its WAL as a killed app leaves them.
    const copy = path.join(directory, 'killed.sqlite');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    old.close();
    connection = openSqliteConnection(copy, { key: KEY });
    expect(connection.cipher).toBe('chacha20');
    expect(connection.db.prepare('SELECT id FROM cases ORDER BY id').pluck().all()).toEqual(['case-1', 'case-2']);
  });
});
