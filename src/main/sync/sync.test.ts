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
import { describe, expect, it } from 'vitest';
import { phoneComplaint } from '../domain/test-support';
import { PNG } from '../files/test-support/scan-files';
import { freePort } from './local-server/pouchdb-server';
import { connect, disconnect, waitForConvergence, waitUntil } from './test-support/devices';
import { createCases, logLetter } from './test-support/offline-work';
import { syncLab } from './test-support/sync-lab';

const { server, device } = syncLab();

describe('two devices that worked offline', () => {
  it('converge: every case, letter, scan and timeline entry present once on both', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    const fromA = await createCases(a, 5, 'A');
    const fromB = await createCases(b, 4, 'B');
    const letter = await logLetter(b, 'Leaking bottle');
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

describe('concurrent edits of one case', () => {
  it('different fields merge; the same field keeps the later edit and the other is kept as a conflict record', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    await connect(a, couch.url);
    await connect(b, couch.url);
    const { caseId } = await a.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    await waitForConvergence([a, b]);
    const ann = await a.me();

    // Both go offline and edit the same case.
    await disconnect(a, couch.url);
    await disconnect(b, couch.url);
    await a.setClock('2026-11-23T10:00:00.000Z');
    await a.call('cases.updateDetails', { caseId, changes: { summary: 'Monitor shows error E3' } });
    await a.call('cases.assign', { caseId, assigneeId: ann });
    await b.setClock('2026-11-23T10:05:00.000Z');
    const before = (await b.call('cases.get', { caseId })).case;
    await b.call('cases.updateDetails', {
      caseId,
      changes: { summary: 'Monitor dead after a week', complainant: { ...before.complainant, address: null, email: 'janis@work.lv' } },
    });

    await connect(a, couch.url);
    await connect(b, couch.url);
    await waitForConvergence([a, b]);
    for (const on of [a, b]) {
      const { case: merged, timeline } = await on.call('cases.get', { caseId });
      expect(merged).toMatchObject({
        summary: 'Monitor dead after a week',
        assignee: { id: ann },
        complainant: { email: 'janis@work.lv', name: phoneComplaint.complainant.name },
      });
      const conflicts = timeline.filter((entry) => entry.kind === 'conflict');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]?.data).toMatchObject({
        field: 'summary',
        kept: { value: 'Monitor dead after a week', at: expect.stringMatching(/^2026-11-23T10:05:00/) as unknown },
        discarded: { value: 'Monitor shows error E3' },
      });
    }
  }, 120_000);
});

describe('the server dies mid-replication', () => {
  it('killed and restarted five times: the devices converge with nothing lost and nothing duplicated', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    const fromA = await createCases(a, 120, 'A');
    const fromB = await createCases(b, 40, 'B');
    await connect(a, couch.url);
    await connect(b, couch.url);
    const later: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 100));
      await couch.kill();
      // Work goes on offline while the server is down.
      later.push(...(await createCases(round % 2 === 0 ? a : b, 2, `down ${round}`)));
      const status = await waitUntil(
        async () => {
          const current = await a.call('sync.status', {});
          return current.state === 'error' && current;
        },
        'device A to notice the server is gone',
        30_000,
      );
      expect(status.problem?.kind).toBe('unreachable');
      await couch.start();
    }
    const data = await waitForConvergence([a, b], 120_000);
    const cases = data['cases'] as { id: string }[];
    expect(cases.map((document) => document.id).sort()).toEqual([...fromA, ...fromB, ...later].sort());
    const timeline = data['timeline'] as { id: string; caseId: string; kind: string }[];
    expect(new Set(timeline.map((entry) => entry.id)).size).toBe(timeline.length);
    // Every case has exactly its own entries: received, created, and the note.
    for (const id of [...fromA, ...fromB, ...later])
      expect(
        timeline
          .filter((entry) => entry.caseId === id)
          .map((entry) => entry.kind)
          .sort(),
      ).toEqual(['communication', 'note', 'transition']);
    expect(new Set(cases.map((document) => (document as unknown as { reference: string }).reference)).size).toBe(cases.length);
  }, 240_000);
});

describe('problems show in the status and lose nothing locally', () => {
  it('a wrong password: "credentials"; local work goes on and syncs once the password is right', async () => {
    const couch = await server();
    await couch.addAdmin('admin', 'secret');
    const a = await device('a');
    await connect(a, couch.url, { username: 'admin', password: 'wrong' });
    const status = await waitUntil(async () => {
      const current = await a.call('sync.status', {});
      return current.state === 'error' && current;
    }, 'the credentials problem');
    expect(status.problem).toMatchObject({ kind: 'credentials', message: 'The server did not accept the user name or password.' });
    const { caseId } = await a.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    expect((await a.call('cases.get', { caseId })).case.id).toBe(caseId);
    expect((await a.call('sync.settings', {})).hasPassword).toBe(true);

    await connect(a, couch.url, { username: 'admin', password: 'secret' });
    await waitUntil(async () => (await a.call('sync.status', {})).state === 'up-to-date', 'sync with the right password');
    const onServer = await fetch(`${couch.url}/team_cases/${caseId}`, {
      headers: { Authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}` },
    });
    expect(onServer.status).toBe(200);
  }, 120_000);

  it('an unreachable server: "unreachable" with the next retry time; local work goes on', async () => {
    const a = await device('a');
    await connect(a, `http://127.0.0.1:${await freePort()}`);
    const status = await waitUntil(async () => {
      const current = await a.call('sync.status', {});
      return current.state === 'error' && current;
    }, 'the unreachable problem');
    expect(status.problem?.kind).toBe('unreachable');
    expect(status.problem?.message).toMatch(/cannot be reached \(connection refused\)/);
    expect(status.nextRetryAt).not.toBeNull();
    await createCases(a, 3, 'offline');
    expect((await a.call('cases.list', {})).total).toBe(3);
    expect((await a.call('sync.now', {})).state).toBe('error');
  }, 60_000);

  it('turning sync off shows "off" and "sync now" says sync is off', async () => {
    const a = await device('a');
    expect((await a.call('sync.status', {})).state).toBe('off');
    expect(await a.fail('sync.now', {})).toMatchObject({ code: 'UNAVAILABLE' });
    expect(await a.fail('sync.configure', { enabled: true, serverUrl: 'ftp://example.org', database: 'Team!', username: '' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await a.call('sync.status', {})).state).toBe('off');
  }, 60_000);
});

describe('reference numbers stay unique (P-3.2)', () => {
  it('a device that drew a code another device holds takes a new one when it syncs', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    await connect(a, couch.url);
    await waitUntil(async () => (await a.call('sync.status', {})).state === 'up-to-date', 'device A to sync');
    const taken = (await a.deviceState()).deviceCode;
    await b.forceDeviceCode(taken);
    await connect(b, couch.url);
    await waitForConvergence([a, b]);
    const renamed = (await b.deviceState()).deviceCode;
    expect(renamed).not.toBe(taken);
    const { reference } = await b.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    expect(reference.startsWith(`${renamed}-`)).toBe(true);
  }, 120_000);
});
