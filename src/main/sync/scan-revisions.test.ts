/**
 * Issue 14 (P-7.2): a scan taken off the team server leaves none of its bytes in any revision the
 * server still answers, tested against a real pouchdb-server. CouchDB keeps a deleted document's
 * last body (so a deletion is a minimal tombstone, `{_id, _rev, _deleted: true}`) and every
 * superseded revision's body until the database is compacted (`GET /db/id?rev=<old>` answers it).
 * - a letter undone after its scan went up: the chunks are deleted and the device asks the server
 *   to compact the chunk database; no revision holds the bytes (`?revs=true&open_revs=all`, each
 *   revision by `?rev=`, `_changes?include_docs=true&style=all_docs`);
 * - as an ordinary member of the team's databases (what a team deploys on Apache CouchDB) the
 *   device may delete but not compact: the old revision keeps the bytes until a CouchDB
 *   administrator cleans the server (erasure.cleanServer), after which none does;
 * - an erased case's scans and letter PDFs are taken off the team server too (they are no longer
 *   replicated, so emptying them on the devices did not reach the server's copy).
 */
import { describe, expect, it } from 'vitest';
import { bulkyPng } from '../files/test-support/scan-files';
import { personalCase } from '../erasure/test-support';
import { couchFetch } from './couch/couch-http';
import type { CouchServer } from './local-server/pouchdb-server';
import { putCouchUser } from './server-guard/couch-users';
import { connect, waitUntil, type Device } from './test-support/devices';
import { sender } from './test-support/offline-work';
import { syncLab } from './test-support/sync-lab';

const { server, device } = syncLab();

const ADMIN = { username: 'couchadmin', password: 'couch-secret' };
type Send = typeof fetch;
const plain: Send = (input, init) => fetch(input, init);
const as = (username: string, password: string): Send => couchFetch({ username, password, onOutcome: () => undefined });

interface ChunkDoc {
  readonly _id: string;
  readonly data?: string;
}

/** The chunk documents the server holds now (not deleted), with their data. */
async function liveChunks(couch: CouchServer, send: Send): Promise<ChunkDoc[]> {
  const body = (await (await send(`${couch.url}/team_filechunks/_all_docs?include_docs=true`)).json()) as { rows: { doc?: ChunkDoc }[] };
  return body.rows.flatMap((row) => (row.doc && !row.doc._id.startsWith('_design/') ? [row.doc] : []));
}

/**
 * Every answer the server gives about these chunks, whatever revision: the leaves with their
 * history (`?revs=true&open_revs=all`), each revision of that history by `?rev=`, and the
 * changes feed with every leaf's body.
 */
async function everythingServedAbout(couch: CouchServer, send: Send, ids: readonly string[]): Promise<string> {
  const answers: string[] = [];
  const database = `${couch.url}/team_filechunks`;
  for (const id of ids) {
    const leaves = await send(`${database}/${encodeURIComponent(id)}?revs=true&open_revs=all`, { headers: { accept: 'application/json' } });
    const text = await leaves.text();
    answers.push(text);
    const parsed = JSON.parse(text) as { ok?: { _revisions?: { start: number; ids: string[] } } }[];
    for (const leaf of parsed) {
      const history = leaf.ok?._revisions;
      if (!history) continue;
      for (const [offset, hash] of history.ids.entries()) {
        answers.push(await (await send(`${database}/${encodeURIComponent(id)}?rev=${history.start - offset}-${hash}`)).text());
      }
    }
  }
  answers.push(await (await send(`${database}/_changes?include_docs=true&style=all_docs`)).text());
  return answers.join('\n');
}

const holdsAny = (served: string, chunks: readonly ChunkDoc[]) => chunks.some((chunk) => chunk.data && served.includes(chunk.data));

async function logScan(on: Device, bytes: number): Promise<{ letterId: string; fileId: string }> {
  const letter = await on.call('post.logIncoming', {
    receivedOn: '2026-11-23',
    sender,
    kind: 'new-complaint',
    type: 'product',
    summary: 'Logged by mistake',
    scans: [{ name: 'scan.png', mimeType: 'image/png', dataBase64: bulkyPng(bytes).toString('base64') }],
  });
  return { letterId: letter.id, fileId: letter.files[0]!.id };
}

