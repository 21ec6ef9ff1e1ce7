/**
 * Files on demand (issue 19), against a real pouchdb-server on loopback with devices in their own
 * processes: file records replicate, file contents do not.
 * - a second device opens a scan it has never seen: fetched from the team server, verified
 *   (SHA-256 and size against the file record) and cached; offline it opens again from the cache;
 * - offline, a file that is not cached says "on the team server" (never "not found") and is
 *   queued: it is fetched once the server is back, without being opened again;
 * - a tampered server copy is refused with its own error and nothing is cached;
 * - the cache budget holds, least recently used first, and a scan the server has not confirmed
 *   is never evicted, even over budget (uploads: a scan logged offline stays until confirmed);
 * - prefetch brings the scans of a case assigned to this device's person without opening them;
 * - a letter undone after its scan went up takes the scan off the team server too.
 */
import { describe, expect, it } from 'vitest';
import { bulkyPng } from '../files/test-support/scan-files';
import type { CouchServer } from './local-server/pouchdb-server';
import { connect, waitUntil, type Device } from './test-support/devices';
import { logLetter } from './test-support/offline-work';
import { syncLab } from './test-support/sync-lab';

const { server, device } = syncLab();

/** Logs a letter with one scan; the scan's file id. */
async function logScan(on: Device, summary: string, scan: Buffer): Promise<string> {
  const letter = await logLetter(on, summary, scan);
  const fileId = letter.files[0]?.id;
  if (!fileId) throw new Error('The letter has no scan');
  return fileId;
}

type CouchDoc = Record<string, unknown> & { _id: string; _rev: string };

async function onServer(couch: CouchServer, id: string): Promise<CouchDoc | null> {
  const response = await fetch(`${couch.url}/team_filechunks/${encodeURIComponent(id)}`);
  return response.ok ? ((await response.json()) as CouchDoc) : null;
}

/** Every chunk of the file is on the server. */
async function uploaded(couch: CouchServer, fileId: string, chunks: number): Promise<boolean> {
  for (let index = 0; index < chunks; index += 1) if (!(await onServer(couch, `${fileId}:${index}`))) return false;
  return true;
}

const cachedOn = async (on: Device, fileId: string) => (await on.document('fileChunks', `${fileId}:0`)) !== null;

async function opened(on: Device, fileId: string): Promise<Buffer> {
  return Buffer.from((await on.call('post.file', { fileId })).dataBase64, 'base64');
}

