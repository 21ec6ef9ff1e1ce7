/**
 * Issue 14 (P-7.2), old revisions on the server, tested on pouchdb-server (what the tests and
 * development use; README says what an Apache CouchDB administrator runs):
 * - after an erasure the server's current documents are anonymised, but it still answers the
 *   superseded revision with the personal data (CouchDB keeps old bodies until compaction);
 * - "Clean the server" (erasure.cleanServer, a CouchDB administrator's credentials) compacts every
 *   team database, after which the old revision is gone (`missing`);
 * - pouchdb-server has no `_purge` (it answers 400 `only_multipart_accepted`): deleted file
 *   documents are reported as not purged, not hidden;
 * - without administrator credentials the server refuses, and the answer says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from '../files/test-support/scan-files';
import { startCouchServer, type CouchServer } from '../sync/local-server/pouchdb-server';
import { connect, startDevice, waitUntil, type Device } from '../sync/test-support/devices';
import { PERSON, personalCase } from './test-support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ADMIN = { username: 'couchadmin', password: 'couch-secret' };
const auth = { Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` };

async function setUp(): Promise<{ couch: CouchServer; a: Device }> {
  const couch = await startCouchServer();
  cleanups.push(() => couch.close());
  await couch.addAdmin(ADMIN.username, ADMIN.password);
  const a = await startDevice('a', { start: '2026-12-16T10:00:00.000Z' });
  cleanups.push(() => a.close());
  return { couch, a };
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { headers: auth });
  return { status: response.status, body: await response.text() };
}

describe('old revisions on the server after an erasure (issue 14)', () => {
  it('pouchdb-server keeps the superseded revision until the team databases are compacted; cleaning compacts them', async () => {
    const { couch, a } = await setUp();
    const person = await personalCase(a);
    // A letter undone at once: its scan's record is a deleted document on the server.
    await a.setClock('2027-01-10T09:00:00.000Z');
    const undone = await a.call('post.logIncoming', {
      receivedOn: '2027-01-10',
      sender: { name: 'Someone Else', addressLines: [], postcode: '', country: 'GB' },
      kind: 'new-complaint',
      type: 'product',
      summary: 'Wrong envelope',
      scans: [{ name: 'x.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }],
    });
    await a.call('post.undo', { letterId: undone.id });
    await connect(a, couch.url, ADMIN);
    const caseUrl = `${couch.url}/team_cases/${encodeURIComponent(person.caseId)}`;
    const before = await waitUntil(async () => {
      const found = await get(caseUrl);
      return found.status === 200 && found.body.includes(PERSON.email) ? (JSON.parse(found.body) as { _rev: string }) : false;
    }, 'the case on the server');
    // The person's scan and letter PDF went up to the server's chunk database (issue 19).
    const liveChunks = async () =>
      ((await (await fetch(`${couch.url}/team_filechunks/_all_docs`, { headers: auth })).json()) as { rows: { id: string }[] }).rows.filter(
        (row) => !row.id.startsWith('_design/'),
      ).length;
    await waitUntil(async () => (await liveChunks()) >= 2, 'the files on the server');

    await a.setClock('2027-01-10T10:00:00.000Z');
    await a.call('erasure.erase', { caseIds: [person.caseId], letterIds: [person.letterId], reason: 'Erasure request, ticket 2027-004' });
    await waitUntil(async () => {
      const found = await get(caseUrl);
      return found.status === 200 && !found.body.includes(PERSON.email) && found.body.includes('Anonymised');
    }, 'the anonymised case on the server');
    // The erased files are taken off the server (bare tombstones; scan-revisions.test.ts).
    await waitUntil(async () => (await liveChunks()) === 0, 'the erased files off the server');
    // The superseded revision is still there, personal data and all.
    const old = await get(`${caseUrl}?rev=${before._rev}`);
    expect(old.status).toBe(200);
    expect(old.body).toContain(PERSON.email);

    // Without a CouchDB administrator's credentials the server refuses, and nothing is done.
    expect(await a.fail('erasure.cleanServer', { username: 'nobody', password: 'wrong' })).toMatchObject({ issues: [{ code: 'server_admin_needed' }] });
    expect((await get(`${caseUrl}?rev=${before._rev}`)).status).toBe(200);

    const cleaned = await a.call('erasure.cleanServer', ADMIN);
    expect(cleaned.databases.map((entry) => entry.database)).toContain('team_cases');
    expect(cleaned.databases.every((entry) => entry.compaction === 'started')).toBe(true);
    // pouchdb-server has no _purge: the deleted scan record and the erased files' deleted chunks
    // are reported, not hidden (their tombstones hold no body; compaction drops the old ones).
    expect(cleaned.databases.filter((entry) => entry.purge !== 'not-needed')).toEqual([
      { database: 'team_files', compaction: 'started', purge: 'unsupported', purged: 0 },
      { database: 'team_filechunks', compaction: 'started', purge: 'unsupported', purged: 0 },
    ]);
    // Compaction runs in the background on the server: the old revision goes.
    await waitUntil(async () => (await get(`${caseUrl}?rev=${before._rev}`)).status === 404, 'the old revision to be compacted away');
    expect((await get(caseUrl)).body).not.toContain(PERSON.email);
  }, 240_000);
});
