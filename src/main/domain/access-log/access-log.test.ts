/**
 * P-7.2: the access log records who opened, printed or exported which case and when; opening a
 * case again within one visit is logged once; refused reads log nothing; administrators filter the
 * log, and a case's managers see who has seen it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '@shared/identity/viewer';
import { PNG } from '../../files/test-support/scan-files';
import { managerViewer, phoneComplaint, startTestDomain, testViewer, type TestDomain } from '../test-support';

let t: TestDomain;
let caseId = '';
let reference = '';
let otherCaseId = '';
const administrator = testViewer('admin-1', ['administrator']);
const manager = testViewer('manager-1', ['manager']);
let caseworker: Viewer;

beforeAll(async () => {
  t = await startTestDomain('2026-11-20T09:00:00.000Z');
  const saved = await t.callAs(managerViewer, 'staff.save', { name: 'Cas Worker', login: 'cas', roles: ['caseworker'] });
  caseworker = testViewer(saved.staff.find((member) => member.name === 'Cas Worker')!.id, ['caseworker'], ['Billing']);
  ({ caseId, reference } = await t.callAs(managerViewer, 'cases.create', {
    ...phoneComplaint,
    receivedAt: '2026-11-19T10:00:00.000Z',
    departments: ['Billing'],
  }));
  otherCaseId = (await t.callAs(managerViewer, 'cases.create', { ...phoneComplaint, receivedAt: '2026-11-19T10:00:00.000Z', departments: ['Pharmacy'] }))
    .caseId;
});

afterAll(async () => {
  await t.close();
});

const logOf = (filters: Record<string, string> = {}) => t.callAs(administrator, 'accessLog.query', filters);

describe('P-7.2 the access log', () => {
  it('logs opening a case once per visit, and again on a later visit', async () => {
    await t.callAs(caseworker, 'cases.get', { caseId });
    await t.callAs(caseworker, 'cases.get', { caseId });
    expect(await logOf({ accountId: caseworker.accountId })).toEqual([
      expect.objectContaining({ action: 'opened', caseId, caseReference: reference, name: caseworker.name }),
    ]);
    t.clock.advanceHours(1);
    await t.callAs(caseworker, 'cases.get', { caseId });
    expect(await logOf({ accountId: caseworker.accountId })).toHaveLength(2);
  });

  it('a refused read logs nothing', async () => {
    const before = (await logOf()).length;
    expect((await t.failAs(caseworker, 'cases.get', { caseId: otherCaseId })).code).toBe('FORBIDDEN');
    expect(await logOf()).toHaveLength(before);
  });

  it('logs opening a scan and exporting the day book, case by case', async () => {
    const letter = await t.callAs(managerViewer, 'post.logIncoming', {
      receivedOn: '2026-11-20',
      sender: { name: 'Margaret Hale', addressLines: ['12 Milton Road'], postcode: 'M1 1AE', country: 'GB' },
      referenceQuoted: reference,
      kind: 'correspondence',
      summary: 'Photos',
      scans: [{ name: 'photo.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }],
    });
    await t.callAs(manager, 'post.file', { fileId: letter.files[0]!.id });
    await t.callAs(manager, 'post.dayBook', { from: '2026-11-20', to: '2026-11-20', format: 'csv' });
    const entries = await logOf({ accountId: manager.accountId });
    expect(entries.map((entry) => [entry.action, entry.caseId, entry.detail]).sort()).toEqual([
      ['exported', caseId, 'day-book-2026-11-20.csv'],
      ['file-opened', caseId, 'photo.png'],
    ]);
  });

  it('administrators filter it by person, case and days; nobody else may read it', async () => {
    expect((await logOf({ caseId: otherCaseId })).length).toBe(0);
    expect((await logOf({ caseId })).every((entry) => entry.caseId === caseId)).toBe(true);
    expect(await logOf({ from: '2026-11-21', to: '2026-11-22' })).toEqual([]);
    expect((await logOf({ from: '2026-11-20', to: '2026-11-20' })).length).toBeGreaterThan(0);
    for (const viewer of [manager, caseworker]) {
      expect(await t.failAs(viewer, 'accessLog.query', {})).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'role_refused' }] });
    }
    expect((await t.failAs(null, 'accessLog.query', {})).code).toBe('UNAUTHENTICATED');
    expect((await t.failAs(administrator, 'accessLog.query', { from: '2026-11-22', to: '2026-11-20' })).code).toBe('VALIDATION_FAILED');
  });

  it('a case shows its managers who has seen it; caseworkers and those who cannot open it are refused', async () => {
    const seen = await t.callAs(manager, 'accessLog.forCase', { caseId });
    expect(new Set(seen.map((entry) => entry.accountId))).toEqual(new Set([caseworker.accountId, manager.accountId]));
    expect(await t.failAs(caseworker, 'accessLog.forCase', { caseId })).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'role_refused' }] });
    await t.callAs(managerViewer, 'cases.restrict', { caseId, restrictedTo: [], reason: 'A complaint about a member of staff' });
    expect(await t.failAs(manager, 'accessLog.forCase', { caseId })).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'case_not_visible' }] });
    expect((await t.callAs(managerViewer, 'accessLog.forCase', { caseId })).length).toBeGreaterThan(0);
  });
});
