/**
 * Need-to-know replication (issue 19, P-7.1), against a real pouchdb-server on loopback with
 * devices in their own processes: a device holds only the cases the people who signed in on it
 * may see, with their timelines, letters and file records.
 * - a caseworker's device never receives a restricted case, nor a case outside their departments;
 * - when access is granted (the case moved into their department, their departments changed) the
 *   case arrives with its timeline, letter and file record;
 * - when it is revoked (moved out, restricted) it leaves the device, and only the device: the
 *   server and a manager's device keep it, and a scan logged on the device stays on the server;
 * - two devices with different people converge on the cases they share, with no lost update.
 */
import { describe, expect, it } from 'vitest';
import { bulkyPng } from '../files/test-support/scan-files';
import { phoneComplaint } from '../domain/test-support';
import type { CouchServer } from './local-server/pouchdb-server';
import { connect, waitUntil, type Device } from './test-support/devices';
import { sender } from './test-support/offline-work';
import { syncLab } from './test-support/sync-lab';

const { server, device } = syncLab();
const password = 'correct horse battery';

/** A new device that joins the team and on which only this person has signed in. */
async function deviceOf(name: string, couch: CouchServer, login: string): Promise<Device> {
  const on = await device(name, { signedOut: true });
  await on.call('session.joinTeam', { enabled: true, serverUrl: couch.url, database: 'team', username: '' });
  await waitUntil(async () => (await on.call('session.current', {})).state === 'signed-out', `the team directory on ${name}`);
  await waitUntil(async () => (await on.call('session.signIn', { login, password })).state === 'signed-in', `${login} signed in on ${name}`);
  return on;
}

const upToDate = async (on: Device) => (await on.call('sync.status', {})).state === 'up-to-date';

async function caseIdsOn(on: Device): Promise<string[]> {
  return ((await on.sharedData())['cases'] as { id: string }[]).map((held) => held.id).sort();
}

/** Every case, timeline entry, letter and file record the device holds names one of these cases. */
async function holdsOnly(on: Device, caseIds: readonly string[]): Promise<boolean> {
  const data = await on.sharedData();
  const cases = new Set(caseIds);
  const letters = (data['letters'] as { id: string; caseId: string | null }[]).filter((letter) => letter.caseId !== null);
  const letterIds = new Set(letters.map((letter) => letter.id));
  return (
    (data['cases'] as { id: string }[]).every((held) => cases.has(held.id)) &&
    (data['timeline'] as { caseId: string }[]).every((entry) => cases.has(entry.caseId)) &&
    letters.every((letter) => cases.has(letter.caseId ?? '')) &&
    (data['files'] as { ownerId: string }[]).every((file) => letterIds.has(file.ownerId) || file.ownerId === 'mailbox')
  );
}

/** The case, its timeline (as many entries as the manager's device holds), its letters and their file records are on the device. */
async function holdsWhole(on: Device, manager: Device, caseId: string): Promise<boolean> {
  const [mine, theirs] = await Promise.all([on.sharedData(), manager.sharedData()]);
  const of = (data: Record<string, unknown[]>, collection: string, field: string) =>
    (data[collection] as Record<string, unknown>[])
      .filter((document) => document[field] === caseId)
      .map((document) => String(document['id']))
      .sort();
  const files = (data: Record<string, unknown[]>) => {
    const letters = new Set(of(data, 'letters', 'caseId'));
    return (data['files'] as { id: string; ownerId: string }[])
      .filter((file) => letters.has(file.ownerId))
      .map((file) => file.id)
      .sort();
  };
  return (
    (mine['cases'] as { id: string }[]).some((held) => held.id === caseId) &&
    JSON.stringify(of(mine, 'timeline', 'caseId')) === JSON.stringify(of(theirs, 'timeline', 'caseId')) &&
    JSON.stringify(of(mine, 'letters', 'caseId')) === JSON.stringify(of(theirs, 'letters', 'caseId')) &&
    JSON.stringify(files(mine)) === JSON.stringify(files(theirs))
  );
}

async function onServer(couch: CouchServer, database: string, id: string): Promise<Record<string, unknown> | null> {
  const response = await fetch(`${couch.url}/team_${database}/${encodeURIComponent(id)}`);
  return response.ok ? ((await response.json()) as Record<string, unknown>) : null;
}

