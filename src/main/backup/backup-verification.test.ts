/**
 * Issue 14: a backup is trusted only when it is exactly what its manifest vouches for. A corrupted
 * or truncated file, a file whose manifest was rewritten to match damage, a manifest that is not a
 * manifest, and a restore that cannot verify are each refused with their own error, and leave
 * nothing in the new profile folder. An encrypted profile's backup is encrypted with its key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/domain-error';
import { writeKeyFile } from '../protection/key-file';
import { openSqliteConnection, releaseSqliteConnection, type SqliteConnection } from '../storage/sqlite-connection';
import { BACKUP_DATABASE_FILE, MANIFEST_FILE, readManifest } from './backup-manifest';
import { fileDigest } from './file-digest';
import { restoreBackup } from './restore-backup';
import { takeBackup } from './take-backup';
import { verifyGeneration } from './verify-generation';

let root: string;
let connection: SqliteConnection;

/** A small database laid out as Plaint's storage lays it out (one documents and attachments table per collection). */
function fill(db: SqliteConnection['db'], rows: number): void {
  db.exec('CREATE TABLE IF NOT EXISTS plaint_rx_tables (table_name TEXT PRIMARY KEY, indexes TEXT NOT NULL)');
  for (const collection of ['cases', 'timeline']) {
    db.exec(
      `CREATE TABLE IF NOT EXISTS "rx__${collection}__v0" (id TEXT PRIMARY KEY NOT NULL, deleted INTEGER NOT NULL, lwt REAL NOT NULL, rev TEXT NOT NULL, doc TEXT NOT NULL)`,
    );
    db.exec(
      `CREATE TABLE IF NOT EXISTS "rx__${collection}__v0__attachments" (doc_id TEXT NOT NULL, attachment_id TEXT NOT NULL, digest TEXT NOT NULL, type TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (doc_id, attachment_id))`,
    );
    db.prepare('INSERT OR IGNORE INTO plaint_rx_tables VALUES (?, ?)').run(`"rx__${collection}__v0"`, '[]');
    const insert = db.prepare(`INSERT INTO "rx__${collection}__v0" VALUES (?, 0, 1, '1-a', ?)`);
    for (let i = 0; i < rows; i += 1)
      insert.run(`${collection}-${i}`, JSON.stringify({ id: `${collection}-${i}`, name: `Anna Bērziņa ${i}`, text: 'x'.repeat(200) }));
  }
  db.prepare(`INSERT INTO "rx__cases__v0__attachments" VALUES ('cases-0', 'scan', 'sha', 'application/pdf', ?)`).run(Buffer.from('%PDF-1.7 scan'));
}

async function backUp(key?: string): Promise<string> {
  const folder = path.join(root, 'backups');
  fs.mkdirSync(folder, { recursive: true });
  // An encrypted profile's key file: its slots are only copied here, so a stand-in wrapping will do.
  const keyFile = path.join(root, 'live', 'plaint.keys.json');
  if (key) writeKeyFile(keyFile, { format: 1, slots: [{ kind: 'keychain', sealed: 'd3JhcHBlZA==' }] });
  const result = await takeBackup({
    db: connection.db,
    folder,
    keep: 7,
    appName: 'Plaint',
    appVersion: '1.2.3',
    now: new Date('2026-12-07T05:00:00.000Z'),
    ...(key ? { key, keyFile } : {}),
  });
  return result.path;
}

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return error.issues[0]?.code;
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-verify-'));
});

