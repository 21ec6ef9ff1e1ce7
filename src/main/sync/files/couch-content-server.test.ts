/**
 * The chunk database's witnesses (issue 19): the revisions of chunks a device sent and read are
 * what lets it notice a restore of that database alone (continuity/server-continuity.ts), since
 * no replication reads it. A stand-in for the server's answers, no network.
 */
import { describe, expect, it } from 'vitest';
import type { Witness } from '../continuity/remote-memory';
import { CouchContentServer } from './couch-content-server';

const URL_BASE = 'http://127.0.0.1:9/team_filechunks/';

function answering(handler: (path: string, body: unknown) => unknown): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const path = String(input).slice(URL_BASE.length);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
    return new Response(JSON.stringify(handler(path, body)), { status: 201, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

function witnesses(): { written: Witness[]; read: Witness[]; sink: { written(w: Witness): void; read(w: Witness): void } } {
  const written: Witness[] = [];
  const read: Witness[] = [];
  return { written, read, sink: { written: (w) => written.push(w), read: (w) => read.push(w) } };
}

const chunk = (index: number) => ({ id: `file-1:${index}`, fileId: 'file-1', index, data: Buffer.from(`part ${index}`).toString('base64') });

describe('the chunk database witnesses', () => {
  it('an upload gives the last chunk the server accepted as the written witness', async () => {
    const seen = witnesses();
    const server = new CouchContentServer(
      URL_BASE,
      answering((path, body) => {
        expect(path).toBe('_bulk_docs');
        return (body as { docs: { _id: string }[] }).docs.map((doc, position) => ({ id: doc._id, ok: true, rev: `1-${position}` }));
      }),
      seen.sink,
    );
    expect(await server.upload([chunk(0), chunk(1)])).toBe(true);
    expect(seen.written).toEqual([{ id: 'file-1:1', rev: '1-1' }]);
    expect(seen.read).toEqual([]);
  });

  it('a download gives a chunk read, with its revision, as the read witness; a refused upload gives none', async () => {
    const seen = witnesses();
    const rows = [chunk(0)].map((stored) => ({
      key: stored.id,
      id: stored.id,
      value: { rev: '3-abc' },
      doc: { _id: stored.id, _rev: '3-abc', fileId: stored.fileId, index: stored.index, data: stored.data },
    }));
    const server = new CouchContentServer(
      URL_BASE,
      answering((path) => (path === '_all_docs' ? { rows } : [{ id: 'file-1:0', error: 'forbidden', reason: 'no' }])),
      seen.sink,
    );
    expect(await server.download('file-1', 1)).toHaveLength(1);
    expect(seen.read).toEqual([{ id: 'file-1:0', rev: '3-abc' }]);
    expect(await server.upload([chunk(0)])).toBe(false);
    expect(seen.written).toEqual([]);
  });
});
