/**
 * P-7.1 need-to-know on every case read path, through the API as each viewer would call it: a
 * caseworker (their own and their departments' cases), a clerk (the post-room projection only), a
 * manager (all), and a restricted case (only its named people: invisible in lists, counts,
 * search, quick search and duplicate hints to everyone else). Refusals change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SORT_FIELDS } from '../../shared/domain/inputs';
import type { Viewer } from '../../shared/identity/viewer';
import { deadlineEvents, isForRecipient } from '../notifier/deadline-events';
import { PNG } from '../files/test-support/scan-files';
import { managerViewer, phoneComplaint, startTestDomain, testViewer, type TestDomain } from './test-support';

let t: TestDomain;
const ids: Record<string, string> = {};
const references: Record<string, string> = {};
let caseworker: Viewer;
let otherCaseworker: Viewer;
const clerk = testViewer('clerk-1', ['clerk']);
/** A second manager: not named on the restricted case. */
const otherManager = testViewer('manager-2', ['manager']);

beforeAll(async () => {
  t = await startTestDomain('2026-11-20T09:00:00.000Z');
  const saved = await t.callAs(managerViewer, 'staff.save', { name: 'Cas Worker', login: 'cas', roles: ['caseworker'] });
  const casId = saved.staff.find((member) => member.name === 'Cas Worker')!.id;
  const other = await t.callAs(managerViewer, 'staff.save', { name: 'Olga Other', login: 'olga', roles: ['caseworker'] });
  const olgaId = other.staff.find((member) => member.name === 'Olga Other')!.id;
  caseworker = testViewer(casId, ['caseworker'], ['Billing']);
  otherCaseworker = testViewer(olgaId, ['caseworker'], ['Pharmacy']);
  const create = async (key: string, name: string, overrides: Record<string, unknown>) => {
    const complainant = { ...phoneComplaint.complainant, name: `${name} Ozoliņa`, email: `${key}@example.lv` };
    const { caseId, reference } = await t.callAs(managerViewer, 'cases.create', {
      ...phoneComplaint,
      complainant,
      receivedAt: '2026-11-19T10:00:00.000Z',
      ...overrides,
    });
    ids[key] = caseId;
    references[key] = reference;
  };
  await create('assigned', 'Anna', { assigneeId: casId, departments: ['Warehouse'] });
  await create('billing', 'Berta', { departments: ['Billing'] });
  await create('pharmacy', 'Cilda', { departments: ['Pharmacy'] });
  await create('restricted', 'Dace', { departments: ['Billing'], summary: 'About a member of staff' });
  // P-7.1: the restricted case is narrowed to the restricting manager and Olga.
  await t.callAs(managerViewer, 'cases.restrict', { caseId: ids['restricted']!, restrictedTo: [olgaId], reason: 'A complaint about a member of staff' });
});

afterAll(async () => {
  await t.close();
});

const listAs = async (viewer: Viewer | null, search = '') =>
  (await t.callAs(viewer, 'cases.list', { search, limit: 50 })).items.map((item) => item.complainantName.split(' ')[0]).sort();

