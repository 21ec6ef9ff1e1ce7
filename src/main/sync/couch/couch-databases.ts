/**
 * Before replicating: is this a CouchDB server, do the credentials work, and do the team's
 * databases exist? A missing database is created when the user may (the local pouchdb-server,
 * or a CouchDB administrator); otherwise the status tells the user to ask for it.
 */
import type { CouchOutcome } from './couch-http';
import { problemOf } from './couch-http';

type Problem = CouchOutcome & { ok: false };

async function body(response: Response): Promise<{ error?: string; reason?: string; couchdb?: string; 'express-pouchdb'?: string } | null> {
  return (await response.json().catch(() => null)) as never;
}

/** Null when every database is ready; the problem otherwise. `fetch` adds credentials and throws when unreachable. */
export async function prepareRemoteDatabases(serverUrl: string, databases: readonly string[], fetchWithAuth: typeof fetch): Promise<Problem | null> {
  const root = `${serverUrl.replace(/\/+$/, '')}/`;
  const welcome = await fetchWithAuth(root);
  if (!welcome.ok) return problemOf(root, welcome.status, await body(welcome));
  const greeting = await body(welcome);
  if (!greeting || (greeting.couchdb === undefined && greeting['express-pouchdb'] === undefined)) {
    return { ok: false, problem: 'not-couchdb', message: `${root} does not answer like a CouchDB server. Check the address.` };
  }
  for (const database of databases) {
    const url = `${root}${encodeURIComponent(database)}`;
    const found = await fetchWithAuth(url);
    if (found.ok) continue;
    if (found.status !== 404) return problemOf(url, found.status, await body(found));
    const created = await fetchWithAuth(url, { method: 'PUT' });
    if (created.ok || created.status === 412) continue;
    return {
      ok: false,
      problem: 'database-missing',
      message: `The database ${database} does not exist on the server and this user may not create it. Ask the administrator to create the team's databases (README, "Using Apache CouchDB").`,
    };
  }
  return null;
}
