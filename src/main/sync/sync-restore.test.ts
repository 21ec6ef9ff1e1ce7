/**
 * Sync that heals (issue 21), against real pouchdb-server processes and devices running the real
 * main services:
 * - the server is restored from an older copy of its data directory: the device notices, says so
 *   ("restored from an older copy; re-sending N changes"), re-sends what the server lost, and
 *   never says "up to date" before the server has it; a device joining afterwards gets
 *   everything, and what it creates reaches the first device, whatever the old checkpoints said;
 * - a database deleted mid-replication is a visible problem, then recovers on its own;
 * - merges after a restore keep a later edit made after seeing a fast clock's edit (issue 11);
 * - the chunk database (file contents, issue 19) restored on its own, the others untouched: the
 *   device notices by the chunks it sent, sends again what the server lost, and is not "up to
 *   date" before it has; a second device then opens the scan from the server.
 * Counts of what converged are printed for the closing note.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { phoneComplaint } from '../domain/test-support';
import type { CouchServer } from './local-server/pouchdb-server';
import { connect, disconnect, waitForConvergence, waitUntil, type Device } from './test-support/devices';
import { startLatencyProxy, type LatencyProxy } from './test-support/latency-proxy';
import { bulkyPng } from '../files/test-support/scan-files';
import { createCases, logScan } from './test-support/offline-work';
import { countOf, restoreDirectory, sameData, serverData } from './test-support/server-data';
import { syncLab } from './test-support/sync-lab';

const { server: startServer, device, onCleanup } = syncLab();
const server = (directory?: string) => startServer(directory ? { directory } : {});

async function proxyTo(url: string): Promise<LatencyProxy> {
  const started = await startLatencyProxy(url, { minMs: 5, maxMs: 20 });
  onCleanup(() => started.close());
  return started;
}

function temporaryDirectory(name: string): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `plaint-${name}-`));
  onCleanup(() => Promise.resolve(fs.rmSync(directory, { recursive: true, force: true })));
  return directory;
}

const upToDate = (on: Device) => async () => (await on.call('sync.status', {})).state === 'up-to-date';

/** Converged: the devices agree with each other and with the server, document for document. */
async function converged(devices: readonly Device[], couch: CouchServer): Promise<Record<string, unknown[]>> {
  return waitUntil(
    async () => {
      const data = await waitForConvergence(devices);
      return sameData(data, await serverData(couch.url)) && data;
    },
    'devices and server to hold the same documents',
    120_000,
  );
}

describe('a server restored from an older copy of its data', () => {
  it('is noticed and re-sent what it lacks; a device joining afterwards gets everything and its work reaches the first', async () => {
    const data = temporaryDirectory('couch-data');
    const backup = temporaryDirectory('couch-backup');
    const couch = await server(data);
    const proxy = await proxyTo(couch.url);
    const a = await device('a');
    const before = await createCases(a, 5, 'before backup');
    await connect(a, proxy.url);
    await waitUntil(upToDate(a), 'A in step before the backup');

    // The backup: a copy of the data directory, taken while the server is stopped.
    await couch.kill();
    restoreDirectory(backup, data);
    await couch.start();
    const after = await createCases(a, 5, 'after backup');
    await a.call('cases.updateDetails', { caseId: before[0]!, changes: { summary: 'Edited after the backup' } });
    await a.call('cases.addNote', { caseId: before[1]!, text: 'A note after the backup' });
    await waitUntil(async () => (await upToDate(a)()) && (await fetch(`${couch.url}/team_cases/${after[4]!}`)).status === 200, 'the later work on the server');

    // The disk fails; the administrator restores last night's copy.
    await couch.kill();
    restoreDirectory(data, backup);
    const restoredAt = Date.now();
    await couch.start();
    expect((await fetch(`${couch.url}/team_cases/${after[0]!}`)).status).toBe(404);

    const noticed = await waitUntil(
      async () => (await a.statusLog()).find((entry) => entry.at > restoredAt && entry.status.notice?.kind === 'server-restored'),
      'A to notice the restore',
      60_000,
    );
    expect(noticed.status.notice?.message).toMatch(/^The server was restored from an older copy; re-sending \d+ changes?\.$/);
    // 5 cases and their 15 timeline entries, the edited case, the later note and the edit's audit entry.
    expect(noticed.status.notice?.resending).toBeGreaterThanOrEqual(5 + 15 + 1 + 1);

    const b = await device('b');
    await connect(b, proxy.url);
    const fromB = await createCases(b, 8, 'B after the restore');
    const all = await converged([a, b], couch);
    const cases = (all['cases'] as { id: string; summary: string }[]).map((document) => document.id).sort();
    expect(cases).toEqual([...before, ...after, ...fromB].sort());
    expect((all['cases'] as { id: string; summary: string }[]).find((document) => document.id === before[0])?.summary).toBe('Edited after the backup');

    // Never "up to date" while the server lacked a document: every one A re-sent was accepted
    // by the server before the first "up to date" A showed after the restore.
    const firstUpToDate = (await a.statusLog()).find((entry) => entry.at > restoredAt && entry.status.state === 'up-to-date');
    expect(firstUpToDate).toBeDefined();
    for (const id of after)
      expect(proxy.written.get(id) ?? Infinity, `case ${id} on the server before "up to date"`).toBeLessThanOrEqual(firstUpToDate?.at ?? 0);
    console.warn('[counts] Restore: converged on', countOf(all), 'with A re-sending', noticed.status.notice?.resending, 'documents');
  }, 300_000);
});

