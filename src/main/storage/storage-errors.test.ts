/**
 * SQLite failures reach the caller as clear errors and change nothing: a second process, a file
 * that is not a database, a damaged file, a wrong encryption key, a full disk, a read-only
 * database, and bad documents (schema violations, wrong types, oversized values).
 */
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRevision, now, type RxDocumentData } from 'rxdb';
import { describe, expect, it } from 'vitest';
import type { SqliteStorageInstance } from './sqlite-storage-instance';
import { StorageError } from './storage-errors';
import { makePeople, openPeopleDatabase, openPeopleInstance, sqliteStorage, tempDirectory, type Person } from './test-support';

const fixture = path.join(import.meta.dirname, 'test-support', 'open-database.ts');

function openInstance(directory: string, key?: string): Promise<SqliteStorageInstance<Person>> {
  return openPeopleInstance({ directory, ...(key ? { key } : {}) });
}

function stored(person: Person): RxDocumentData<Person> {
  return { ...person, _deleted: false, _attachments: {}, _rev: createRevision('t'), _meta: { lwt: now() } } as RxDocumentData<Person>;
}

function openInChild(directory: string): { ok: boolean; kind?: string; message?: string } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', fixture, directory], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { ok: boolean; kind?: string; message?: string };
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function expectStorageError(promise: Promise<unknown>, kind: StorageError['kind'], message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StorageError);
  expect((error as StorageError).kind).toBe(kind);
  expect((error as StorageError).message).toMatch(message);
}

