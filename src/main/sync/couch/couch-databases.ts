/**
 * Before replicating: is this a CouchDB server, do the credentials work, and do the team's
 * databases exist? A missing database is created when the user may (the local pouchdb-server,
 * or a CouchDB administrator: `_session` says so); otherwise the status tells the user to ask
 * for it. Each database
 * gets its identity marker (continuity/server-continuity.ts) if it has none.
 *
 * The answers met on the way (a 404 for each database about to be created) are not status
 * changes: the caller gets one outcome for the whole check.
 */
import { z } from 'zod';
import { ensureIdentity } from '../continuity/server-continuity';
import type { CouchOutcome } from './couch-http';
import { problemOf } from './couch-http';
import { CouchAnswerError } from './couch-pull';

type Problem = CouchOutcome & { ok: false };

export type Prepared = { readonly ok: true; readonly identities: Readonly<Record<string, string>> } | Problem;

/** The fields of a CouchDB answer that preparing reads; anything else in it is ignored. */
const answerText = z.string().optional().catch(undefined);
const couchAnswer = z.object({ error: answerText, reason: answerText, couchdb: answerText, 'express-pouchdb': answerText });

async function body(response: Response): Promise<z.output<typeof couchAnswer> | null> {
  const parsed = couchAnswer.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : null;
}

/** Each database's identity when every database is ready; the problem otherwise. `fetch` adds credentials and throws when unreachable. */
export async function prepareRemoteDatabases(
  serverUrl: string,
  databases: readonly string[],
  fetchWithAuth: typeof fetch,
  now: () => Date = () => new Date(),
): Promise<Prepared> {
  const root = `${serverUrl.replace(/\/+$/, '')}/`;
  const welcome = await fetchWithAuth(root);
  if (!welcome.ok) return problemOf(root, welcome.status, await body(welcome));
  const greeting = await body(welcome);
  if (!greeting || (greeting.couchdb === undefined && greeting['express-pouchdb'] === undefined)) {
    return { ok: false, problem: 'not-couchdb', message: `${root} does not answer like a CouchDB server. Check the address.` };
  }
  const identities: Record<string, string> = {};
  let mayCreate: boolean | undefined;
  for (const database of databases) {
    const url = `${root}${encodeURIComponent(database)}`;
    const found = await fetchWithAuth(url);
    if (!found.ok && found.status !== 404) return problemOf(url, found.status, await body(found));
    void found.body?.cancel().catch(() => undefined);
    if (found.status === 404) {
      mayCreate ??= await mayCreateDatabases(root, fetchWithAuth);
      if (!mayCreate) return missing(database);
      const created = await fetchWithAuth(url, { method: 'PUT' });
      void created.body?.cancel().catch(() => undefined);
      if (!created.ok && created.status !== 412) return missing(database);
    }
    try {
      identities[database] = await ensureIdentity(`${url}/`, fetchWithAuth, now);
    } catch (error) {
      if (error instanceof CouchAnswerError) return problemOf(url, error.status, null);
      throw error;
    }
  }
  return { ok: true, identities };
}

/**
 * False only when the server says this user is no server administrator: then a database is not
 * asked for at all (pouchdb-server dies when anyone else asks it to create one; CouchDB refuses).
 * When the server cannot say, the attempt decides, as before.
 */
async function mayCreateDatabases(root: string, fetchWithAuth: typeof fetch): Promise<boolean> {
  try {
    const session = await fetchWithAuth(`${root}_session`);
    const answer = (await session.json().catch(() => null)) as { userCtx?: { roles?: unknown } } | null;
    const roles = answer?.userCtx?.roles;
    return !session.ok || !Array.isArray(roles) || roles.includes('_admin');
  } catch {
    return true;
  }
}

function missing(database: string): Problem {
  return {
    ok: false,
    problem: 'database-missing',
    message: `The database ${database} does not exist on the server and this user may not create it. Ask the administrator to create the team's databases (README, "Using Apache CouchDB").`,
  };
}
