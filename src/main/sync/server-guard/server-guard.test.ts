/**
 * The server guard on a real pouchdb-server with real CouchDB users (issue 13, "Test against
 * pouchdb-server"). Finding: pouchdb-server (express-pouchdb 4 with pouchdb-validation) DOES run
 * `validate_doc_update` with the user context of the request: basic auth is checked against its
 * `_users` database, and the function gets `userCtx` with that user's name and roles, for PUT,
 * DELETE and each document of `_bulk_docs` (a refused one is that row's `forbidden` error). So the
 * forged writes below are refused by the server itself (P-7.1, P-7.2).
 *
 * Also: installing is idempotent and the installed source is the generated one; plain http:// to
 * anything but loopback is refused; an anonymous server is noticed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { syncSettingsInput } from '@shared/domain/sync';
import { anonymousAccess } from '../couch/anonymous-access';
import { couchFetch } from '../couch/couch-http';
import { prepareRemoteDatabases } from '../couch/couch-databases';
import { startCouchServer, type CouchServer } from '../local-server/pouchdb-server';
import { REPLICATED_COLLECTIONS, remoteDatabaseName } from '../replicated-collections';
import { putCouchUser } from './couch-users';
import { GUARD_DESIGN_ID, guardDesignDocument } from './guard-source';
import { installGuards } from './install-guard';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const SERVER_ADMIN = { username: 'couchadmin', password: 'server-secret' };
const as = (username: string, password: string) => couchFetch({ username, password, onOutcome: () => undefined });
const json = { 'content-type': 'application/json' };

async function guardedServer(): Promise<{ couch: CouchServer; admin: typeof fetch }> {
  const couch = await startCouchServer();
  cleanups.push(() => couch.close());
  await couch.addAdmin(SERVER_ADMIN.username, SERVER_ADMIN.password);
  const admin = as(SERVER_ADMIN.username, SERVER_ADMIN.password);
  await putCouchUser(couch.url, admin, { login: 'ada', accountId: 'acc-ada', roles: ['administrator'], active: true, password: 'ada-pass' });
  await putCouchUser(couch.url, admin, { login: 'cleo', accountId: 'acc-cleo', roles: ['clerk'], active: true, password: 'cleo-pass' });
  await putCouchUser(couch.url, admin, { login: 'cy', accountId: 'acc-cy', roles: ['caseworker'], active: true, password: 'cy-pass' });
  return { couch, admin };
}

const ref = (id: string) => ({ id, name: id });

/** A timeline note on case-1 by the account `by`, as a client would PUT it (`extra`: its `_rev` for a rewrite). */
const noteEntry = (id: string, by: string, text: string, extra: { _rev?: string | undefined } = {}) => ({
  _id: id,
  ...extra,
  caseId: 'case-1',
  kind: 'note',
  at: '2026-11-21T10:00:00.000Z',
  recordedAt: '2026-11-21T10:00:00.000Z',
  order: 0,
  by: ref(by),
  data: { text },
});

async function put(
  send: typeof fetch,
  url: string,
  document: Record<string, unknown>,
): Promise<{ status: number; body: { rev?: string; error?: string; reason?: string } }> {
  const response = await send(`${url}/${encodeURIComponent(String(document['_id']))}`, { method: 'PUT', headers: json, body: JSON.stringify(document) });
  return { status: response.status, body: (await response.json()) as { rev?: string; error?: string; reason?: string } };
}

