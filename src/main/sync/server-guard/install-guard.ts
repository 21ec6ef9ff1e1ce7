/**
 * "Prepare the server": puts `_design/plaint-guard` (guard-source.ts) into each of the team's
 * databases, creating a database that is missing. Installing again is harmless: a database whose
 * guard has the current version is left alone, an older one is replaced. CouchDB lets only a
 * server or database administrator write design documents, so the credentials given here are the
 * CouchDB administrator's, used for this once and never stored.
 */
import type { ServerPreparation } from '@shared/domain/sync';
import type { DomainError } from '@shared/domain/domain-error';
import { REPLICATED_COLLECTIONS, remoteDatabaseName } from '../replicated-collections';
import { sendingTo, serverRefusal as refusal, serverRoot } from './admin-requests';
import { GUARD_DESIGN_ID, guardDesignDocument } from './guard-source';

const json = { 'content-type': 'application/json' };

async function answer(
  response: Response,
): Promise<{ error?: string; reason?: string; _rev?: string; validate_doc_update?: string; plaintGuardVersion?: string }> {
  return ((await response.json().catch(() => ({}))) ?? {}) as { error?: string; reason?: string };
}

function failed(response: Response, body: { error?: string; reason?: string }, what: string): DomainError {
  if (response.status === 401 || response.status === 403) {
    return refusal('server_admin_needed', `The server refused to ${what} (${response.status}): only a CouchDB administrator may prepare the server.`);
  }
  return refusal('server_refused', `The server refused to ${what} (${response.status}: ${body.reason ?? body.error ?? 'no reason'}).`);
}

/**
 * Only a server administrator creates databases and writes design documents; asked first, because
 * pouchdb-server drops the connection when anyone else tries to create a database.
 */
async function ensureServerAdministrator(root: string, send: typeof fetch): Promise<void> {
  const session = await send(`${root}_session`);
  const body = (await session.json().catch(() => null)) as { userCtx?: { roles?: unknown } } | null;
  const roles = body?.userCtx?.roles;
  if (!session.ok || !Array.isArray(roles) || !roles.includes('_admin')) {
    throw refusal(
      'server_admin_needed',
      `The server did not accept these credentials as a CouchDB administrator's (${session.status}): only a CouchDB administrator may prepare the server.`,
    );
  }
}

/** Installs or updates the guard in every team database. `send` adds the administrator's credentials. */
export async function installGuards(serverUrl: string, teamDatabase: string, sendWithCredentials: typeof fetch): Promise<ServerPreparation> {
  const root = serverRoot(serverUrl);
  const send = sendingTo(root, sendWithCredentials);
  await ensureServerAdministrator(root, send);
  const databases: ServerPreparation['databases'][number][] = [];
  for (const spec of REPLICATED_COLLECTIONS) {
    const database = remoteDatabaseName(teamDatabase, spec);
    const url = `${root}${encodeURIComponent(database)}`;
    const wanted = guardDesignDocument(spec.collection);
    const existing = await send(`${url}/${GUARD_DESIGN_ID}`);
    const current = await answer(existing);
    if (existing.status === 404 && (await send(url).then((found) => (void found.body?.cancel().catch(() => undefined), found.status))) === 404) {
      const created = await send(url, { method: 'PUT' });
      if (!created.ok && created.status !== 412) throw failed(created, await answer(created), `create the database ${database}`);
    } else if (!existing.ok && existing.status !== 404) {
      throw failed(existing, current, `read the guard of ${database}`);
    }
    if (existing.ok && current.plaintGuardVersion === wanted.plaintGuardVersion && current.validate_doc_update === wanted.validate_doc_update) {
      databases.push({ database, outcome: 'unchanged', version: wanted.plaintGuardVersion });
      continue;
    }
    const body = existing.ok && current._rev ? { ...wanted, _rev: current._rev } : wanted;
    const written = await send(`${url}/${GUARD_DESIGN_ID}`, { method: 'PUT', headers: json, body: JSON.stringify(body) });
    if (!written.ok) throw failed(written, await answer(written), `install the guard in ${database}`);
    void written.body?.cancel().catch(() => undefined);
    databases.push({ database, outcome: existing.ok ? 'updated' : 'installed', version: wanted.plaintGuardVersion });
  }
  return { databases };
}
