/**
 * Issue 18, the caseworker's and manager's lists, through the API as the renderer calls it:
 * "Assign to…" on many cases (all or nothing, a timeline entry on each), the list's export
 * (every matching row, P-7.1 need-to-know, P-7.2 access log), and the cases of the same
 * complainant (matched by contact details, linked and unlinked by hand on both timelines).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_EXPORT_COLUMNS } from '../../shared/domain/case-list-inputs';
import type { Viewer } from '../../shared/identity/viewer';
import { exportCaseList } from '../reports/case-list-export';
import { managerViewer, phoneComplaint, startTestDomain, testViewer, type TestDomain } from './test-support';

let t: TestDomain;
const ids: Record<string, string> = {};
const references: Record<string, string> = {};
let casId = '';
let caseworker: Viewer;
/** A manager not named on the restricted case (P-7.1). */
const otherManager = testViewer('manager-2', ['manager']);

const id = (key: string) => ids[key] ?? '';

beforeAll(async () => {
  t = await startTestDomain('2026-11-20T09:00:00.000Z');
  const saved = await t.callAs(managerViewer, 'staff.save', { name: 'Cas Worker', login: 'cas', roles: ['caseworker'] });
  casId = saved.staff.find((member) => member.name === 'Cas Worker')?.id ?? '';
  caseworker = testViewer(casId, ['caseworker'], ['Billing']);
  const create = async (key: string, complainant: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
    const { caseId, reference } = await t.callAs(managerViewer, 'cases.create', {
      ...phoneComplaint,
      complainant: { name: 'Someone Else', email: `${key}@example.lv`, phone: '', preferredChannel: 'email', ...complainant },
      receivedAt: '2026-11-19T10:00:00.000Z',
      ...overrides,
    });
    ids[key] = caseId;
    references[key] = reference;
  };
  await create('anna1', { name: 'Anna Ozoliņa', email: 'Anna.Ozolina@example.lv' }, { departments: ['Billing'] });
  // The same e-mail address, written differently.
  await create('anna2', { name: 'A. Ozoliņa', email: 'ANNA.Ozolina@Example.LV' }, { departments: ['Billing'] });
  // The same telephone number, written differently.
  await create(
    'phone1',
    { name: 'Pēteris Kalns', email: 'p1@example.lv', phone: '+371 2612 3456', preferredChannel: 'telephone' },
    { departments: ['Billing'] },
  );
  await create('phone2', { name: 'P Kalns', email: 'p2@example.lv', phone: '00371 26123456', preferredChannel: 'telephone' }, { departments: ['Pharmacy'] });
  // The same name and postcode, by post.
  const address = { lines: ['1 Brīvības iela'], town: 'Rīga', postcode: 'LV-1010', country: 'LV' };
  await create('post1', { name: 'Inese Liepa', email: '', address, preferredChannel: 'letter' }, { departments: ['Billing'] });
  await create(
    'post2',
    { name: 'inese  liepa', email: '', address: { ...address, postcode: 'lv 1010' }, preferredChannel: 'letter' },
    { departments: ['Billing'] },
  );
  await create('other', { name: 'Zane Other' }, { departments: ['Billing'] });
  await create('restricted', { name: 'Rasa Restricted', email: 'Anna.Ozolina@example.lv' }, { departments: ['Billing'] });
  // P-7.1: narrowed to the restricting manager (the test's managerViewer) alone.
  await t.callAs(managerViewer, 'cases.restrict', { caseId: id('restricted'), restrictedTo: [], reason: 'About a member of staff' });
});

afterAll(async () => {
  await t.close();
});

const assigneeOf = async (key: string) => (await t.callAs(managerViewer, 'cases.get', { caseId: id(key) })).case.assignee?.id ?? null;

