/**
 * Sync checks what it pulls (issue 11), with documents injected into a real pouchdb-server the
 * way a broken client, a bad restore or a hand edit would put them there:
 * - malformed cases and settings (`clock: {}`, no `openInquiries`, `calendar.region: 'XX'`,
 *   complaint types that are not a list, an SLA limit of 0 days) are refused and quarantined with
 *   the reason; reads, lists, deadlines, settings and new cases keep working on every device;
 *   a broken version of settings a device holds in good order is replaced by that good version;
 * - a rewritten audit-trail entry keeps its first version, and the server gets it back;
 * - CouchDB deletions: Plaint's own undo (a just-logged case and its timeline) is applied on the
 *   other device; a worked case deleted on the server is refused, said in the quarantine, and
 *   given back to the server. A scan's chunks are no longer replicated (issue 19): the device that
 *   logged it uploads them and the other fetches them when the scan is opened, whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { QuarantineEntry } from '../../shared/domain/sync';
import { phoneComplaint } from '../domain/test-support';
import { startCouchServer, type CouchServer } from './local-server/pouchdb-server';
import { connect, startDevice, waitForConvergence, waitUntil, type Device } from './test-support/devices';
import { logLetter } from './test-support/offline-work';
import { PNG } from '../files/test-support/scan-files';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type CouchDoc = Record<string, unknown> & { _id: string; _rev: string };

async function read(couch: CouchServer, database: string, id: string): Promise<CouchDoc | null> {
  const response = await fetch(`${couch.url}/team_${database}/${encodeURIComponent(id)}`);
  return response.ok ? ((await response.json()) as CouchDoc) : null;
}

/** Writes a document on the server over whatever revision it holds (as a hand edit would). */
async function put(couch: CouchServer, database: string, document: Record<string, unknown> & { _id: string }): Promise<void> {
  const current = await read(couch, database, document._id);
  const response = await fetch(`${couch.url}/team_${database}/${encodeURIComponent(document._id)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...document, ...(current ? { _rev: current._rev } : {}) }),
  });
  expect(response.ok, `PUT ${database}/${document._id}`).toBe(true);
}

async function remove(couch: CouchServer, database: string, id: string): Promise<void> {
  const current = await read(couch, database, id);
  if (!current) throw new Error(`${database}/${id} is not on the server`);
  expect((await fetch(`${couch.url}/team_${database}/${encodeURIComponent(id)}?rev=${current._rev}`, { method: 'DELETE' })).ok).toBe(true);
}

async function quarantineOf(on: Device): Promise<QuarantineEntry[]> {
  return on.call('sync.quarantine', {});
}

describe('documents from the server are checked before they are stored', () => {
  it('refuses and quarantines what breaks the rules, keeps every device working, and heals the server where it can', async () => {
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    const [a, b] = [await startDevice('a'), await startDevice('b')];
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    await a.call('settings.updateCalendar', { region: 'LV', timeZone: 'Europe/Riga', closures: [] });
    const untouched = await a.call('cases.create', { ...phoneComplaint, summary: 'Untouched', receivedAt: '2026-11-20T10:00:00.000Z' });
    const worked = await a.call('cases.create', { ...phoneComplaint, summary: 'Worked on', receivedAt: '2026-11-20T10:00:00.000Z' });
    await a.call('cases.act', { caseId: worked.caseId, action: { type: 'acknowledge', at: '2026-11-20T11:00:00.000Z', channel: 'email' } });
    await connect(a, couch.url);
    await connect(b, couch.url);
    const letter = await logLetter(b, 'Leaking bottle');
    const undone = await logLetter(b, 'Logged by mistake', null);
    const settled = await waitForConvergence([a, b]);
    const undoneTimeline = (settled['timeline'] as { id: string; caseId: string }[]).filter((entry) => entry.caseId === undone.caseId).map((entry) => entry.id);
    expect(undoneTimeline.length).toBeGreaterThan(0);

    // What reaches the server from elsewhere.
    const good = (await read(couch, 'cases', untouched.caseId))!;
    const { _rev: _ignored, ...template } = good;
    await put(couch, 'cases', { ...template, _id: 'case-with-empty-clock', clock: {} });
    const { openInquiries: _none, ...withoutInquiries } = template;
    await put(couch, 'cases', { ...withoutInquiries, _id: 'case-without-inquiries' });
    const calendar = (await read(couch, 'settings', 'calendar'))!;
    await put(couch, 'settings', { ...calendar, value: { data: { region: 'XX', timeZone: 'Europe/Riga', closures: [] } } });
    await put(couch, 'settings', {
      _id: 'complaintTypes',
      value: { data: { product: 'Product' } },
      updatedAt: '2026-11-23T09:00:00.000Z',
      updatedBy: { id: 'x', name: 'Hand edit' },
    });
    await put(couch, 'settings', {
      _id: 'slaPolicy',
      value: {
        data: {
          acknowledgement: { unit: 'clock-hours', amount: 48 },
          stage1ResolutionWorkingDays: 0,
          escalationAcknowledgementTargetWorkingDays: 5,
          escalationAcknowledgementLimitWorkingDays: 10,
          stage2ResolutionWorkingDays: -2,
          warningLeadHours: 24,
          officeOpensAt: '09:00',
          officeClosesAt: '17:30',
        },
      },
      updatedAt: '2026-11-23T09:00:00.000Z',
      updatedBy: { id: 'x', name: 'Hand edit' },
    });
    const auditEntry = (settled['timeline'] as { id: string; caseId: string; kind: string }[]).find(
      (entry) => entry.caseId === worked.caseId && entry.kind === 'transition',
    )!;
    const original = (await read(couch, 'timeline', auditEntry.id))!;
    await put(couch, 'timeline', { ...original, data: { ...(original['data'] as object), details: 'Rewritten on the server' } });
    const [scan] = await a.call('post.list', { caseId: letter.caseId! });
    const fileId = scan!.files[0]!.id;
    await remove(couch, 'cases', worked.caseId);
    // Plaint's own deletion: undo of a just-logged letter removes its case and that case's timeline.
    await b.call('post.undo', { letterId: undone.id });

    const expected = ['case-with-empty-clock', 'case-without-inquiries', 'calendar', 'complaintTypes', 'slaPolicy', auditEntry.id, worked.caseId];
    await waitUntil(
      async () => {
        const seen = new Set([...(await quarantineOf(a)), ...(await quarantineOf(b))].map((entry) => entry.documentId));
        const states = await Promise.all([a, b].map(async (on) => (await on.call('sync.status', {})).state));
        const undoneHere = await a.document('cases', undone.caseId!);
        return expected.every((documentId) => seen.has(documentId)) && states.every((state) => state === 'up-to-date') && undoneHere === null;
      },
      'both devices to refuse what breaks the rules and settle',
      90_000,
    );
    for (const on of [a, b]) {
      // Reads, lists, deadlines, settings and new cases all work.
      const list = await on.call('cases.list', {});
      expect(list.items.map((item) => item.id)).not.toContain('case-with-empty-clock');
      expect(list.items.map((item) => item.id)).toContain(worked.caseId);
      expect((await on.call('cases.get', { caseId: untouched.caseId })).case.summary).toBe('Untouched');
      expect(await on.call('cases.count', { views: { breached: { deadline: 'breached' }, open: {} } })).toMatchObject({ open: expect.any(Number) as unknown });
      const settings = await on.call('settings.get', {});
      expect(settings.calendar.region).toBe('LV');
      expect(settings.slaPolicy.stage1ResolutionWorkingDays).toBe(10);
      expect(settings.complaintTypes.length).toBeGreaterThan(1);
      await on.call('cases.create', { ...phoneComplaint, summary: `Still works on ${on.name}`, receivedAt: '2026-11-20T10:00:00.000Z' });
      // The undo reached this device: the case and its timeline are gone.
      expect(await on.fail('cases.get', { caseId: undone.caseId! })).toMatchObject({ code: 'NOT_FOUND' });
      for (const id of undoneTimeline) expect(await on.document('timeline', id)).toBeNull();
      // The audit entry keeps its first version, the scan is whole.
      expect(((await on.document('timeline', auditEntry.id)) as { data: { details: string } }).data.details).toBe(
        (original['data'] as { details: string }).details,
      );
      const file = await on.call('post.file', { fileId });
      expect(Buffer.from(file.dataBase64, 'base64').equals(PNG)).toBe(true);
    }

    const quarantine = [...(await quarantineOf(a)), ...(await quarantineOf(b))];
    const reasonOf = (documentId: string) => [...new Set(quarantine.filter((entry) => entry.documentId === documentId).map((entry) => entry.reason))];
    expect(reasonOf('case-with-empty-clock')).toEqual(['invalid']);
    expect(quarantine.find((entry) => entry.documentId === 'case-with-empty-clock')?.issues).toContain('clock.receivedAt: invalid_type');
    expect(reasonOf('case-without-inquiries')).toEqual(['invalid']);
    expect(reasonOf('complaintTypes')).toEqual(['invalid']);
    expect(reasonOf('slaPolicy')).toEqual(['invalid']);
    expect(reasonOf('calendar')).toEqual(['invalid']);
    expect(reasonOf(auditEntry.id)).toEqual(['rewritten']);
    expect(reasonOf(worked.caseId)).toEqual(['deletion-refused']);
    // Nothing Plaint deleted itself is in the quarantine.
    expect(reasonOf(undone.caseId!)).toEqual([]);
    for (const documentId of [auditEntry.id, worked.caseId, 'calendar'])
      expect(
        quarantine.some((entry) => entry.documentId === documentId && entry.healed),
        `${documentId} healed`,
      ).toBe(true);

    // The server was given back what it lost, as the devices hold it.
    expect((await read(couch, 'cases', worked.caseId))?.['status']).toBe('acknowledged');
    expect((await read(couch, 'filechunks', `${fileId}:0`))?.['data']).toBe(PNG.toString('base64'));
    expect(((await read(couch, 'timeline', auditEntry.id))?.['data'] as { details: string }).details).toBe((original['data'] as { details: string }).details);
    expect(((await read(couch, 'settings', 'calendar'))?.['value'] as { data: { region: string } }).data.region).toBe('LV');
    // Only administrators see the list.
    await a.call('staff.save', { name: 'Carl Clerk', login: 'carl', roles: ['clerk'], password: 'correct horse battery' });
    await a.call('session.signOut', {});
    await a.call('session.signIn', { login: 'carl', password: 'correct horse battery' });
    expect(await a.fail('sync.quarantine', {})).toMatchObject({ code: 'FORBIDDEN' });
    console.warn(`[counts] Inbound: ${quarantine.length} quarantine entries on two devices, ${quarantine.filter((entry) => entry.healed).length} healed`);
  }, 300_000);
});
