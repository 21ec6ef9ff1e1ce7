/**
 * Opening a Plaint database file: one SQLite connection per file per process, shared by every
 * RxDB storage instance (collection) of that database and closed with the last of them.
 *
 * Durability and safety settings, and why:
 * - `locking_mode=EXCLUSIVE` before WAL: the connection takes the file lock at open and keeps it,
 *   so a second process opening the same file fails at once with a clear error instead of
 *   interleaving writes (the app is single-instance per data directory), and WAL needs no
 *   shared-memory file.
 * - `journal_mode=WAL`: commits append to the log, readers never block, and a crash mid-write
 *   leaves the last committed state.
 * - `synchronous=FULL`: every commit is fsynced before its promise resolves, so a resolved write
 *   survives not only a process crash (NORMAL would do) but also power loss or an OS crash. A
 *   complaint desk writes little and cannot lose a logged letter: the fsync is worth it.
 * - With a key, SQLite3MultipleCiphers encrypts the file with AEGIS-256 (an authenticated cipher:
 *   a changed byte is refused, not read); a profile from before, in ChaCha20, still opens
 *   (`database-cipher.ts`). Without a key it is plain SQLite.
 * - `journal_size_limit`: the WAL shrinks back after a checkpoint (see WAL_SIZE_LIMIT_BYTES).
 * - `quick_check` at open: a damaged file is reported at start-up, never written to.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Subject } from 'rxjs';
import { StorageError, toStorageError } from './storage-errors';
import { openWithKey, type DatabaseCipher } from './database-cipher';

export type SqliteDatabase = Database.Database;

export interface SqliteConnectionOptions {
  /** Encryption key; omit for a plain SQLite file. */
  readonly key?: string;
  /** FULL by default (see above); NORMAL trades power-loss durability for speed. */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

export interface SqliteConnection {
  readonly file: string;
  readonly db: SqliteDatabase;
  /** Change streams shared by every storage instance of one table in this process. */
  /** The cipher that opened the file, or null for a plain file. */
  readonly cipher: DatabaseCipher | null;
  readonly changeSubjects: Map<string, Subject<unknown>>;
  refCount: number;
  /** Serialises writes that must await (attachment blobs) behind earlier writes. */
  writeQueue: Promise<unknown>;
  /** Writes queued and not yet done; 0 lets a write run at once without reordering. */
  pendingWrites: number;
}

const openConnections = new Map<string, SqliteConnection>();

/**
 * The WAL is cut back to this size once checkpointed (issue 19, bytes on a device). With the
 * exclusive lock nothing else truncates it, so it kept the size of the largest write burst
 * (a first sync's batches: 3.6 MB beside an 11.6 MB database in bench:scale) for the life of the
 * profile. Small enough not to matter, large enough that everyday commits reuse it.
 */
export const WAL_SIZE_LIMIT_BYTES = 1024 * 1024;

function configure(db: SqliteDatabase, file: string, options: SqliteConnectionOptions): void {
  // Any read fails here with SQLITE_NOTADB for a non-database file (with a key, `openWithKey` has read already).
  if (options.key === undefined) db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  db.pragma('locking_mode = EXCLUSIVE');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new StorageError('UNKNOWN', file, `SQLite refused WAL journaling for ${file} (got '${String(mode)}').`);
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  // Take the write lock now so a second process fails at open, not at its first write.
  db.exec('BEGIN IMMEDIATE; COMMIT;');
  const result = db.pragma('quick_check(1)', { simple: true });
  if (result !== 'ok')
    throw new StorageError('CORRUPT', file, `The database ${file} is damaged (${String(result)}). It has not been changed; restore it from a backup.`);
}

export function openSqliteConnection(file: string, options: SqliteConnectionOptions = {}): SqliteConnection {
  const absolute = path.resolve(file);
  const existing = openConnections.get(absolute);
  if (existing) {
    existing.refCount += 1;
    return existing;
  }
  if (options.key?.length === 0) throw new StorageError('UNKNOWN', absolute, 'An empty encryption key is not allowed.');
  let db: SqliteDatabase;
  let cipher: DatabaseCipher | null = null;
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    if (options.key === undefined) db = new Database(absolute, { timeout: 250 });
    else ({ db, cipher } = openWithKey(absolute, options.key, { timeout: 250 }));
  } catch (error) {
    throw toStorageError(error, absolute, 'opening the database');
  }
  try {
    configure(db, absolute, options);
  } catch (error) {
    db.close();
    throw toStorageError(error, absolute, 'opening the database');
  }
  const connection: SqliteConnection = { file: absolute, db, cipher, changeSubjects: new Map(), refCount: 1, writeQueue: Promise.resolve(), pendingWrites: 0 };
  openConnections.set(absolute, connection);
  return connection;
}

/** Drops one reference; the last one checkpoints the WAL into the file and closes it. */
export function releaseSqliteConnection(connection: SqliteConnection): void {
  connection.refCount -= 1;
  if (connection.refCount > 0) return;
  openConnections.delete(connection.file);
  if (connection.db.open) connection.db.close();
  for (const subject of connection.changeSubjects.values()) subject.complete();
}

export function isConnectionOpen(file: string): boolean {
  return openConnections.has(path.resolve(file));
}

/** The connections open in this process (a footprint measurement reads each through its own connection: the lock is exclusive). */
export function openSqliteConnections(): readonly SqliteConnection[] {
  return [...openConnections.values()];
}
