/**
 * First start, "Join a team": a new device saves the team's server, the directory arrives by
 * sync, and a person signs in with the account an administrator made on another device. Until
 * the directory arrives the device says it is waiting for it; it never makes its own
 * administrator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startCouchServer } from './local-server/pouchdb-server';
import { connect, startDevice, waitUntil, type Device } from './test-support/devices';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function device(name: string, signedOut = false): Promise<Device> {
  const started = await startDevice(name, { signedOut });
  cleanups.push(() => started.close());
  return started;
}

describe('joining a team', () => {
  it('pulls the directory, then the person signs in offline-capable on the new device', async () => {
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    const a = await device('a');
    await connect(a, couch.url);
    const password = 'correct horse battery';
    const snapshot = await a.call('staff.save', { name: 'Bea Worker', login: 'bea', roles: ['caseworker'], departments: ['Billing'], password });
    const bea = snapshot.staff.find((member) => member.login === 'bea')!.id;

    const b = await device('b', true);
    expect(await b.call('session.current', {})).toMatchObject({ state: 'setup-needed', awaitingDirectory: false });
    expect(await b.fail('cases.list', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    const joined = await b.call('session.joinTeam', { enabled: true, serverUrl: couch.url, database: 'team', username: '' });
    expect(joined.state === 'signed-out' || joined.awaitingDirectory).toBe(true);
    await waitUntil(async () => (await b.call('session.current', {})).state === 'signed-out', 'the team directory on the new device');
    expect(await b.call('session.signIn', { login: 'bea', password })).toMatchObject({
      state: 'signed-in',
      viewer: { accountId: bea, roles: ['caseworker'], departments: ['Billing'] },
    });
    // Joining again is refused: the device belongs to the team now.
    expect(await b.fail('session.joinTeam', { enabled: true, serverUrl: couch.url, database: 'team', username: '' })).toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);
});