afterEach(() => {
  releaseSqliteConnection(connection);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('a plain profile', () => {
  beforeEach(() => {
    connection = openSqliteConnection(path.join(root, 'live', 'plaint.sqlite'));
    fill(connection.db, 300);
  });

  it('writes a manifest with counts, a hash per collection and the file hash, and the file verifies', async () => {
    const generation = await backUp();
    const manifest = readManifest(generation);
    expect(manifest).toMatchObject({
      app: { name: 'Plaint', version: '1.2.3' },
      createdAt: '2026-12-07T05:00:00.000Z',
      encrypted: false,
      schemaVersions: { cases: 0, timeline: 0 },
    });
    expect(manifest.collections.map((entry) => [entry.collection, entry.documents, entry.attachments])).toEqual([
      ['cases', 300, 1],
      ['timeline', 300, 0],
    ]);
    expect(manifest.fileSha256).toBe((await fileDigest(path.join(generation, BACKUP_DATABASE_FILE))).sha256);
    await expect(verifyGeneration(generation)).resolves.toEqual(manifest);
  });

  it('refuses a corrupted file and a truncated one (the file hash)', async () => {
    const generation = await backUp();
    const file = path.join(generation, BACKUP_DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    expect(await refusal(verifyGeneration(generation))).toBe('backup_file_changed');
    fs.writeFileSync(file, bytes.subarray(0, bytes.length / 2));
    expect(await refusal(verifyGeneration(generation))).toBe('backup_file_changed');
  });

  it('refuses damage even when the manifest was rewritten to the damaged file’s hash (integrity check, then collection hashes)', async () => {
    const generation = await backUp();
    const file = path.join(generation, BACKUP_DATABASE_FILE);
    const rewriteHash = async () => {
      const digest = await fileDigest(file);
      fs.writeFileSync(
        path.join(generation, MANIFEST_FILE),
        JSON.stringify({ ...readManifest(generation), fileBytes: digest.bytes, fileSha256: digest.sha256 }),
      );
    };
    // A changed letter inside a document: SQLite's structure is intact, the collection hash is not.
    // (Every copy: a page's free space may still hold a stale copy of a cell moved while building.)
    const bytes = fs.readFileSync(file);
    const needle = Buffer.from('Anna Bērziņa 7"');
    expect(bytes.indexOf(needle)).toBeGreaterThan(0);
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) bytes[at] = 'B'.charCodeAt(0);
    fs.writeFileSync(file, bytes);
    await rewriteHash();
    expect(await refusal(verifyGeneration(generation))).toBe('backup_collection_mismatch');
    // Half a file: the integrity check fails.
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await rewriteHash();
    expect(await refusal(verifyGeneration(generation))).toBe('backup_damaged');
  });

  it('refuses a manifest that is not JSON, one that is not a manifest, and a folder that is not a backup', async () => {
    const generation = await backUp();
    fs.writeFileSync(path.join(generation, MANIFEST_FILE), '{ half');
    expect(await refusal(verifyGeneration(generation))).toBe('backup_manifest_invalid');
    fs.writeFileSync(path.join(generation, MANIFEST_FILE), JSON.stringify({ format: 1, collections: 'all of them' }));
    expect(await refusal(verifyGeneration(generation))).toBe('backup_manifest_invalid');
    expect(await refusal(verifyGeneration(root))).toBe('backup_not_found');
  });

  it('restores into a new folder, and a failed restore into an existing empty folder leaves it empty', async () => {
    const generation = await backUp();
    const target = path.join(root, 'restored');
    const result = await restoreBackup({ from: generation, dataDirectory: target });
    expect(fs.readdirSync(target)).toEqual(['plaint.sqlite']);
    expect(result.manifest.collections).toHaveLength(2);
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    fs.appendFileSync(path.join(generation, BACKUP_DATABASE_FILE), 'tail');
    expect(await refusal(restoreBackup({ from: generation, dataDirectory: empty }))).toBe('backup_file_changed');
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});

describe('an encrypted profile (P-7.2)', () => {
  const key = 'a-profile-key-for-tests';
  beforeEach(() => {
    connection = openSqliteConnection(path.join(root, 'live', 'plaint.sqlite'), { key });
    fill(connection.db, 50);
  });

  it('is backed up encrypted with its key: no plain SQLite header or name on disk, and it verifies and restores only with the key', async () => {
    const generation = await backUp(key);
    const bytes = fs.readFileSync(path.join(generation, BACKUP_DATABASE_FILE));
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Anna B'))).toBe(false);
    expect(readManifest(generation).encrypted).toBe(true);
    await expect(verifyGeneration(generation, key)).resolves.toBeTruthy();
    expect(await refusal(verifyGeneration(generation))).toBe('backup_unreadable');
    expect(await refusal(restoreBackup({ from: generation, dataDirectory: path.join(root, 'no-key') }))).toBe('backup_unreadable');
    expect(fs.existsSync(path.join(root, 'no-key'))).toBe(false);
    await restoreBackup({ from: generation, dataDirectory: path.join(root, 'with-key'), key });
  });
});
