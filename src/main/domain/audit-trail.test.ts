/**
 * Issue 18: the organisation-wide audit view. Managers and administrators read every timeline and
 * audit entry of the cases they may see (who, what, when, which case), newest first, filtered by
 * person, kind and office days, a page at a time; a restricted case they are not named on is left
 * out of the rows and the total (P-7.1); everyone else is refused (METHOD_PERMISSIONS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_ADMIN } from '../identity/seed-account';
import { managerViewer, phoneComplaint, startTestDomain, testViewer, type TestDomain } from './test-support';

let t: TestDomain;
let adminId = '';
let casId = '';
let first = { caseId: '', reference: '' };
let second = { caseId: '', reference: '' };
let restricted = { caseId: '', reference: '' };
const otherManager = testViewer('manager-2', ['manager']);

beforeAll(async () => {
  // 20 Nov 2026 is a Friday; London is on GMT.
  t = await startTestDomain('2026-11-20T09:00:00.000Z');
  adminId = t.me();
  casId = await t.addAccount({ name: 'Cas Worker', login: 'cas', roles: ['caseworker'] });
  first = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T08:00:00.000Z' });
  await t.call('cases.addNote', { caseId: first.caseId, text: 'Called the courier' });
  await t.call('cases.assign', { caseId: first.caseId, assigneeId: casId });
  t.clock.set('2026-11-23T10:00:00.000Z');
  await t.signInAs('cas');
  second = await t.call('cases.create', {
    ...phoneComplaint,
    complainant: { ...phoneComplaint.complainant, name: 'Second Person' },
    receivedAt: '2026-11-23T09:00:00.000Z',
    assigneeId: casId,
  });
  await t.call('cases.addNote', { caseId: second.caseId, text: 'Spoke to the customer' });
  await t.signInAs(SEED_ADMIN.login, SEED_ADMIN.password);
  restricted = await t.call('cases.create', {
    ...phoneComplaint,
    complainant: { ...phoneComplaint.complainant, name: 'Rita Restricted' },
    receivedAt: '2026-11-23T09:30:00.000Z',
  });
  await t.callAs(managerViewer, 'cases.restrict', { caseId: restricted.caseId, restrictedTo: [], reason: 'About a member of staff' });
});

afterAll(async () => {
  await t.close();
});

describe('issue 18: the organisation-wide audit view', () => {
  it('lists entries of every case the manager may see, newest recorded first, naming who and which case', async () => {
    const page = await t.callAs(otherManager, 'cases.auditTrail', { limit: 200 });
    expect(page.total).toBe(page.items.length);
    const references = new Set(page.items.map((item) => item.reference));
    expect(references).toEqual(new Set([first.reference, second.reference]));
    const recorded = page.items.map((item) => item.entry.recordedAt);
    expect(recorded).toEqual([...recorded].sort().reverse());
    const note = page.items.find((item) => item.entry.kind === 'note' && item.entry.caseId === second.caseId);
    expect(note).toMatchObject({ reference: second.reference, entry: { by: { id: casId, name: 'Cas Worker' }, data: { text: 'Spoke to the customer' } } });
  });

  it('P-7.1: a restricted case is left out of rows and total for a manager it does not name, and shown to the one it names', async () => {
    const hiddenFrom = await t.callAs(otherManager, 'cases.auditTrail', { limit: 200 });
    expect(hiddenFrom.items.some((item) => item.entry.caseId === restricted.caseId)).toBe(false);
    const named = await t.callAs(managerViewer, 'cases.auditTrail', { limit: 200 });
    expect(named.items.some((item) => item.entry.caseId === restricted.caseId && item.entry.kind === 'restriction')).toBe(true);
    expect(named.total).toBeGreaterThan(hiddenFrom.total);
  });

  it('filters by person, kind and the office days recorded, and pages with a stable total', async () => {
    const bySomeone = await t.callAs(otherManager, 'cases.auditTrail', { personId: casId, limit: 200 });
    expect(bySomeone.items.length).toBeGreaterThan(0);
    expect(bySomeone.items.every((item) => item.entry.by.id === casId)).toBe(true);
    const notes = await t.callAs(otherManager, 'cases.auditTrail', { kinds: ['note'] });
    expect(notes.items.map((item) => item.entry.kind === 'note' && item.entry.data.text)).toEqual(['Spoke to the customer', 'Called the courier']);
    const friday = await t.callAs(otherManager, 'cases.auditTrail', { from: '2026-11-20', to: '2026-11-20', limit: 200 });
    expect(friday.items.length).toBeGreaterThan(0);
    expect(friday.items.every((item) => item.entry.caseId === first.caseId)).toBe(true);
    const byAdminOnMonday = await t.callAs(otherManager, 'cases.auditTrail', { personId: adminId, from: '2026-11-23', limit: 200 });
    expect(byAdminOnMonday.items).toEqual([]);

    const all = await t.callAs(otherManager, 'cases.auditTrail', { limit: 200 });
    const one = await t.callAs(otherManager, 'cases.auditTrail', { offset: 0, limit: 2 });
    const two = await t.callAs(otherManager, 'cases.auditTrail', { offset: 2, limit: 2 });
    expect(one.total).toBe(all.total);
    expect([...one.items, ...two.items].map((item) => item.entry.id)).toEqual(all.items.slice(0, 4).map((item) => item.entry.id));
  });

  it('refuses a clerk and a caseworker (METHOD_PERMISSIONS), and bad filters with a specific error', async () => {
    expect((await t.failAs(testViewer('clerk-1', ['clerk']), 'cases.auditTrail', {})).code).toBe('FORBIDDEN');
    expect((await t.failAs(testViewer(casId, ['caseworker']), 'cases.auditTrail', {})).code).toBe('FORBIDDEN');
    const backwards = await t.failAs(otherManager, 'cases.auditTrail', { from: '2026-11-23', to: '2026-11-20' });
    expect(backwards.issues).toEqual([expect.objectContaining({ path: 'to', code: 'start_after_end' })]);
    const unknownKind = await t.failAs(otherManager, 'cases.auditTrail', { kinds: ['gossip'] });
    expect(unknownKind.code).toBe('VALIDATION_FAILED');
  });
});