/** Chunk `index` of the file is on the server (read straight from it). */
async function chunkOnServer(couch: CouchServer, fileId: string, index: number): Promise<boolean> {
  const response = await fetch(`${couch.url}/team_filechunks/${encodeURIComponent(`${fileId}:${index}`)}`);
  void response.body?.cancel().catch(() => undefined);
  return response.ok;
}

describe('a restore of only the chunk database (files on demand, issue 19)', () => {
  // Its contents are not replicated, so no pull or push checkpoint would ever see the loss: before,
  // the device kept taking the server's word for a scan the server no longer held (and its cache
  // budget could evict the last copy).
  it('is noticed by the chunks this device sent; what the server lost is sent again before "up to date", and another device opens it', async () => {
    const data = temporaryDirectory('couch-data');
    const backup = temporaryDirectory('couch-chunks-backup');
    const couch = await server(data);
    const proxy = await proxyTo(couch.url);
    const a = await device('a');
    await connect(a, proxy.url);
    const [early, late] = [bulkyPng(2_000), bulkyPng(300_000)];
    const earlyId = await logScan(a, 'Logged before the backup', early);
    await waitUntil(async () => (await upToDate(a)()) && (await chunkOnServer(couch, earlyId, 0)), 'the first scan on the server');

    // The backup: a copy of the chunk database alone (its own folder in the peer's data), taken while the server is stopped.
    const chunks = path.join(data, 'team_filechunks');
    await couch.kill();
    expect(fs.existsSync(chunks)).toBe(true);
    restoreDirectory(backup, chunks);
    await couch.start();
    const lateId = await logScan(a, 'Logged after the backup', late);
    await waitUntil(
      async () => (await upToDate(a)()) && (await chunkOnServer(couch, lateId, 0)) && (await chunkOnServer(couch, lateId, 1)),
      'the later scan on the server',
    );

    // Only the chunk database goes back; cases, letters and file records stay as they were.
    await couch.kill();
    restoreDirectory(chunks, backup);
    const restoredAt = Date.now();
    await couch.start();
    expect(await chunkOnServer(couch, lateId, 0)).toBe(false);
    expect(await chunkOnServer(couch, earlyId, 0)).toBe(true);

    const noticed = await waitUntil(
      async () => (await a.statusLog()).find((entry) => entry.at > restoredAt && entry.status.notice?.kind === 'server-restored'),
      'A to notice the restore of the chunk database',
      60_000,
    );
    expect(noticed.status.notice?.message).toMatch(/^The server was restored from an older copy; re-sending \d+ changes?\.$/);
    // Both scans are confirmed again: the later one is sent, the earlier one found as it was.
    expect(noticed.status.notice?.resending).toBeGreaterThanOrEqual(2);
    await waitUntil(async () => (await chunkOnServer(couch, lateId, 0)) && (await chunkOnServer(couch, lateId, 1)), 'the later scan sent again');
    const firstUpToDate = await waitUntil(
      async () => (await a.statusLog()).find((entry) => entry.at > restoredAt && entry.status.state === 'up-to-date'),
      'A up to date after the restore',
    );
    for (const index of [0, 1]) {
      const sentAgain = proxy.lastWritten.get(`${lateId}:${index}`) ?? Infinity;
      expect(sentAgain, `chunk ${index} sent again after the restore`).toBeGreaterThan(restoredAt);
      expect(sentAgain, `chunk ${index} on the server before "up to date"`).toBeLessThanOrEqual(firstUpToDate.at);
    }

    // A device that never held the scan opens it from the server.
    const b = await device('b');
    await connect(b, proxy.url);
    await waitUntil(async () => (await b.document('files', lateId)) !== null, 'the file record on B');
    expect(Buffer.from((await b.call('post.file', { fileId: lateId })).dataBase64, 'base64').equals(late)).toBe(true);
  }, 300_000);
});