describe('issue 18: "Assign to…" many cases at once', () => {
  it('assigns every case chosen in one operation, each with the timeline entry a single assignment makes', async () => {
    const result = await t.callAs(managerViewer, 'cases.assignMany', { caseIds: [id('anna1'), id('anna2'), id('other')], assigneeId: casId });
    expect(result).toEqual({ assigned: 3 });
    for (const key of ['anna1', 'anna2', 'other']) {
      const detail = await t.callAs(managerViewer, 'cases.get', { caseId: id(key) });
      expect(detail.case.assignee).toEqual({ id: casId, name: 'Cas Worker' });
      expect(detail.timeline.filter((entry) => entry.kind === 'audit' && entry.data.field === 'assignee')).toHaveLength(1);
    }
  });

  it('is all or nothing: a case the manager may not open (P-7.1) refuses the whole operation, naming it, and assigns none', async () => {
    const error = await t.failAs(otherManager, 'cases.assignMany', { caseIds: [id('post1'), id('restricted')], assigneeId: casId });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'caseIds.1', code: 'case_not_assignable' })]);
    expect(await assigneeOf('post1')).toBeNull();
  });

  it('refuses a case that does not exist, a case named twice and an unknown assignee, changing nothing', async () => {
    expect((await t.fail('cases.assignMany', { caseIds: [id('post1'), 'no-such-case'], assigneeId: casId })).issues).toEqual([
      expect.objectContaining({ path: 'caseIds.1', code: 'not_found' }),
    ]);
    expect((await t.fail('cases.assignMany', { caseIds: [id('post1'), id('post1')], assigneeId: casId })).issues).toEqual([
      expect.objectContaining({ path: 'caseIds.1', code: 'duplicate_case' }),
    ]);
    expect((await t.fail('cases.assignMany', { caseIds: [id('post1')], assigneeId: 'nobody' })).issues).toEqual([
      expect.objectContaining({ path: 'assigneeId', code: 'not_found' }),
    ]);
    expect((await t.fail('cases.assignMany', { caseIds: [], assigneeId: casId })).code).toBe('VALIDATION_FAILED');
    expect(await assigneeOf('post1')).toBeNull();
  });

  it('is for managers only; a caseworker is refused', async () => {
    expect((await t.failAs(caseworker, 'cases.assignMany', { caseIds: [id('post1')], assigneeId: casId })).code).toBe('FORBIDDEN');
    expect(await assigneeOf('post1')).toBeNull();
  });

  it('unassigns them all with no assignee', async () => {
    await t.callAs(managerViewer, 'cases.assignMany', { caseIds: [id('other')], assigneeId: null });
    expect(await assigneeOf('other')).toBeNull();
  });

  it('the "Unassigned" (triage) and "My due soon" views count only cases the viewer may open (P-7.1)', async () => {
    // The built-in views' filters (renderer views.ts): open and nobody's; mine with a near deadline.
    const views = { unassigned: { open: true, assigneeIds: [''] }, myDueSoon: { assigneeIds: [casId], deadline: 'due-soon' as const } };
    // Unassigned now: post1, post2, phone1, phone2, other, restricted. Cas sees the Billing ones only (not phone2, not the restricted one).
    expect(await t.callAs(caseworker, 'cases.count', { views })).toEqual({ unassigned: 4, myDueSoon: 0 });
    expect((await t.callAs(otherManager, 'cases.count', { views })).unassigned).toBe(5);
    expect((await t.callAs(managerViewer, 'cases.count', { views })).unassigned).toBe(6);
  });
});

const exportInput = (format: 'csv' | 'xlsx', filters: Record<string, unknown> = {}) => ({
  filters,
  format,
  name: 'cases',
  language: 'en-GB' as const,
  header: [...CASE_EXPORT_COLUMNS],
  words: { received: 'Received', telephone: 'Telephone', unassigned: 'Nobody' },
  sort: { field: 'reference' as const, direction: 'asc' as const },
});

