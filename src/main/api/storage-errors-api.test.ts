/**
 * Storage failures reach the user as clear errors they can act on, not as INTERNAL (issue 11):
 * a full disk and a read-only database, made real in SQLite, through the API dispatcher.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newRxError } from 'rxdb';
import { API_METHODS } from '../../shared/api/names';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';
import { createMemoryLogger } from '../logging/logger';
import { StorageError } from '../storage/storage-errors';
import { createDispatcher, type ApiHandlers } from './dispatcher';
import { openSqliteConnection, releaseSqliteConnection } from '../storage/sqlite-connection';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

/** Runs `body` with the profile's open SQLite connection (the one the storage uses). */
function withConnection<T>(body: (db: ReturnType<typeof openSqliteConnection>['db']) => T): T {
  const connection = openSqliteConnection(path.join(t.directory, 'plaint.sqlite'));
  try {
    return body(connection.db);
  } finally {
    releaseSqliteConnection(connection);
  }
}

async function caseCount(): Promise<number> {
  return t.services.domain!.db.cases.count().exec();
}

describe('storage errors through the API', () => {
  it('a full disk is STORAGE_FULL with advice, and nothing is saved', async () => {
    await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' });
    const before = await caseCount();
    withConnection((db) => db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`));
    const error = await t.fail('cases.create', { ...phoneComplaint, description: 'x'.repeat(20_000), receivedAt: '2026-11-24T10:00:00.000Z' });
    expect(error.code, JSON.stringify(error)).toBe('STORAGE_FULL');
    expect(error.message).toMatch(/disk .*full.*not saved.*free/i);
    withConnection((db) => db.pragma('max_page_count = 1073741823'));
    expect(await caseCount()).toBe(before);
    await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' });
  });

  it('a read-only database is STORAGE_READ_ONLY with advice', async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' });
    withConnection((db) => db.pragma('query_only = ON'));
    const error = await t.fail('cases.addNote', { caseId, text: 'Called back' });
    expect(error.code, JSON.stringify(error)).toBe('STORAGE_READ_ONLY');
    expect(error.message).toMatch(/read-only.*not saved/i);
    const act = await t.fail('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-25T10:00:00.000Z', channel: 'email' } });
    expect(act.code, JSON.stringify(act)).toBe('STORAGE_READ_ONLY');
    withConnection((db) => db.pragma('query_only = OFF'));
    expect((await t.call('cases.get', { caseId })).case.status).toBe('received');
  });
});

describe('storage errors wrapped by RxDB or another error are found too', () => {
  const full = () => new StorageError('DISK_FULL', '/data/plaint.sqlite', 'full', { sqliteCode: 'SQLITE_FULL' });
  it.each([
    ['as the cause of another error', () => new Error('write failed', { cause: full() })],
    ['in RxDB error parameters', () => newRxError('SNH', { error: full() })],
    ['in a list of errors', () => new AggregateError([new Error('other'), full()], 'several')],
  ])('%s', async (_label, make) => {
    const handlers = Object.fromEntries(API_METHODS.map((method) => [method, () => Promise.reject(make())])) as unknown as ApiHandlers;
    const dispatch = createDispatcher(handlers, createMemoryLogger(), { viewer: () => null });
    expect(await dispatch('app.ping', {}, { host: 'test' })).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
  });

  it('a schema mismatch stays INTERNAL: it is a bug, not something the user can fix', async () => {
    const handlers = Object.fromEntries(
      API_METHODS.map((method) => [method, () => Promise.reject(new StorageError('SCHEMA_MISMATCH', '/d', 'x'))]),
    ) as unknown as ApiHandlers;
    expect(await createDispatcher(handlers, createMemoryLogger(), { viewer: () => null })('app.ping', {}, { host: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