describe('files on demand between two devices (issue 19)', () => {
  it('a scan never seen is fetched, verified and cached; offline it opens from the cache; an uncached one is "on the team server" and queued; a tampered copy is refused', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    await connect(a, couch.url);
    await connect(b, couch.url);
    const [first, second, tampered] = [bulkyPng(300_000), bulkyPng(1_000), bulkyPng(2_000)];
    const firstId = await logScan(a, 'Leaking bottle', first);
    const secondId = await logScan(a, 'Broken lid', second);
    const tamperedId = await logScan(a, 'Cracked cap', tampered);
    // Device A uploads what it logged; B receives the file records only.
    await waitUntil(
      async () => (await uploaded(couch, firstId, 2)) && (await uploaded(couch, secondId, 1)) && (await uploaded(couch, tamperedId, 1)),
      'the scans to reach the server',
    );
    await waitUntil(
      async () => (await b.document('files', firstId)) && (await b.document('files', secondId)) && (await b.document('files', tamperedId)),
      'the file records to reach device B',
    );
    expect(await cachedOn(b, firstId)).toBe(false);
    expect(await b.count('fileChunks')).toBe(0);

    // Opened on B: fetched, verified, cached.
    expect((await opened(b, firstId)).equals(first)).toBe(true);
    expect(await cachedOn(b, firstId)).toBe(true);
    expect(await b.document('fileChunks', `${firstId}:1`)).not.toBeNull();

    // A server copy that does not match the file record: refused, and nothing is cached.
    const chunk = (await onServer(couch, `${tamperedId}:0`))!;
    const forged = Buffer.from(chunk['data'] as string, 'base64');
    forged[forged.length - 20] = (forged[forged.length - 20]! + 1) % 256;
    const put = await fetch(`${couch.url}/team_filechunks/${encodeURIComponent(chunk._id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...chunk, data: forged.toString('base64') }),
    });
    expect(put.ok).toBe(true);
    expect(await b.fail('post.file', { fileId: tamperedId })).toMatchObject({ code: 'UNAVAILABLE', issues: [{ code: 'file_refused' }] });
    expect(await cachedOn(b, tamperedId)).toBe(false);

    // Offline: the cached scan opens; the other is on the team server (never "not found"), queued.
    await couch.kill();
    expect((await opened(b, firstId)).equals(first)).toBe(true);
    const offline = await b.fail('post.file', { fileId: secondId });
    expect(offline).toMatchObject({ code: 'UNAVAILABLE', issues: [{ code: 'file_on_server' }] });
    expect(offline.code).not.toBe('NOT_FOUND');

    // Back online: the queued scan is fetched by the prefetch pass after sync, without opening it again.
    await couch.start();
    await waitUntil(() => cachedOn(b, secondId), 'the queued scan to be fetched once the server is back');
    await couch.kill();
    expect((await opened(b, secondId)).equals(second)).toBe(true);
  }, 240_000);
});

describe('the cache budget (issue 19)', () => {
  it('holds, least recently used first; a scan the server has not confirmed is never evicted', async () => {
    const couch = await server();
    const a = await device('a');
    // A budget of 1 MiB and three scans of about 400 kB.
    await a.call('device.setPreferences', { fileCacheMegabytes: 1 });
    const scans = [bulkyPng(400_000), bulkyPng(400_000), bulkyPng(400_000)];
    const ids: string[] = [];
    for (const [index, scan] of scans.entries()) {
      await a.setClock(`2026-11-23T09:0${index}:00.000Z`);
      ids.push(await logScan(a, `Letter ${index}`, scan));
    }
    // Offline, logged here and over budget: nothing is evicted, every scan opens.
    const [oldest, middle, newest] = ids as [string, string, string];
    for (const [index, fileId] of [middle, newest, oldest].entries()) {
      await a.setClock(`2026-11-23T10:0${index}:00.000Z`);
      expect((await opened(a, fileId)).equals(scans[ids.indexOf(fileId)]!)).toBe(true);
    }
    for (const fileId of ids) expect(await cachedOn(a, fileId)).toBe(true);

    // Once the server has confirmed them, the budget holds: the least recently opened goes.
    await connect(a, couch.url);
    await waitUntil(async () => (await Promise.all(ids.map((fileId) => uploaded(couch, fileId, 2)))).every(Boolean), 'the scans to reach the server');
    await waitUntil(async () => !(await cachedOn(a, middle)), 'the least recently used scan to be evicted');
    expect(await cachedOn(a, newest)).toBe(true);
    expect(await cachedOn(a, oldest)).toBe(true);
    expect(await a.count('fileChunks')).toBe(4);

    // Opened again, it is fetched back and the next least recently used goes.
    await a.setClock('2026-11-23T11:00:00.000Z');
    expect((await opened(a, middle)).equals(scans[1]!)).toBe(true);
    expect(await cachedOn(a, newest)).toBe(false);
    expect(await cachedOn(a, middle)).toBe(true);
    expect(await a.count('fileChunks')).toBe(4);
  }, 240_000);
});

describe('prefetch after sync (issue 19)', () => {
  it("fetches the files of a case assigned to the person signed in on this device, without opening them; another case's files stay on the server", async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    await connect(a, couch.url);
    await connect(b, couch.url);
    const bob = await b.me();
    await waitUntil(() => a.document('staff', bob), "device B's person to reach device A");
    const [theirs, other] = [bulkyPng(5_000), bulkyPng(5_000)];
    const theirsId = await logScan(a, 'Leaking bottle', theirs);
    const otherId = await logScan(a, 'Broken lid', other);
    const [letter] = await a.call('post.list', {
      caseId: ((await a.document('letters', ((await a.document('files', theirsId)) as { ownerId: string }).ownerId)) as { caseId: string }).caseId,
    });
    await a.call('cases.assign', { caseId: letter!.caseId!, assigneeId: bob });
    await waitUntil(() => cachedOn(b, theirsId), 'the assigned case’s scan to be prefetched on device B');
    expect(await cachedOn(b, otherId)).toBe(false);
    // It opens offline.
    await couch.kill();
    expect((await opened(b, theirsId)).equals(theirs)).toBe(true);
  }, 240_000);
});

describe('undo (issue 19)', () => {
  it('a letter logged here and undone after its scan went up: the scan is deleted from the team server too', async () => {
    const couch = await server();
    const a = await device('a');
    await connect(a, couch.url);
    const letter = await logLetter(a, 'Logged by mistake', bulkyPng(300_000));
    const fileId = letter.files[0]!.id;
    await waitUntil(() => uploaded(couch, fileId, 2), 'the scan to reach the server');
    await a.call('post.undo', { letterId: letter.id });
    await waitUntil(
      async () => (await onServer(couch, `${fileId}:0`)) === null && (await onServer(couch, `${fileId}:1`)) === null,
      'the scan to be deleted from the server',
    );
    expect(await cachedOn(a, fileId)).toBe(false);
  }, 240_000);
});