describe('P-7.1 lists and counts agree with need-to-know', () => {
  it('a caseworker sees the cases assigned to them and those of their departments, and nothing else', async () => {
    expect(await listAs(caseworker)).toEqual(['Anna', 'Berta']);
    const page = await t.callAs(caseworker, 'cases.list', { limit: 1 });
    expect(page.total).toBe(2);
    expect(await t.callAs(caseworker, 'cases.count', { views: { all: {}, open: { open: true } } })).toEqual({ all: 2, open: 2 });
  });

  it("a caseworker's pages, in every sort order, are the visible cases in the manager's order (read through the storage prefilter)", async () => {
    const visible = new Set((await t.callAs(caseworker, 'cases.list', { limit: 50 })).items.map((item) => item.id));
    for (const field of CASE_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { field, direction };
        const expected = (await t.callAs(managerViewer, 'cases.list', { sort, limit: 50 })).items.map((item) => item.id).filter((id) => visible.has(id));
        const pages = [];
        for (let offset = 0; offset < expected.length + 1; offset += 1) {
          const page = await t.callAs(caseworker, 'cases.list', { sort, offset, limit: 1 });
          expect(page.total).toBe(expected.length);
          pages.push(...page.items.map((item) => item.id));
        }
        expect(pages, `${field} ${direction}`).toEqual(expected);
        const open = await t.callAs(caseworker, 'cases.list', { sort, filters: { open: true }, limit: 50 });
        expect(open.items.map((item) => item.id)).toEqual(expected);
      }
    }
  });

  it('a manager sees every case but a restricted one they are not named on', async () => {
    expect(await listAs(otherManager)).toEqual(['Anna', 'Berta', 'Cilda']);
    expect(await t.callAs(otherManager, 'cases.count', { views: { all: {} } })).toEqual({ all: 3 });
    expect(await listAs(managerViewer)).toEqual(['Anna', 'Berta', 'Cilda', 'Dace']);
  });

  it('a person named on a restricted case sees it, whatever their departments', async () => {
    expect(await listAs(otherCaseworker)).toEqual(['Cilda', 'Dace']);
    expect(await t.callAs(otherCaseworker, 'cases.count', { views: { all: {} } })).toEqual({ all: 2 });
  });

  it('a clerk, no roles and no viewer are refused lists and counts: never a number that reveals a case', async () => {
    for (const viewer of [clerk, testViewer('nobody', [])]) {
      expect((await t.failAs(viewer, 'cases.list', { limit: 50 })).code).toBe('FORBIDDEN');
      expect((await t.failAs(viewer, 'cases.count', { views: { all: {} } })).code).toBe('FORBIDDEN');
    }
    expect((await t.failAs(null, 'cases.count', { views: { all: {} } })).code).toBe('UNAUTHENTICATED');
  });
});

describe('P-7.1 search, quick search and duplicate hints', () => {
  it('text search in the list finds only visible cases, and its total agrees', async () => {
    expect(await listAs(caseworker, 'Ozoliņa')).toEqual(['Anna', 'Berta']);
    expect(await listAs(otherManager, 'Ozoliņa')).toEqual(['Anna', 'Berta', 'Cilda']);
    expect((await t.callAs(otherManager, 'cases.list', { search: 'member of staff' })).total).toBe(0);
  });

  it('a restricted case is invisible in quick search, by name and by its exact reference', async () => {
    const names = async (viewer: Viewer | null, query: string) =>
      (await t.callAs(viewer, 'cases.quickSearch', { query })).hits.map((hit) => hit.complainantName.split(' ')[0]).sort();
    expect(await names(caseworker, 'Ozoliņa')).toEqual(['Anna', 'Berta']);
    expect(await names(otherManager, 'Ozoliņa')).toEqual(['Anna', 'Berta', 'Cilda']);
    expect(await names(otherManager, references['restricted']!)).toEqual([]);
    expect(await names(managerViewer, references['restricted']!)).toEqual(['Dace']);
    expect((await t.failAs(null, 'cases.quickSearch', { query: 'Ozoliņa' })).code).toBe('UNAUTHENTICATED');
  });

  it('a clerk finds cases to attach post to, as the post-room projection only (no summary)', async () => {
    const { hits } = await t.callAs(clerk, 'cases.quickSearch', { query: 'Ozoliņa' });
    expect(hits.map((hit) => hit.complainantName.split(' ')[0]).sort()).toEqual(['Anna', 'Berta', 'Cilda']);
    for (const hit of hits) expect(hit.summary).toBe('');
  });

  it('duplicate hints name only cases the viewer may open', async () => {
    const hints = async (viewer: Viewer) => (await t.callAs(viewer, 'cases.findDuplicates', { email: 'restricted@example.lv' })).map((item) => item.id);
    expect(await hints(managerViewer)).toEqual([ids['restricted']]);
    expect(await hints(otherManager)).toEqual([]);
    expect(await hints(caseworker)).toEqual([]);
    expect(await t.callAs(clerk, 'cases.findDuplicates', { email: 'billing@example.lv' })).toEqual([]);
  });
});