describe('a database deleted mid-replication', () => {
  // When every write reached the server before the deletion, no replication request sees it
  // (the live pull just waits); only the regular check can. It used to swallow the 404 as
  // "unreachable" (unit test in server-continuity.test.ts). This test also failed about once in
  // four runs on a loaded machine because the peer itself died: express-pouchdb throws when a
  // long poll's database is deleted under it (the device then rightly said "unreachable" for
  // 150 s). The peer now survives that, as CouchDB does (local-server/peer-guard.cjs).
  it('is a visible problem, then recovers: the database is created again and given everything', async () => {
    const couch = await server();
    const a = await device('a');
    await connect(a, couch.url);
    await waitUntil(upToDate(a), 'A in step');
    // No "database missing" while the databases are created at the first connection: one state, not eight flashes.
    expect((await a.statusLog()).filter((entry) => entry.status.problem?.kind === 'database-missing')).toEqual([]);
    const ids = await createCases(a, 10, 'first');
    const deletedAt = Date.now();
    const deleting = createCases(a, 10, 'during');
    expect((await fetch(`${couch.url}/team_timeline`, { method: 'DELETE' })).status).toBe(200);
    ids.push(...(await deleting));

    // Seen either as the problem (a replication's request found it missing) or, when the regular
    // check found it first and could create it again at once, as the notice of its replacement.
    const seen = await waitUntil(
      async () =>
        (await a.statusLog()).find(
          (entry) => entry.at > deletedAt && (entry.status.problem?.kind === 'database-missing' || entry.status.notice?.kind === 'server-replaced'),
        ),
      'the deletion to show',
    );
    expect(seen.status.problem?.message ?? seen.status.notice?.message).toMatch(/team_timeline/);
    const all = await converged([a], couch);
    expect((all['cases'] as { id: string }[]).map((document) => document.id).sort()).toEqual([...ids].sort());
    expect((all['timeline'] as unknown[]).length).toBe(ids.length * 3);
    const log = await a.statusLog();
    expect(log.find((entry) => entry.at > deletedAt && entry.status.notice?.kind === 'server-replaced')?.status.notice?.message).toMatch(
      /^The server's database team_timeline was replaced \(created anew\); re-sending \d+ changes?\.$/,
    );
    // One problem at a time: never "database missing" for a database that was not deleted.
    expect(log.filter((entry) => entry.status.problem?.kind === 'database-missing' && !entry.status.problem.message.includes('team_timeline'))).toEqual([]);
    console.warn('[counts] Deleted database: converged on', countOf(all));
  }, 300_000);
});

describe('merge order after a restore, with a clock one hour fast (issue 11)', () => {
  it('a later edit made after seeing the fast edit wins, though its clock reads earlier', async () => {
    const data = temporaryDirectory('couch-data');
    const backup = temporaryDirectory('couch-backup');
    const couch = await server(data);
    const now = Date.now();
    const fast = await device('fast', { start: new Date(now + 3_600_000).toISOString() });
    const right = await device('right', { start: new Date(now).toISOString() });
    await connect(fast, couch.url);
    await connect(right, couch.url);
    const { caseId } = await right.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    await waitForConvergence([fast, right]);
    await couch.kill();
    restoreDirectory(backup, data);
    await couch.start();

    await fast.call('cases.updateDetails', { caseId, changes: { summary: 'From the fast clock' } });
    await waitUntil(async () => (await right.call('cases.get', { caseId })).case.summary === 'From the fast clock', 'the right device to see the fast edit');
    await disconnect(fast, couch.url);
    await right.setClock(new Date(now + 300_000).toISOString());
    await right.call('cases.updateDetails', { caseId, changes: { summary: 'Later, after seeing it' } });
    await waitUntil(upToDate(right), 'the later edit on the server');
    await disconnect(right, couch.url);

    // Restored to the copy with neither edit: each device re-sends without a common base.
    await couch.kill();
    restoreDirectory(data, backup);
    await couch.start();
    await connect(fast, couch.url);
    await waitUntil(upToDate(fast), 'the fast device to re-send');
    await connect(right, couch.url);
    await converged([fast, right], couch);
    for (const on of [fast, right]) expect((await on.call('cases.get', { caseId })).case.summary).toBe('Later, after seeing it');
  }, 300_000);
});