async function caseIn(on: Device, department: string, summary: string): Promise<string> {
  const { caseId } = await on.call('cases.create', { ...phoneComplaint, summary, departments: [department], receivedAt: '2026-11-20T10:00:00.000Z' });
  await on.call('cases.addNote', { caseId, text: `Note on ${summary}` });
  return caseId;
}

describe('need-to-know replication (issue 19, P-7.1)', () => {
  it("a caseworker's device holds only what its person may see; granted cases arrive whole, revoked ones leave the device only", async () => {
    const couch = await server();
    const manager = await device('manager');
    await connect(manager, couch.url);
    await manager.call('settings.setDepartments', { departments: ['Billing', 'Delivery'] });
    await manager.call('staff.save', { name: 'Bea Worker', login: 'bea', roles: ['caseworker'], departments: ['Billing'], password });
    const managerId = await manager.me();

    const billing = await caseIn(manager, 'Billing', 'Billing case');
    const delivery = await caseIn(manager, 'Delivery', 'Delivery case');
    const restricted = await caseIn(manager, 'Billing', 'Restricted billing case');
    await manager.call('cases.restrict', { caseId: restricted, restrictedTo: [managerId], reason: 'About a member of staff' });
    // A letter with a scan creates a case; it goes to Delivery, outside Bea's departments.
    const letter = await manager.call('post.logIncoming', {
      receivedOn: '2026-11-23',
      sender,
      kind: 'new-complaint',
      type: 'product',
      summary: 'Letter case',
      scans: [{ name: 'scan.png', mimeType: 'image/png', dataBase64: bulkyPng(2_000).toString('base64') }],
    });
    const lettered = letter.caseId!;
    await manager.call('cases.updateDetails', { caseId: lettered, changes: { departments: ['Delivery'] } });
    await waitUntil(() => upToDate(manager), 'the manager device to be up to date');

    const bea = await deviceOf('bea', couch, 'bea');
    await waitUntil(async () => (await upToDate(bea)) && (await holdsWhole(bea, manager, billing)), "Bea's case on her device");
    // Never received: the restricted case, the other department's cases, and their children.
    expect(await caseIdsOn(bea)).toEqual([billing]);
    expect(await holdsOnly(bea, [billing])).toBe(true);
    expect(await bea.document('cases', restricted)).toBeNull();
    expect(await bea.document('files', letter.files[0]!.id)).toBeNull();

    // Granted: the letter's case moves into Billing; it arrives with its timeline, letter and scan record.
    await manager.call('cases.updateDetails', { caseId: lettered, changes: { departments: ['Billing'] } });
    await waitUntil(async () => (await upToDate(bea)) && (await holdsWhole(bea, manager, lettered)), "the granted case, whole, on Bea's device");
    expect(await bea.document('files', letter.files[0]!.id)).not.toBeNull();

    // Revoked: moved to Delivery, and restricted. Both leave Bea's device, with their children...
    await manager.call('cases.updateDetails', { caseId: billing, changes: { departments: ['Delivery'] } });
    await manager.call('cases.restrict', { caseId: lettered, restrictedTo: [managerId], reason: 'About a member of staff' });
    await waitUntil(async () => (await upToDate(bea)) && (await caseIdsOn(bea)).length === 0, "the revoked cases to leave Bea's device");
    expect(await holdsOnly(bea, [])).toBe(true);
    expect(await bea.document('files', letter.files[0]!.id)).toBeNull();
    // ...but stay on the server and on the manager's device: nothing was pushed as a deletion.
    for (const caseId of [billing, lettered]) {
      expect((await onServer(couch, 'cases', caseId))?.['_deleted']).toBeUndefined();
      expect(await manager.document('cases', caseId)).not.toBeNull();
    }
    expect(await onServer(couch, 'files', letter.files[0]!.id)).not.toBeNull();
    expect(await onServer(couch, 'letters', letter.id)).not.toBeNull();
    await waitUntil(() => upToDate(manager), 'the manager device to be up to date');
    expect(await holdsWhole(manager, manager, billing)).toBe(true);
    expect((await manager.sharedData())['timeline']!.length).toBeGreaterThan(0);

    // Bea's departments change: Delivery's unrestricted cases arrive, the restricted ones never do.
    await manager.call('staff.save', { ...(await staffOf(manager, 'bea')), departments: ['Delivery'] });
    await waitUntil(
      async () => (await upToDate(bea)) && (await caseIdsOn(bea)).join() === [billing, delivery].sort().join(),
      "Delivery's cases on Bea's device",
    );
    expect(await holdsWhole(bea, manager, delivery)).toBe(true);
    expect(await holdsWhole(bea, manager, billing)).toBe(true);
    expect(await holdsOnly(bea, [billing, delivery])).toBe(true);

    // A letter Bea logs opens a case in no department, which she may not see: once it and its scan
    // are on the server it leaves her device, and the scan stays on the team server.
    const scan = bulkyPng(3_000);
    const logged = await bea.call('post.logIncoming', {
      receivedOn: '2026-11-23',
      sender,
      kind: 'new-complaint',
      type: 'product',
      summary: 'Logged by Bea',
      scans: [{ name: 'scan.png', mimeType: 'image/png', dataBase64: scan.toString('base64') }],
    });
    const scanId = logged.files[0]!.id;
    await waitUntil(
      async () => (await upToDate(bea)) && (await bea.document('files', scanId)) === null && (await bea.document('cases', logged.caseId!)) === null,
      'the case Bea may not see to leave her device',
    );
    expect(await onServer(couch, 'filechunks', `${scanId}:0`)).not.toBeNull();
    await waitUntil(async () => (await manager.document('files', scanId)) !== null, 'the scan record on the manager device');
    expect(Buffer.from((await manager.call('post.file', { fileId: scanId })).dataBase64, 'base64').equals(scan)).toBe(true);
  }, 300_000);

  it('two devices with different people converge on the cases they share, with no lost update', async () => {
    const couch = await server();
    const manager = await device('manager');
    await connect(manager, couch.url);
    await manager.call('settings.setDepartments', { departments: ['Billing', 'Delivery'] });
    await manager.call('staff.save', { name: 'Bea Worker', login: 'bea', roles: ['caseworker'], departments: ['Billing'], password });
    await manager.call('staff.save', { name: 'Dan Worker', login: 'dan', roles: ['caseworker'], departments: ['Billing', 'Delivery'], password });
    const shared = await caseIn(manager, 'Billing', 'Shared case');
    const dansOnly = await caseIn(manager, 'Delivery', 'Delivery case');

    const bea = await deviceOf('bea', couch, 'bea');
    const dan = await deviceOf('dan', couch, 'dan');
    await waitUntil(
      async () => (await upToDate(bea)) && (await upToDate(dan)) && (await caseIdsOn(bea)).join() === shared && (await caseIdsOn(dan)).length === 2,
      'each device to hold its cases',
    );

    // Offline (the server is down), each edits another field of the shared case; Dan also works his own case.
    await couch.kill();
    await bea.call('cases.updateDetails', { caseId: shared, changes: { summary: 'Edited by Bea' } });
    await dan.call('cases.updateDetails', { caseId: shared, changes: { desiredOutcome: 'Edited by Dan' } });
    await dan.call('cases.addNote', { caseId: dansOnly, text: 'Only for Delivery' });
    await couch.start();

    const both = async () => {
      const [onBea, onDan] = await Promise.all([bea.document('cases', shared), dan.document('cases', shared)]);
      return onBea?.['summary'] === 'Edited by Bea' && onBea['desiredOutcome'] === 'Edited by Dan' && JSON.stringify(onBea) === JSON.stringify(onDan);
    };
    const timelineOf = async (on: Device) =>
      ((await on.sharedData())['timeline'] as { id: string; caseId: string }[])
        .filter((entry) => entry.caseId === shared)
        .map((entry) => entry.id)
        .sort();
    // Each device's audit entries reach the other a moment after its own status says "up to date".
    const sameTimeline = async () => JSON.stringify(await timelineOf(bea)) === JSON.stringify(await timelineOf(dan));
    await waitUntil(
      async () => (await upToDate(bea)) && (await upToDate(dan)) && (await both()) && (await sameTimeline()),
      'both edits of the shared case, and its whole timeline, on both devices',
    );
    // Bea's device never received Dan's other case, nor its new note.
    expect(await caseIdsOn(bea)).toEqual([shared]);
    expect(await holdsOnly(bea, [shared])).toBe(true);
    await waitUntil(async () => (await manager.document('cases', shared))?.['summary'] === 'Edited by Bea', 'the merged case on the manager device');
  }, 300_000);
});

async function staffOf(on: Device, login: string) {
  const member = (await on.call('settings.get', {})).staff.find((candidate) => candidate.login === login);
  if (!member) throw new Error(`No account ${login}`);
  return { id: member.id, name: member.name, login: member.login, roles: [...member.roles], departments: [...member.departments], active: member.active };
}