describe('P-7.1 case details and writes', () => {
  it('opens a visible case; refuses others with FORBIDDEN at caseId; a missing case is NOT_FOUND', async () => {
    expect((await t.callAs(caseworker, 'cases.get', { caseId: ids['billing']! })).case.id).toBe(ids['billing']);
    for (const viewer of [caseworker, otherManager]) {
      const refused = await t.failAs(viewer, 'cases.get', { caseId: ids['restricted']! });
      expect(refused).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'caseId', code: 'case_not_visible' }] });
    }
    // A clerk's role never opens case details (the permission table); nobody signed in, nothing.
    expect((await t.failAs(clerk, 'cases.get', { caseId: ids['restricted']! })).code).toBe('FORBIDDEN');
    expect((await t.failAs(null, 'cases.get', { caseId: ids['restricted']! })).code).toBe('UNAUTHENTICATED');
    expect((await t.failAs(caseworker, 'cases.get', { caseId: ids['pharmacy']! })).code).toBe('FORBIDDEN');
    expect((await t.failAs(caseworker, 'cases.get', { caseId: 'no-such-case' })).code).toBe('NOT_FOUND');
  });

  it('a write to a case the caller may not open is refused and changes nothing', async () => {
    const before = await t.callAs(managerViewer, 'cases.get', { caseId: ids['pharmacy']! });
    const refused = await t.failAs(caseworker, 'cases.addNote', { caseId: ids['pharmacy']!, text: 'Not mine to see' });
    expect(refused.code).toBe('FORBIDDEN');
    const after = await t.callAs(managerViewer, 'cases.get', { caseId: ids['pharmacy']! });
    expect(after.timeline).toHaveLength(before.timeline.length);
    expect(after.case.updatedAt).toBe(before.case.updatedAt);
  });
});

describe('P-7.1 restricting a case and lifting the restriction', () => {
  it('only a manager who can open the case may restrict it; refusals change nothing', async () => {
    const before = await t.callAs(managerViewer, 'cases.get', { caseId: ids['billing']! });
    expect(
      await t.failAs(caseworker, 'cases.restrict', { caseId: ids['billing']!, restrictedTo: [], reason: 'A complaint about a member of staff' }),
    ).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'role_refused' }] });
    expect(
      await t.failAs(otherManager, 'cases.restrict', { caseId: ids['restricted']!, restrictedTo: null, reason: 'A complaint about a member of staff' }),
    ).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'case_not_visible' }] });
    expect(
      await t.failAs(managerViewer, 'cases.restrict', {
        caseId: ids['billing']!,
        restrictedTo: ['no-such-person'],
        reason: 'A complaint about a member of staff',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'restrictedTo.0', code: 'not_found' }] });
    expect(
      await t.failAs(managerViewer, 'cases.restrict', { caseId: ids['billing']!, restrictedTo: null, reason: 'A complaint about a member of staff' }),
    ).toMatchObject({ issues: [{ path: 'restrictedTo', code: 'nothing_to_change' }] });
    // The reason is required: a restriction always says why.
    expect(await t.failAs(managerViewer, 'cases.restrict', { caseId: ids['billing']!, restrictedTo: [], reason: '  ' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'reason' }],
    });
    expect(await t.failAs(managerViewer, 'cases.restrict', { caseId: ids['billing']!, restrictedTo: [] })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'reason' }],
    });
    const after = await t.callAs(managerViewer, 'cases.get', { caseId: ids['billing']! });
    expect(after.case).toEqual(before.case);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });

  it('restricting names the manager, hides the case from the department, and is audited; lifting restores it', async () => {
    const restricted = await t.callAs(managerViewer, 'cases.restrict', {
      caseId: ids['billing']!,
      restrictedTo: [],
      reason: 'A complaint about a member of staff',
    });
    expect(restricted.case).toMatchObject({ restricted: true, restrictedTo: [managerViewer.accountId] });
    expect(restricted.timeline.filter((entry) => entry.kind === 'audit').map((entry) => entry.data)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'restricted', before: false, after: true })]),
    );
    // The timeline says who restricted it (the entry's author: the session's account), to whom and why.
    expect(restricted.timeline.filter((entry) => entry.kind === 'restriction').map((entry) => ({ by: entry.by.id, data: entry.data }))).toEqual([
      {
        by: t.me(),
        data: { restricted: true, people: [{ id: managerViewer.accountId, name: managerViewer.name }], reason: 'A complaint about a member of staff' },
      },
    ]);
    expect((await t.callAs(managerViewer, 'cases.list', { search: 'Berta' })).items.map((item) => item.restricted)).toEqual([true]);
    expect(await listAs(caseworker)).toEqual(['Anna']);
    expect(await t.callAs(caseworker, 'cases.count', { views: { all: {} } })).toEqual({ all: 1 });

    const lifted = await t.callAs(managerViewer, 'cases.restrict', { caseId: ids['billing']!, restrictedTo: null, reason: 'Not about staff after all' });
    expect(lifted.case).toMatchObject({ restricted: false, restrictedTo: [] });
    expect(lifted.timeline.filter((entry) => entry.kind === 'restriction').map((entry) => entry.data)).toContainEqual({
      restricted: false,
      people: [],
      reason: 'Not about staff after all',
    });
    expect(await listAs(caseworker)).toEqual(['Anna', 'Berta']);
  });
});