describe('a second process opening the same database', () => {
  it('gets IN_USE with a message that says what to do, and the first keeps working', async () => {
    const directory = tempDirectory();
    const instance = await openInstance(directory);
    await instance.bulkWrite([{ document: stored(makePeople(1)[0] as Person) }], 'test');
    const second = openInChild(directory);
    expect(second).toMatchObject({ ok: false, kind: 'IN_USE' });
    expect(second.message).toMatch(/in use by another Plaint process/);
    await instance.bulkWrite([{ document: stored({ ...(makePeople(2)[1] as Person) }) }], 'test');
    expect(await instance.findDocumentsById(['p000000', 'p000001'], false)).toHaveLength(2);
    await instance.close();
    expect(openInChild(directory)).toEqual({ ok: true });
  });

  it('is refused while another process holds the database open', async () => {
    const directory = tempDirectory();
    const holder = spawn(process.execPath, ['--import', 'tsx', fixture, directory, '60000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    await expectStorageError(openInstance(directory), 'IN_USE', /in use by another Plaint process/);
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    // The lock dies with its process: the database opens again.
    await (await openInstance(directory)).close();
  });
});

describe('unreadable files are reported at start-up and never overwritten', () => {
  it('a file that is not a database', async () => {
    const directory = tempDirectory();
    const file = path.join(directory, 'plaint.sqlite');
    fs.writeFileSync(file, crypto.randomBytes(64 * 1024));
    const before = sha256(file);
    await expectStorageError(openInstance(directory), 'NOT_A_DATABASE', /not a readable Plaint database.*has not been changed/);
    expect(sha256(file)).toBe(before);
  });

  it('a database whose pages are damaged', async () => {
    const directory = tempDirectory();
    const file = path.join(directory, 'plaint.sqlite');
    const instance = await openInstance(directory);
    await instance.bulkWrite(
      makePeople(400).map((person) => ({ document: stored(person) })),
      'test',
    );
    await instance.close();
    const bytes = fs.readFileSync(file);
    crypto.randomBytes(8192).copy(bytes, 4096 * 6); // overwrite two pages in the middle
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    const error = await openInstance(directory).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(['CORRUPT', 'NOT_A_DATABASE']).toContain((error as StorageError).kind);
    expect((error as StorageError).message).toMatch(/has not been changed/);
    expect(sha256(file)).toBe(before);
  });

  it('an encrypted database opened with the wrong key or none', async () => {
    const directory = tempDirectory();
    const file = path.join(directory, 'plaint.sqlite');
    const instance = await openInstance(directory, 'correct horse battery staple');
    await instance.bulkWrite([{ document: stored(makePeople(1)[0] as Person) }], 'test');
    await instance.close();
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const before = sha256(file);
    await expectStorageError(openInstance(directory, 'wrong key'), 'NOT_A_DATABASE', /encrypted with a different key/);
    await expectStorageError(openInstance(directory), 'NOT_A_DATABASE', /encrypted with a different key/);
    expect(sha256(file)).toBe(before);
    const again = await openInstance(directory, 'correct horse battery staple');
    expect(await again.findDocumentsById(['p000000'], false)).toHaveLength(1);
    await again.close();
  });
});

describe('write failures change nothing', () => {
  it('a full disk rejects the whole write with DISK_FULL', async () => {
    const directory = tempDirectory();
    const instance = await openInstance(directory);
    await instance.bulkWrite(
      makePeople(10).map((person) => ({ document: stored(person) })),
      'test',
    );
    const { db } = instance.internals.connection;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`); // the disk is "full" two pages from now
    const big = makePeople(500, 9).map((person, i) => stored({ ...person, id: `big${i}`, note: 'x'.repeat(400) }));
    await expectStorageError(
      instance.bulkWrite(
        big.map((document) => ({ document })),
        'test',
      ),
      'DISK_FULL',
      /disk .* is full/,
    );
    expect(
      await instance.findDocumentsById(
        big.map((d) => d.id),
        true,
      ),
    ).toEqual([]);
    expect(
      await instance.findDocumentsById(
        makePeople(10).map((p) => p.id),
        false,
      ),
    ).toHaveLength(10);
    await instance.close();
  });

  it('a read-only database rejects writes with READ_ONLY', async () => {
    const instance = await openInstance(tempDirectory());
    instance.internals.connection.db.pragma('query_only = ON');
    await expectStorageError(instance.bulkWrite([{ document: stored(makePeople(1)[0] as Person) }], 'test'), 'READ_ONLY', /read-only/);
    instance.internals.connection.db.pragma('query_only = OFF');
    expect(await instance.findDocumentsById(['p000000'], true)).toEqual([]);
    await instance.close();
  });

  it('a document that cannot be stored rolls back its whole batch', async () => {
    const instance = await openInstance(tempDirectory());
    const [good, bad] = makePeople(2) as [Person, Person];
    const unstorable = { ...stored(bad), note: 10n } as unknown as RxDocumentData<Person>;
    await expectStorageError(instance.bulkWrite([{ document: stored(good) }, { document: unstorable }], 'test'), 'INVALID_DOCUMENT', /could not be stored/);
    const huge = { ...stored(bad), note: 'x'.repeat(17 * 1024 * 1024) };
    await expectStorageError(instance.bulkWrite([{ document: stored(good) }, { document: huge }], 'test'), 'INVALID_DOCUMENT', /larger than the 16 MB limit/);
    expect(await instance.findDocumentsById([good.id, bad.id], true)).toEqual([]);
    await instance.close();
  });
});

describe('bad documents through RxDB (schema validation) change nothing', () => {
  it.each<[string, (person: Person) => unknown]>([
    ['a missing required field', ({ name: _name, ...rest }) => rest],
    ['a wrong type', (person) => ({ ...person, age: 'forty' })],
    ['a value outside the enum', (person) => ({ ...person, status: 'lost' })],
    ['an over-long string', (person) => ({ ...person, note: 'n'.repeat(501) })],
    ['a number out of range', (person) => ({ ...person, age: 151 })],
    ['an unknown nested shape', (person) => ({ ...person, address: 'London' })],
  ])('%s', async (_label, corrupt) => {
    const db = await openPeopleDatabase(sqliteStorage({ directory: tempDirectory() }));
    const [valid, other] = makePeople(2) as [Person, Person];
    await db.people.insert(valid);
    await expect(db.people.insert(corrupt(other) as Person)).rejects.toThrow(/VD2|schema/i);
    await expect(db.people.bulkInsert([corrupt({ ...other, id: 'x1' }) as Person])).resolves.toMatchObject({ error: [expect.anything()] });
    const doc = await db.people.findOne(valid.id).exec();
    await expect(doc?.modify(() => corrupt(valid) as Person)).rejects.toThrow();
    expect(await db.people.count().exec()).toBe(1);
    expect((await db.people.findOne(valid.id).exec())?.toJSON()).toMatchObject(valid);
    await db.close();
  });
});
