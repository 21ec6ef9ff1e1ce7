/**
 * Issue 14 (P-7.2): after an erasure, the team server must not keep personal data in old
 * revisions. CouchDB keeps the body of every superseded revision until the database is compacted,
 * and a deleted document's last body until it is purged. With a CouchDB administrator's
 * credentials (used once, never stored), this:
 * - compacts each team database (`POST /{db}/_compact`): superseded revisions lose their bodies;
 * - purges deleted file records and chunks (`POST /{db}/_purge`, CouchDB 2.3 and later) where the
 *   server supports it. pouchdb-server answers `_purge` with 400 (`only_multipart_accepted`): it
 *   has no purge; that is reported, not hidden.
 * Compaction runs in the background on the server; what was started is reported per database.
 */
import type { ServerCleaning } from '@shared/domain/retention';
import { REPLICATED_COLLECTIONS, remoteDatabaseName } from '../replicated-collections';
import { sendingTo, serverRefusal as refusal, serverRoot } from './admin-requests';

const json = { 'content-type': 'application/json' };
/** Where deleted documents may still carry a scan's bytes (a voided letter's scans are deleted). */
const PURGED_COLLECTIONS = ['files', 'fileChunks'];

async function leafRevisionsOfDeleted(url: string, send: typeof fetch): Promise<Record<string, string[]>> {
  const response = await send(`${url}/_changes?style=all_docs`);
  if (!response.ok) throw refusal('server_refused', `The server refused to list the changes of ${url} (${response.status}).`);
  const body = (await response.json().catch(() => ({}))) as { results?: { id?: unknown; deleted?: unknown; changes?: { rev?: unknown }[] }[] };
  const deleted: Record<string, string[]> = {};
  for (const row of body.results ?? []) {
    if (row.deleted !== true || typeof row.id !== 'string') continue;
    deleted[row.id] = (row.changes ?? []).flatMap((change) => (typeof change.rev === 'string' ? [change.rev] : []));
  }
  return deleted;
}

export async function cleanServer(serverUrl: string, teamDatabase: string, sendWithCredentials: typeof fetch): Promise<ServerCleaning> {
  const root = serverRoot(serverUrl);
  const send = sendingTo(root, sendWithCredentials);
  const databases: ServerCleaning['databases'][number][] = [];
  for (const spec of REPLICATED_COLLECTIONS) {
    const database = remoteDatabaseName(teamDatabase, spec);
    const url = `${root}${encodeURIComponent(database)}`;
    let purge: ServerCleaning['databases'][number]['purge'] = 'not-needed';
    let purged = 0;
    if (PURGED_COLLECTIONS.includes(spec.collection)) {
      const deleted = await leafRevisionsOfDeleted(url, send);
      if (Object.keys(deleted).length > 0) {
        const response = await send(`${url}/_purge`, { method: 'POST', headers: json, body: JSON.stringify(deleted) });
        void response.body?.cancel().catch(() => undefined);
        if (response.status === 401 || response.status === 403)
          throw refusal('server_admin_needed', `The server refused to purge ${database} (${response.status}): only a CouchDB administrator may.`);
        purge = response.ok ? 'purged' : 'unsupported';
        purged = response.ok ? Object.keys(deleted).length : 0;
      }
    }
    const compacted = await send(`${url}/_compact`, { method: 'POST', headers: json });
    void compacted.body?.cancel().catch(() => undefined);
    if (compacted.status === 401 || compacted.status === 403)
      throw refusal('server_admin_needed', `The server refused to compact ${database} (${compacted.status}): only a CouchDB administrator may.`);
    if (!compacted.ok) throw refusal('server_refused', `The server refused to compact ${database} (${compacted.status}).`);
    databases.push({ database, compaction: 'started', purge, purged });
  }
  return { databases };
}
