/**
 * A backup's database file is checked under its key in whichever cipher it was written (P-7.2,
 * issue 14): AEGIS since AEGIS, ChaCha20 for a backup taken before; a wrong key is refused in words.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { applyKey, type DatabaseCipher } from '../storage/database-cipher';
import { inspectDatabaseFile } from './database-file';

const KEY = crypto.randomBytes(32).toString('hex');
let directory = '';
afterEach(() => {
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
  directory = '';
});

function encryptedFile(cipher: DatabaseCipher): string {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-backup-cipher-'));
  const file = path.join(directory, 'plaint.sqlite');
  const db = new Database(file);
  try {
    applyKey(db, KEY, cipher);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('Philomena Quarrington')");
  } finally {
    db.close();
  }
  return file;
}

describe('checking a backup database file under its key (P-7.2)', () => {
  it.each<DatabaseCipher>(['aegis', 'chacha20'])('opens and checks a %s file', (cipher) => {
    expect(inspectDatabaseFile(encryptedFile(cipher), KEY)).toEqual([]);
  });

  it('refuses a wrong key in words, and a missing file as not found', () => {
    const file = encryptedFile('aegis');
    expect(() => inspectDatabaseFile(file, crypto.randomBytes(32).toString('hex'))).toThrow('is not a Plaint database, or not one this key opens');
    expect(() => inspectDatabaseFile(path.join(directory, 'missing.sqlite'), KEY)).toThrow('cannot be opened');
  });
});
