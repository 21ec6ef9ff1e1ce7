/**
 * Issue 13's sync test: two devices sync through a pouchdb-server whose team databases an
 * administrator prepared from Settings → Sync (`sync.prepareServer`), each device as its own
 * CouchDB user linked to its account. A tampered client with a clerk's server credentials writes a
 * staff document granting administrator and closes a case: the server refuses both, and no device
 * adopts them (P-7.1, P-7.2). The guard's design documents never reach a device's quarantine, and
 * the status warns that this server lets anyone read without a login.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { phoneComplaint } from '../../domain/test-support';
import { couchFetch } from '../couch/couch-http';
import { startCouchServer } from '../local-server/pouchdb-server';
import { connect, startDevice, waitForConvergence, waitUntil } from '../test-support/devices';
import { putCouchUser } from './couch-users';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const as = (username: string, password: string) => couchFetch({ username, password, onOutcome: () => undefined });
const json = { 'content-type': 'application/json' };

describe('a server prepared with the guard refuses forged writes from a tampered client', () => {
  it("refuses a forged staff document and a clerk's workflow change, and no device adopts them", async () => {
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    await couch.addAdmin('couchadmin', 'server-secret');
    const serverAdmin = as('couchadmin', 'server-secret');
    const [a, b] = [await startDevice('a'), await startDevice('b')];
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    // Each device's signed-in person has a CouchDB user in step with their account.
    const accountOf = async (device: typeof a) => (await device.call('session.current', {})).viewer?.accountId ?? '';
    const [aAccount, bAccount] = [await accountOf(a), await accountOf(b)];
    await putCouchUser(couch.url, serverAdmin, { login: 'ada', accountId: aAccount, roles: ['administrator'], active: true, password: 'ada-pass' });
    await putCouchUser(couch.url, serverAdmin, { login: 'bo', accountId: bAccount, roles: ['administrator'], active: true, password: 'bo-pass' });
    await putCouchUser(couch.url, serverAdmin, { login: 'cleo', accountId: 'acc-cleo', roles: ['clerk'], active: true, password: 'cleo-pass' });

    // The administrator saves the server first and prepares it (creating the databases) before
    // anyone syncs: an ordinary user may not create them.
    await a.call('sync.configure', { enabled: false, serverUrl: couch.url, database: 'team', username: 'ada', password: 'ada-pass' });
    // The device's own user is no CouchDB administrator: preparing needs one, given for this once.
    expect(await a.fail('sync.prepareServer', { username: '', password: '' })).toMatchObject({
      issues: [expect.objectContaining({ code: 'server_admin_needed' })],
    });
    const prepared = await a.call('sync.prepareServer', { username: 'couchadmin', password: 'server-secret' });
    expect(prepared.databases.every(({ outcome }) => outcome === 'installed')).toBe(true);
    await connect(a, couch.url, { username: 'ada', password: 'ada-pass' });
    await connect(b, couch.url, { username: 'bo', password: 'bo-pass' });
    const logged = await a.call('cases.create', { ...phoneComplaint, summary: 'Guarded', receivedAt: '2026-11-20T10:00:00.000Z' });
    await waitForConvergence([a, b]);

    // The tampered client: straight to the server with the clerk's credentials.
    const cleo = as('cleo', 'cleo-pass');
    const forgedStaff = await cleo(`${couch.url}/team_staff/staff-mallory`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({
        name: 'Mallory',
        login: 'mallory',
        email: '',
        roles: ['administrator'],
        departments: [],
        active: true,
        createdAt: '2026-11-20T10:00:00.000Z',
        password: null,
      }),
    });
    expect(forgedStaff.status).toBe(403);
    const onServer = (await (await serverAdmin(`${couch.url}/team_cases/${logged.caseId}`)).json()) as Record<string, unknown>;
    const closing = { ...onServer, status: 'closed', open: false, updatedBy: { id: 'acc-cleo', name: 'Cleo' } };
    const forgedClose = await cleo(`${couch.url}/team_cases/_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs: [closing] }) });
    expect(await forgedClose.json()).toEqual([expect.objectContaining({ id: logged.caseId, error: 'forbidden' })]);

    // The devices go on syncing honest work past it, and hold neither forgery.
    const marker = await b.call('cases.addNote', { caseId: logged.caseId, text: 'After the forgery' });
    expect(marker).toBeDefined();
    const settled = await waitForConvergence([a, b]);
    expect((settled['staff'] as { id: string }[]).map((member) => member.id)).not.toContain('staff-mallory');
    for (const device of [a, b]) {
      expect((await device.call('cases.get', { caseId: logged.caseId })).case.status).toBe('received');
      expect(await device.document('staff', 'staff-mallory')).toBeNull();
      expect(await device.call('sync.quarantine', {})).toEqual([]);
    }
    // pouchdb-server lets anyone read a database without `_security` members: the status says so.
    const status = await waitUntil(async () => {
      const current = await a.call('sync.status', {});
      return current.serverWarning ? current : null;
    }, 'the no-login warning');
    expect(status.serverWarning).toBe('no-login');
  }, 180_000);
});