describe('no revision on the team server keeps a removed scan’s bytes (issue 14, P-7.2)', () => {
  it('a letter undone after its scan went up: minimal tombstones, and the device has the chunk database compacted', async () => {
    const couch = await server();
    const a = await device('a');
    await connect(a, couch.url);
    const { letterId, fileId } = await logScan(a, 300_000);
    const ids = [`${fileId}:0`, `${fileId}:1`];
    const uploaded = await waitUntil(async () => {
      const chunks = (await liveChunks(couch, plain)).filter((chunk) => ids.includes(chunk._id));
      return chunks.length === 2 ? chunks : false;
    }, 'the scan to reach the server');
    expect(holdsAny(await everythingServedAbout(couch, plain, ids), uploaded)).toBe(true);

    await a.call('post.undo', { letterId });
    await waitUntil(async () => (await liveChunks(couch, plain)).length === 0, 'the chunks to be deleted');
    // The deletion is a bare tombstone: no body, at once.
    const leaves = JSON.parse(
      await (await fetch(`${couch.url}/team_filechunks/${encodeURIComponent(ids[0]!)}?open_revs=all`, { headers: { accept: 'application/json' } })).text(),
    ) as { ok: Record<string, unknown> }[];
    expect(leaves.map((leaf) => Object.keys(leaf.ok).sort())).toEqual([['_deleted', '_id', '_rev']]);
    // Compaction runs in the background on the server: then no revision answers with the bytes.
    await waitUntil(async () => !holdsAny(await everythingServedAbout(couch, plain, ids), uploaded), 'the old revisions to be compacted away');
  }, 240_000);

  it('as an ordinary member the device may delete but not compact: the old revision keeps the bytes until an administrator cleans the server', async () => {
    const couch = await server();
    await couch.addAdmin(ADMIN.username, ADMIN.password);
    const admin = as(ADMIN.username, ADMIN.password);
    const a = await device('a');
    const accountId = (await a.call('session.current', {})).viewer?.accountId ?? '';
    await putCouchUser(couch.url, admin, { login: 'ada', accountId, roles: ['administrator'], active: true, password: 'ada-pass' });
    await a.call('sync.configure', { enabled: false, serverUrl: couch.url, database: 'team', username: 'ada', password: 'ada-pass' });
    await a.call('sync.prepareServer', ADMIN);
    await connect(a, couch.url, { username: 'ada', password: 'ada-pass' });
    // The member may not compact (CouchDB lets only administrators).
    expect(
      (await as('ada', 'ada-pass')(`${couch.url}/team_filechunks/_compact`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status,
    ).toBe(401);

    const { letterId, fileId } = await logScan(a, 1_000);
    const ids = [`${fileId}:0`];
    const uploaded = await waitUntil(async () => {
      const chunks = (await liveChunks(couch, admin)).filter((chunk) => ids.includes(chunk._id));
      return chunks.length === 1 ? chunks : false;
    }, 'the scan to reach the server');
    await a.call('post.undo', { letterId });
    await waitUntil(async () => (await liveChunks(couch, admin)).length === 0, 'the chunks to be deleted');
    // The leaf and the changes feed are clean; the superseded revision still answers with the bytes.
    expect(holdsAny(await everythingServedAbout(couch, admin, ids), uploaded)).toBe(true);

    const cleaned = await a.call('erasure.cleanServer', ADMIN);
    expect(cleaned.databases.find((entry) => entry.database === 'team_filechunks')).toMatchObject({ compaction: 'started' });
    await waitUntil(async () => !holdsAny(await everythingServedAbout(couch, admin, ids), uploaded), 'the old revisions to be compacted away');
  }, 240_000);

  it('an erased case: its scan and letter PDF are taken off the team server, and no revision keeps their bytes', async () => {
    const couch = await server();
    const a = await device('a', { start: '2026-12-16T10:00:00.000Z' });
    await connect(a, couch.url);
    const person = await personalCase(a);
    const files = (await a.call('post.list', {})).filter((letter) => letter.caseId === person.caseId).flatMap((letter) => letter.files.map((file) => file.id));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const uploaded = await waitUntil(async () => {
      const chunks = (await liveChunks(couch, plain)).filter((chunk) => files.some((id) => chunk._id.startsWith(`${id}:`)));
      return files.every((id) => chunks.some((chunk) => chunk._id.startsWith(`${id}:`))) ? chunks : false;
    }, 'the scan and the letter PDF to reach the server');
    const ids = uploaded.map((chunk) => chunk._id);

    await a.setClock('2027-01-10T10:00:00.000Z');
    await a.call('erasure.erase', { caseIds: [person.caseId], letterIds: [person.letterId], reason: 'Erasure request, ticket 2027-004' });
    await waitUntil(async () => (await liveChunks(couch, plain)).every((chunk) => !ids.includes(chunk._id)), 'the erased files to be taken off the server');
    await waitUntil(async () => !holdsAny(await everythingServedAbout(couch, plain, ids), uploaded), 'the old revisions to be compacted away');
  }, 240_000);
});
