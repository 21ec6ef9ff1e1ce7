/**
 * Offline-first sync through a real CouchDB-compatible server (pouchdb-server in its own
 * process on loopback, started, killed and restarted by the tests):
 * - two devices that worked offline converge, with every case, letter, scan and timeline entry
 *   present once;
 * - concurrent edits of one case merge field by field, and the same field follows the stated
 *   rule (the later edit wins) with the losing value kept as a conflict record;
 * - the server killed mid-replication five times loses and duplicates nothing;
 * - a wrong password and an unreachable server show the right status and lose nothing locally;
 * - a device code drawn twice is given up by the newer device (reference numbers, P-3.2).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { phoneComplaint } from '../domain/test-support';
import { startCouchServer, type CouchServer } from './test-support/couch-server';
import { connect, startDevice, waitForConvergence, type Device } from './test-support/devices';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(): Promise<CouchServer> {
  const started = await startCouchServer();
  cleanups.push(() => started.close());
  return started;
}

async function device(name: string): Promise<Device> {
  const started = await startDevice(name);
  cleanups.push(() => started.close());
  return started;
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };

async function createCases(on: Device, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { caseId } = await on.call('cases.create', { ...phoneComplaint, summary: `${prefix} complaint ${index}`, receivedAt: '2026-11-20T10:00:00.000Z' });
    await on.call('cases.addNote', { caseId, text: `${prefix} note ${index}` });
    ids.push(caseId);
  }
  return ids;
}

describe('two devices that worked offline', () => {
  it('converge: every case, letter, scan and timeline entry present once on both', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    const fromA = await createCases(a, 5, 'A');
    const fromB = await createCases(b, 4, 'B');
    const letter = await b.call('post.logIncoming', { receivedOn: '2026-11-23', sender, kind: 'new-complaint', type: 'product', summary: 'Leaking bottle', scans: [{ name: 'scan.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }] });
    await a.call('cases.act', { caseId: fromA[0]!, action: { type: 'acknowledge', at: '2026-11-20T11:00:00.000Z', channel: 'email' } });

    await connect(a, couch.url);
    await connect(b, couch.url);
    const data = await waitForConvergence([a, b]);

    expect(data['cases']!.map((document) => (document as { id: string }).id).sort()).toEqual([...fromA, ...fromB, letter.caseId!].sort());
    const timeline = data['timeline'] as { id: string; caseId: string }[];
    expect(new Set(timeline.map((entry) => entry.id)).size).toBe(timeline.length);
    for (const caseId of [...fromA, ...fromB]) expect(timeline.filter((entry) => entry.caseId === caseId).length).toBeGreaterThanOrEqual(3);
    const onA = await a.call('cases.get', { caseId: fromA[0]! });
    expect(onA.case.status).toBe('acknowledged');
    expect((await b.call('cases.get', { caseId: fromA[0]! })).case.status).toBe('acknowledged');
    // The scan travelled with its letter and reads back byte for byte on the other device.
    const [copy] = await a.call('post.list', { caseId: letter.caseId! });
    const file = await a.call('post.file', { fileId: copy!.files[0]!.id });
    expect(Buffer.from(file.dataBase64, 'base64').equals(PNG)).toBe(true);
    expect((await a.call('sync.status', {})).lastSyncedAt).not.toBeNull();
  }, 120_000);
});
