/**
 * What the user is told about each answer from a CouchDB server (with CouchDB 3's own error
 * bodies), and the check of the team's databases before replicating: a missing database is
 * created when the user may, and reported plainly when not.
 */
import { describe, expect, it } from 'vitest';
import { prepareRemoteDatabases } from './couch-databases';
import { couchFetch, type CouchOutcome } from './couch-http';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function fakeServer(routes: Record<string, Response | (() => Response)>): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const key = `${init?.method ?? 'GET'} ${new URL(url).pathname}`;
    const route = routes[key];
    if (!route) return Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    return Promise.resolve(typeof route === 'function' ? route() : route.clone());
  };
}

async function outcomeOf(routes: Record<string, Response>, url: string, init?: RequestInit): Promise<CouchOutcome> {
  let outcome: CouchOutcome | null = null;
  const send = couchFetch({ username: 'clerk', password: 'pw', onOutcome: (seen) => (outcome = seen), fetch: fakeServer(routes) });
  await send(url, init).catch(() => undefined);
  if (!outcome) throw new Error('no outcome');
  return outcome;
}

describe('answers from the server', () => {
  it('401 is a credentials problem, 403 no access, 404 a missing database, 5xx a server error', async () => {
    expect(
      await outcomeOf({ 'GET /team_cases': json(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' }) }, 'http://couch:5984/team_cases'),
    ).toMatchObject({ problem: 'credentials' });
    expect(
      await outcomeOf(
        { 'GET /team_cases': json(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' }) },
        'http://couch:5984/team_cases',
      ),
    ).toMatchObject({
      problem: 'forbidden',
      message: 'This user may not use the database team_cases (You are not allowed to access this db.).',
    });
    expect(
      await outcomeOf(
        { 'GET /team_cases/_changes': json(404, { error: 'not_found', reason: 'Database does not exist.' }) },
        'http://couch:5984/team_cases/_changes',
      ),
    ).toMatchObject({
      problem: 'database-missing',
      message: 'The database team_cases does not exist on the server.',
    });
    expect(
      await outcomeOf({ 'GET /team_cases': json(500, { error: 'unknown_error', reason: 'function_clause' }) }, 'http://couch:5984/team_cases'),
    ).toMatchObject({ problem: 'server' });
  });

  it('a refused document inside a 201 answer to _bulk_docs is a "refused" problem naming the document', async () => {
    const answer = json(201, [
      { id: 'a', rev: '1-x' },
      { id: 'case-7', error: 'forbidden', reason: 'Only managers may close cases' },
    ]);
    expect(await outcomeOf({ 'POST /team_cases/_bulk_docs': answer }, 'http://couch:5984/team_cases/_bulk_docs', { method: 'POST' })).toEqual({
      ok: false,
      problem: 'refused',
      message: 'The server refused document case-7: Only managers may close cases.',
    });
    expect(
      await outcomeOf({ 'POST /team_cases/_bulk_docs': json(201, [{ id: 'b', error: 'conflict' }]) }, 'http://couch:5984/team_cases/_bulk_docs', {
        method: 'POST',
      }),
    ).toMatchObject({ ok: true, push: true });
  });

  it('no answer at all is "unreachable" with the reason, and the credentials go in the Authorization header', async () => {
    expect(await outcomeOf({}, 'http://couch:5984/team_cases')).toEqual({
      ok: false,
      problem: 'unreachable',
      message: 'The server at http://couch:5984 cannot be reached (connection refused).',
    });
    let seen = '';
    const send = couchFetch({
      username: 'clerk',
      password: 'pw',
      onOutcome: () => undefined,
      fetch: (_input, init) => ((seen = new Headers(init?.headers).get('Authorization') ?? ''), Promise.resolve(json(200, {}))),
    });
    await send('http://couch:5984/');
    expect(seen).toBe(`Basic ${Buffer.from('clerk:pw').toString('base64')}`);
  });
});

describe('the team databases before replicating', () => {
  const welcome = json(200, { couchdb: 'Welcome', version: '3.4.2' });

  it('creates a missing database when the user may', async () => {
    let created = false;
    let marker: string | null = null;
    const routes: Record<string, Response | (() => Response)> = {
      'GET /': welcome,
      'GET /team_cases': () => (created ? json(200, {}) : json(404, { error: 'not_found', reason: 'Database does not exist.' })),
      'PUT /team_cases': () => ((created = true), json(201, { ok: true })),
      'GET /team_cases/_local/plaint-sync': () => (marker ? json(200, { _id: '_local/plaint-sync', identity: marker }) : json(404, { error: 'not_found' })),
      'PUT /team_cases/_local/plaint-sync': () => ((marker = 'written'), json(201, { ok: true })),
    };
    const prepared = await prepareRemoteDatabases('http://couch:5984', ['team_cases'], fakeServer(routes));
    expect(created).toBe(true);
    // A database Plaint creates carries its identity marker (restore and replacement detection).
    expect(prepared).toMatchObject({ ok: true, identities: { team_cases: expect.any(String) as unknown } });
    expect(marker).not.toBeNull();
  });

  it('reports a missing database the user may not create, and says what to do', async () => {
    const routes = {
      'GET /': welcome,
      'GET /team_cases': json(404, { error: 'not_found', reason: 'Database does not exist.' }),
      'PUT /team_cases': json(401, { error: 'unauthorized', reason: 'You are not a server admin.' }),
    };
    expect(await prepareRemoteDatabases('http://couch:5984', ['team_cases'], fakeServer(routes))).toMatchObject({
      problem: 'database-missing',
      message: expect.stringContaining('Ask the administrator') as unknown,
    });
  });

  it('does not ask to create a database when the server says the user is no server administrator (issue 13: pouchdb-server dies of it)', async () => {
    let asked = false;
    const routes = {
      'GET /': welcome,
      'GET /_session': json(200, { ok: true, userCtx: { name: 'cleo', roles: ['plaint:clerk', 'plaint-account:acc-cleo'] } }),
      'GET /team_cases': json(404, { error: 'not_found', reason: 'Database does not exist.' }),
      'PUT /team_cases': () => ((asked = true), json(401, { error: 'unauthorized' })),
    };
    expect(await prepareRemoteDatabases('http://couch:5984', ['team_cases'], fakeServer(routes))).toMatchObject({ problem: 'database-missing' });
    expect(asked).toBe(false);
  });

  it('an address that is not a CouchDB server says so', async () => {
    expect(await prepareRemoteDatabases('http://intranet', ['team_cases'], fakeServer({ 'GET /': json(200, { hello: 'world' }) }))).toMatchObject({
      problem: 'not-couchdb',
    });
    expect(await prepareRemoteDatabases('http://couch:5984', ['team_cases'], fakeServer({ 'GET /': json(401, { error: 'unauthorized' }) }))).toMatchObject({
      problem: 'credentials',
    });
  });
});
