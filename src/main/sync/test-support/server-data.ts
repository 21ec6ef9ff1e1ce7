/**
 * What the test server holds, read straight from it (not through a device), for convergence
 * checks: every live document of every replicated database, in a device's shape (`_id` as `id`);
 * file contents are fetched on demand (issue 19), so they are not compared.
 */
import fs from 'node:fs';
import { canonicalJson } from '../merge/edits';
import { LIVE_COLLECTIONS, remoteDatabaseName } from '../replicated-collections';

export async function serverData(serverUrl: string, team = 'team'): Promise<Record<string, Record<string, unknown>[]>> {
  const data: Record<string, Record<string, unknown>[]> = {};
  for (const spec of LIVE_COLLECTIONS) {
    const response = await fetch(`${serverUrl}/${remoteDatabaseName(team, spec)}/_all_docs?include_docs=true`);
    const body = (await response.json()) as { rows?: { doc?: Record<string, unknown> }[] };
    data[spec.collection] = (body.rows ?? [])
      .flatMap((row) => (row.doc ? [row.doc] : []))
      .map(({ _id, _rev, ...rest }) => ({ ...rest, id: _id }))
      .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
  }
  return data;
}

/** The same documents with the same content on the device and the server, collection by collection. */
export function sameData(device: Record<string, unknown[]>, server: Record<string, Record<string, unknown>[]>): boolean {
  return LIVE_COLLECTIONS.every(({ collection }) => canonicalJson(device[collection] ?? []) === canonicalJson(server[collection] ?? []));
}

export function countOf(data: Record<string, unknown[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(data).map(([collection, documents]) => [collection, documents.length]));
}

/** Replaces a (stopped) server's data directory with a copy taken earlier. */
export function restoreDirectory(directory: string, copy: string): void {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.cpSync(copy, directory, { recursive: true });
}