describe('the team server refuses forged writes (pouchdb-server enforces validate_doc_update with the user context)', () => {
  it('installs the guard in every team database once, with the generated source, and only with an administrator', async () => {
    const { couch, admin } = await guardedServer();
    // A device whose user is no server administrator finds the databases missing and says so,
    // without asking to create them (pouchdb-server dies of that request).
    expect(await prepareRemoteDatabases(couch.url, ['team_cases'], as('cleo', 'cleo-pass'))).toMatchObject({ ok: false, problem: 'database-missing' });
    expect((await fetch(`${couch.url}/`)).ok).toBe(true);
    await expect(installGuards(couch.url, 'team', as('cleo', 'cleo-pass'))).rejects.toMatchObject({ issues: [{ code: 'server_admin_needed' }] });

    const first = await installGuards(couch.url, 'team', admin);
    expect(first.databases.map(({ outcome }) => outcome)).toEqual(REPLICATED_COLLECTIONS.map(() => 'installed'));
    for (const spec of REPLICATED_COLLECTIONS) {
      const installed = (await (await admin(`${couch.url}/${remoteDatabaseName('team', spec)}/${GUARD_DESIGN_ID}`)).json()) as Record<string, unknown>;
      expect(installed['validate_doc_update']).toBe(guardDesignDocument(spec.collection).validate_doc_update);
    }
    const again = await installGuards(couch.url, 'team', admin);
    expect(again.databases.map(({ outcome }) => outcome)).toEqual(REPLICATED_COLLECTIONS.map(() => 'unchanged'));

    // An older guard is replaced.
    const cases = `${couch.url}/team_cases`;
    const current = (await (await admin(`${cases}/${GUARD_DESIGN_ID}`)).json()) as Record<string, unknown>;
    expect((await put(admin, cases, { ...current, plaintGuardVersion: 'old', validate_doc_update: 'function () {}' })).status).toBe(201);
    const updated = await installGuards(couch.url, 'team', admin);
    expect(updated.databases.find(({ database }) => database === 'team_cases')?.outcome).toBe('updated');
  });

  it("refuses a staff document granting administrator and a workflow change written with a clerk's credentials", async () => {
    const { couch, admin } = await guardedServer();
    await installGuards(couch.url, 'team', admin);
    const [ada, cleo, cy] = [as('ada', 'ada-pass'), as('cleo', 'cleo-pass'), as('cy', 'cy-pass')];
    const staff = `${couch.url}/team_staff`;
    const cases = `${couch.url}/team_cases`;
    const timeline = `${couch.url}/team_timeline`;

    // Forged staff documents: a clerk granting administrator, and a role Plaint does not know.
    const mallory = {
      _id: 'staff-mallory',
      name: 'Mallory',
      login: 'mallory',
      email: '',
      roles: ['administrator'],
      departments: [],
      active: true,
      createdAt: '2026-11-20T10:00:00.000Z',
      password: null,
    };
    const forgedStaff = await put(cleo, staff, mallory);
    expect(forgedStaff.status).toBe(403);
    expect(forgedStaff.body.reason).toContain('only a Plaint administrator');
    expect((await put(ada, staff, { ...mallory, roles: ['superuser'] })).body.reason).toContain('does not know (superuser)');
    expect((await put(ada, staff, mallory)).status).toBe(201);

    // A clerk logs a case; a caseworker acknowledges it; the clerk may not close it, even in bulk.
    const logged = {
      _id: 'case-1',
      status: 'received',
      stage: 1,
      open: true,
      deadlines: [],
      loggedBy: ref('acc-cleo'),
      updatedBy: ref('acc-cleo'),
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      acknowledgement: null,
    };
    const created = await put(cleo, cases, logged);
    expect(created.status).toBe(201);
    const acknowledged = {
      ...logged,
      _rev: created.body.rev,
      status: 'acknowledged',
      updatedBy: ref('acc-cy'),
      updatedAt: '2026-11-21T10:00:00.000Z',
      acknowledgement: { at: '2026-11-21T10:00:00.000Z', channel: 'email', by: ref('acc-cy') },
    };
    const worked = await put(cy, cases, acknowledged);
    expect(worked.status).toBe(201);
    const closing = { ...acknowledged, _rev: worked.body.rev, status: 'closed', open: false, updatedBy: ref('acc-cleo') };
    const closed = await put(cleo, cases, closing);
    expect(closed.status).toBe(403);
    expect(closed.body.reason).toContain('a clerk may not change status');
    const bulk = await cleo(`${cases}/_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs: [closing] }) });
    expect(await bulk.json()).toEqual([expect.objectContaining({ id: 'case-1', error: 'forbidden' })]);

    // The actor is the CouchDB user writing: a caseworker cannot write in a manager's name.
    const impersonated = await put(cy, timeline, noteEntry('entry-1', 'acc-ada', 'x'));
    expect(impersonated.body.reason).toContain('by.id names the account acc-ada');
    // The audit trail is written once.
    const note = await put(cy, timeline, noteEntry('entry-2', 'acc-cy', 'Called'));
    expect(note.status).toBe(201);
    const rewrite = await put(admin, timeline, noteEntry('entry-2', 'acc-cy', 'Never called', { _rev: note.body.rev }));
    expect(rewrite.body.reason).toContain('written once');
    const deletion = await cy(`${timeline}/entry-2?rev=${note.body.rev}`, { method: 'DELETE' });
    expect(deletion.status).toBe(403);

    // Deactivating an account removes its roles: the user can no longer write.
    await putCouchUser(couch.url, admin, { login: 'cy', accountId: 'acc-cy', roles: ['caseworker'], active: false });
    const afterDeactivation = await put(cy, timeline, noteEntry('entry-3', 'acc-cy', 'x'));
    expect(afterDeactivation.body.reason).toContain('holds no Plaint role');
    const stored = (await (await admin(`${cases}/case-1`)).json()) as Record<string, unknown>;
    expect(stored['status']).toBe('acknowledged');
  });

  it('warns about a server that needs no login: admin party, then anonymous reads', async () => {
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    await fetch(`${couch.url}/team_cases`, { method: 'PUT' });
    expect(await anonymousAccess(couch.url, 'team_cases')).toBe('admin-party');
    await couch.addAdmin(SERVER_ADMIN.username, SERVER_ADMIN.password);
    // pouchdb-server, like CouchDB before 3.0, lets anyone read a database without `_security` members.
    expect(await anonymousAccess(couch.url, 'team_cases')).toBe('no-login');
  });
});

describe('sync refuses plain http:// to anything but this computer', () => {
  const check = (serverUrl: string) => {
    const parsed = syncSettingsInput.safeParse({ enabled: true, serverUrl, database: 'team', username: '' });
    return parsed.success ? 'ok' : parsed.error.issues.map((issue) => (issue as { params?: { code?: string } }).params?.code ?? issue.code).join(',');
  };

  it.each([
    ['https://couch.example.org', 'ok'],
    ['http://127.0.0.1:5984', 'ok'],
    ['http://127.10.0.3:5984', 'ok'],
    ['http://localhost:5984', 'ok'],
    ['http://[::1]:5984', 'ok'],
    ['http://couch.example.org:5984', 'insecure_server_address'],
    ['http://192.168.1.20:5984', 'insecure_server_address'],
    ['http://128.0.0.1:5984', 'insecure_server_address'],
    ['http://localhost.example.org', 'insecure_server_address'],
    ['http://app.localhost:5984', 'insecure_server_address'],
    ['http://127.0.0.1.nip.io', 'insecure_server_address'],
    ['ftp://couch.example.org', 'server_address'],
  ])('%s: %s', (serverUrl, expected) => {
    expect(check(serverUrl)).toBe(expected);
  });
});

describe('preparing a server that cannot be reached', () => {
  it('is refused as unreachable, not a crash', async () => {
    const nowhere = couchFetch({ username: 'a', password: 'b', onOutcome: () => undefined, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(installGuards('http://127.0.0.1:9', 'team', nowhere)).rejects.toMatchObject({ issues: [{ code: 'server_unreachable' }] });
  });
});