describe('P-7.1 deadline notifications', () => {
  it('nobody is told of a case they may not open', async () => {
    const open = await t.services.domain!.queries.openDeadlines(new Date('2026-12-31T00:00:00.000Z'));
    const breaches = deadlineEvents(open).filter((event) => event.level === 'breached' && event.deadline === 'acknowledgement');
    const told = (viewer: Viewer) =>
      breaches
        .filter((event) => isForRecipient(event, { id: viewer.accountId, viewer }))
        .map((event) => event.caseId)
        .sort();
    expect(told(managerViewer)).toEqual([ids['assigned'], ids['billing'], ids['pharmacy'], ids['restricted']].sort());
    expect(told(otherManager)).toEqual([ids['assigned'], ids['billing'], ids['pharmacy']].sort());
    // A caseworker is told of the cases assigned to them, and a clerk of none.
    expect(told(caseworker)).toEqual([ids['assigned']]);
    expect(told(clerk)).toEqual([]);
  });
});

describe('P-7.1 the post room: letters, scans and the day book', () => {
  const sender = { name: 'Dace Ozoliņa', addressLines: ['1 Rīgas iela'], postcode: 'LV-1010', country: 'LV' };
  const png = { name: 'letter.png', mimeType: '', dataBase64: PNG.toString('base64') };

  it('a letter about a restricted case is hidden from everyone not named on it, in the list, its scans and the day book', async () => {
    const letter = await t.callAs(managerViewer, 'post.logIncoming', {
      receivedOn: '2026-11-20',
      sender,
      referenceQuoted: references['restricted']!,
      kind: 'correspondence',
      summary: 'More about the member of staff',
      scans: [png],
    });
    await t.callAs(managerViewer, 'post.logIncoming', {
      receivedOn: '2026-11-20',
      sender: { ...sender, name: 'Cilda Ozoliņa' },
      referenceQuoted: references['pharmacy']!,
      kind: 'correspondence',
      summary: 'Photos',
    });
    const fileId = letter.files[0]!.id;
    const summaries = async (viewer: Viewer) => (await t.callAs(viewer, 'post.list', {})).map((item) => item.summary).sort();
    expect(await summaries(managerViewer)).toEqual(['More about the member of staff', 'Photos']);
    expect(await summaries(clerk)).toEqual(['Photos']);
    expect(await summaries(otherManager)).toEqual(['Photos']);
    expect(await summaries(caseworker)).toEqual([]);
    expect((await t.failAs(null, 'post.list', {})).code).toBe('UNAUTHENTICATED');

    expect((await t.callAs(managerViewer, 'post.file', { fileId })).name).toBe('letter.png');
    expect(await t.failAs(clerk, 'post.file', { fileId })).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: 'fileId', code: 'case_not_visible' }] });

    const book = async (viewer: Viewer) =>
      (await t.callAs(viewer, 'post.dayBook', { from: '2026-11-20', to: '2026-11-20', format: 'csv' })).rows.map((row) => row.caseReference);
    expect(await book(managerViewer)).toEqual(expect.arrayContaining([references['restricted'], references['pharmacy']]));
    expect(await book(clerk)).toEqual([references['pharmacy']]);
    const csv = Buffer.from((await t.callAs(clerk, 'post.dayBook', { from: '2026-11-20', to: '2026-11-20', format: 'csv' })).dataBase64, 'base64').toString(
      'utf8',
    );
    expect(csv).not.toContain(references['restricted']);
  });

  it('a letter cannot be drafted for a case its writer may not open', async () => {
    expect((await t.failAs(caseworker, 'post.draftLetter', { caseId: ids['restricted']!, template: 'acknowledgement', language: 'en-GB' })).code).toBe(
      'FORBIDDEN',
    );
    expect((await t.failAs(caseworker, 'post.draftLetter', { caseId: ids['pharmacy']!, template: 'acknowledgement', language: 'en-GB' })).code).toBe(
      'FORBIDDEN',
    );
    expect((await t.callAs(caseworker, 'post.draftLetter', { caseId: ids['billing']!, template: 'acknowledgement', language: 'en-GB' })).text).toContain(
      references['billing'],
    );
  });
});
