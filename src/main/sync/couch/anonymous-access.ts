/**
 * Does the server let anyone in without a login? Asked with no credentials at all, after the
 * databases are ready (issue 13: "warn when the server needs no login"; P-7.1). A server set up
 * without one lets anyone on the network read `_all_docs` of every team database.
 *
 * - `admin-party`: an anonymous request is a server administrator (`/_session` names `_admin`):
 *   CouchDB with no administrator, or pouchdb-server as it starts;
 * - `no-login`: the team's database answers an anonymous read (no `_security` members set);
 * - null: the server asked for a login (401 or 403), or could not be asked (no warning then).
 */
import type { ServerWarning } from '@shared/domain/sync';

const ASK_MS = 10_000;

export async function anonymousAccess(serverUrl: string, database: string, send: typeof fetch = fetch): Promise<ServerWarning | null> {
  const root = `${serverUrl.replace(/\/+$/, '')}/`;
  try {
    const session = await send(`${root}_session`, { signal: AbortSignal.timeout(ASK_MS) });
    const body = (await session.json().catch(() => null)) as { userCtx?: { roles?: unknown } } | null;
    const roles = body?.userCtx?.roles;
    if (session.ok && Array.isArray(roles) && roles.includes('_admin')) return 'admin-party';
    const read = await send(`${root}${encodeURIComponent(database)}`, { signal: AbortSignal.timeout(ASK_MS) });
    void read.body?.cancel().catch(() => undefined);
    return read.ok ? 'no-login' : null;
  } catch {
    return null;
  }
}
