/**
 * `npm run restore` (issue 14): restores a backup generation into a new profile folder and says
 * what it restored; refuses a folder that is not empty, in words, with a non-zero exit and
 * nothing changed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteConnection, releaseSqliteConnection, type SqliteConnection } from '../src/main/storage/sqlite-connection';
import { takeBackup } from '../src/main/backup/take-backup';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
let root: string;
let connection: SqliteConnection;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-restore-cli-'));
  connection = openSqliteConnection(path.join(root, 'live', 'plaint.sqlite'));
  connection.db.exec(`CREATE TABLE plaint_rx_tables (table_name TEXT PRIMARY KEY, indexes TEXT NOT NULL);
    CREATE TABLE "rx__cases__v2" (id TEXT PRIMARY KEY NOT NULL, deleted INTEGER NOT NULL, lwt REAL NOT NULL, rev TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE "rx__cases__v2__attachments" (doc_id TEXT NOT NULL, attachment_id TEXT NOT NULL, digest TEXT NOT NULL, type TEXT NOT NULL, data BLOB NOT NULL);
    INSERT INTO plaint_rx_tables VALUES ('"rx__cases__v2"', '[]');
    INSERT INTO "rx__cases__v2" VALUES ('case-1', 0, 1, '1-a', '{"id":"case-1"}'), ('case-2', 0, 1, '1-a', '{"id":"case-2"}');`);
});

afterEach(() => {
  releaseSqliteConnection(connection);
  fs.rmSync(root, { recursive: true, force: true });
});

it('restores into a new folder and refuses one that is not empty', async () => {
  fs.mkdirSync(path.join(root, 'backups'));
  const { path: generation } = await takeBackup({
    db: connection.db,
    folder: path.join(root, 'backups'),
    keep: 3,
    appName: 'Plaint',
    appVersion: '1.0.0',
    now: new Date('2026-12-07T05:00:00.000Z'),
  });
  const target = path.join(root, 'restored');
  const { stdout } = await run(tsx, ['scripts/restore.ts', '--from', generation, '--data-dir', target]);
  expect(stdout).toContain('Restored plaint-backup-20261207T050000000Z');
  expect(stdout).toContain('2 records in 1 collections');
  expect(fs.readdirSync(target)).toEqual(['plaint.sqlite']);
  const refused = await run(tsx, ['scripts/restore.ts', '--from', generation, '--data-dir', target]).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(refused?.code).toBe(2);
  expect(refused?.stderr).toContain('is not empty');
  expect(fs.readdirSync(target)).toEqual(['plaint.sqlite']);
});