describe('issue 18: exporting the list (CSV, XLSX)', () => {
  it('holds every matching row the viewer may open, read page after page, not only the first page', async () => {
    const domain = t.services.domain;
    if (!domain) throw new Error('The domain is running');
    const exported = await exportCaseList(domain, { ...exportInput('csv'), search: '', words: {} }, caseworker, 2);
    // P-7.1: Cas sees the Billing cases and those assigned to them; never the Pharmacy one or the restricted one.
    expect(exported.cases.map((item) => item.reference).sort()).toEqual(
      ['anna1', 'anna2', 'other', 'phone1', 'post1', 'post2'].map((key) => references[key]).sort(),
    );
  });

  it("writes a CSV with the headings given, in the list's sort order, and logs each case as exported (P-7.2)", async () => {
    const file = await t.callAs(caseworker, 'cases.export', exportInput('csv'));
    expect(file).toMatchObject({ name: 'cases.csv', mimeType: 'text/csv', rows: 6 });
    const lines = Buffer.from(file.dataBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(CASE_EXPORT_COLUMNS.map((column) => `"${column}"`).join(','));
    expect(lines).toHaveLength(7);
    expect(lines.slice(1).map((line) => line.split(',')[0]?.replaceAll('"', ''))).toEqual(
      ['anna1', 'anna2', 'other', 'phone1', 'post1', 'post2'].map((key) => references[key] ?? '').sort(),
    );
    expect(lines.join('\n')).toContain('"Telephone"');
    const logged = await t.callAs(managerViewer, 'accessLog.query', { accountId: casId, limit: 100 });
    expect(
      logged
        .filter((entry) => entry.action === 'exported' && entry.detail === 'cases.csv')
        .map((entry) => entry.caseReference)
        .sort(),
    ).toEqual(['anna1', 'anna2', 'other', 'phone1', 'post1', 'post2'].map((key) => references[key]).sort());
  });

  it('writes an XLSX workbook with the same rows, every cell as text', async () => {
    const file = await t.callAs(managerViewer, 'cases.export', exportInput('xlsx', { types: ['product'] }));
    expect(file.name).toBe('cases.xlsx');
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.dataBase64, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(1 + 8);
    expect(sheet?.getRow(1).getCell(1).value).toBe('reference');
    expect(sheet?.getRow(2).getCell(5).value).toBe('stage-1');
  });

  it('refuses a bad format or file name, and writes nothing to the access log', async () => {
    const before = (await t.callAs(managerViewer, 'accessLog.query', { limit: 500 })).length;
    expect((await t.fail('cases.export', { ...exportInput('csv'), format: 'pdf' })).code).toBe('VALIDATION_FAILED');
    expect((await t.fail('cases.export', { ...exportInput('csv'), name: '../secrets' })).code).toBe('VALIDATION_FAILED');
    expect((await t.callAs(managerViewer, 'accessLog.query', { limit: 500 })).length).toBe(before);
  });
});

const relatedOf = async (key: string, viewer: Viewer = managerViewer) =>
  (await t.callAs(viewer, 'cases.related', { caseId: id(key) }))
    .map((item) => [item.reference, item.matchedBy, item.linked])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('issue 18: cases of the same complainant', () => {
  it('finds them by normalised e-mail, telephone, or name and postcode', async () => {
    expect(await relatedOf('anna1')).toEqual(
      [
        [references['restricted'], ['email'], false],
        [references['anna2'], ['email'], false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(await relatedOf('phone1')).toEqual([[references['phone2'], ['phone'], false]]);
    expect(await relatedOf('post2')).toEqual([[references['post1'], ['name-postcode'], false]]);
    expect(await relatedOf('other')).toEqual([]);
  });

  it('lists only cases the viewer may open (P-7.1)', async () => {
    expect(await relatedOf('anna1', caseworker)).toEqual([[references['anna2'], ['email'], false]]);
    expect(await relatedOf('phone1', caseworker)).toEqual([]);
    expect((await t.failAs(caseworker, 'cases.related', { caseId: id('phone2') })).code).toBe('FORBIDDEN');
  });

  it('links two cases by hand, on both cases and both timelines, and unlinks them the same way', async () => {
    const after = await t.callAs(caseworker, 'cases.link', { caseId: id('other'), otherCaseId: id('post1'), linked: true });
    expect(after.map((item) => [item.reference, item.linked])).toEqual([[references['post1'], true]]);
    expect(await relatedOf('post1')).toContainEqual([references['other'], [], true]);
    const linkEntries = async (key: string) =>
      (await t.callAs(managerViewer, 'cases.get', { caseId: id(key) })).timeline.flatMap((entry) =>
        entry.kind === 'case-link' ? [[entry.data.linked, entry.data.otherReference]] : [],
      );
    expect(await linkEntries('other')).toEqual([[true, references['post1']]]);
    expect(await linkEntries('post1')).toEqual([[true, references['other']]]);

    expect(await t.callAs(caseworker, 'cases.link', { caseId: id('post1'), otherCaseId: id('other'), linked: false })).not.toContainEqual(
      expect.objectContaining({ reference: references['other'] }),
    );
    expect(await linkEntries('other')).toEqual([
      [true, references['post1']],
      [false, references['post1']],
    ]);
    expect(await linkEntries('post1')).toEqual([
      [true, references['other']],
      [false, references['other']],
    ]);
  });

  it('refuses linking a case to itself, twice, unlinking cases not linked, and a case the viewer may not open, changing nothing', async () => {
    expect((await t.fail('cases.link', { caseId: id('other'), otherCaseId: id('other'), linked: true })).issues[0]?.code).toBe('related_to_itself');
    await t.call('cases.link', { caseId: id('other'), otherCaseId: id('anna1'), linked: true });
    expect((await t.fail('cases.link', { caseId: id('anna1'), otherCaseId: id('other'), linked: true })).issues[0]?.code).toBe('already_linked');
    expect((await t.fail('cases.link', { caseId: id('anna2'), otherCaseId: id('other'), linked: false })).issues[0]?.code).toBe('not_linked');
    expect((await t.failAs(caseworker, 'cases.link', { caseId: id('other'), otherCaseId: id('phone2'), linked: true })).code).toBe('FORBIDDEN');
    expect((await t.callAs(managerViewer, 'cases.get', { caseId: id('phone2') })).case.relatedCaseIds).toEqual([]);
    expect((await t.fail('cases.link', { caseId: id('other'), otherCaseId: 'no-such-case', linked: true })).issues[0]?.code).toBe('not_found');
  });
});
