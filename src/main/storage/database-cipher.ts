/**
 * Which SQLite3MultipleCiphers cipher encrypts a Plaint database, and how a key is given to a
 * connection (P-7.2, issue 14).
 *
 * - New profiles use AEGIS-256 (`cipher=aegis`, SQLite3MultipleCiphers ≥ 2.0): an authenticated
 *   cipher, so a changed byte in the file is refused (SQLITE_CORRUPT), not read as garbage, and
 *   with AES-NI it costs little more than plain SQLite on bulk writes. ChaCha20-Poly1305, the
 *   library's default and the cipher of every profile made before, cost about 2× on bulk writes
 *   (each page is encrypted in the WAL and again at the checkpoint): see the README's
 *   "What the key costs".
 * - The cipher is not written in the file, so a file is opened by trying the current cipher
 *   first and then the earlier one. A ChaCha20 profile still opens (a backup, a restore, or a
 *   profile whose cipher upgrade failed), and `cipher-upgrade.ts` moves it to AEGIS at its start.
 * - The key (a random 256-bit key as hex) is given as a passphrase; each cipher derives its page
 *   key from it with the file's own salt (AEGIS: Argon2id), once per open.
 */
import Database from 'better-sqlite3-multiple-ciphers';

export type DatabaseCipher = 'aegis' | 'chacha20';

/** The cipher of new profiles, of backups taken from them, and of a profile after its upgrade. */
export const PROFILE_CIPHER: DatabaseCipher = 'aegis';

/** Ciphers an existing file may be in, in the order they are tried: the current one first. */
export const KNOWN_CIPHERS: readonly DatabaseCipher[] = [PROFILE_CIPHER, 'chacha20'];

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Gives the connection its cipher and key; the next read shows whether they open the file. */
export function applyKey(db: Database.Database, key: string, cipher: DatabaseCipher = PROFILE_CIPHER): void {
  db.pragma(`cipher=${quote(cipher)}`);
  db.pragma(`key=${quote(key)}`);
}

/** Encrypts an open plaintext connection (rollback-journal mode, not WAL) with the key, in place. */
export function encryptInPlace(db: Database.Database, key: string, cipher: DatabaseCipher = PROFILE_CIPHER): void {
  db.pragma(`cipher=${quote(cipher)}`);
  db.pragma(`rekey=${quote(key)}`);
}

export function isNotADatabase(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_NOTADB';
}

/**
 * Opens a file with the key, trying each known cipher; answers the connection and the cipher
 * that opened it. A probe with the wrong cipher fails at page 1 (SQLITE_NOTADB) before the WAL is
 * read, so it changes nothing. When no cipher opens it (a wrong key, or no database), the first
 * cipher's error is thrown.
 */
export function openWithKey(
  file: string,
  key: string,
  options: Database.Options = {},
  ciphers: readonly DatabaseCipher[] = KNOWN_CIPHERS,
): { readonly db: Database.Database; readonly cipher: DatabaseCipher } {
  let first: unknown = null;
  for (const cipher of ciphers) {
    const db = new Database(file, options);
    try {
      applyKey(db, key, cipher);
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
      return { db, cipher };
    } catch (error) {
      db.close();
      first ??= error;
      if (!isNotADatabase(error)) throw error;
    }
  }
  throw first;
}
