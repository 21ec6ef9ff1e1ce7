/**
 * P-7.1 need-to-know on every API method that touches one case: each refuses a caseworker who may
 * not see the case with FORBIDDEN (`case_not_visible`) and changes nothing. Table-driven: every
 * method is called by a caseworker of another department (on a Billing case) and by a caseworker
 * of the case's own department on a restricted case (named: the restricting manager only), and,
 * with the manager-only methods added, by a manager not named on a restricted case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethodName } from '../../shared/api/names';
import type { Viewer } from '../../shared/identity/viewer';
import { PNG } from '../files/test-support/scan-files';
import { managerViewer, phoneComplaint, startTestDomain, testViewer, type TestDomain } from './test-support';

let t: TestDomain;
/** Per case under test: its id, reference, an incoming letter (with a scan) and a finalised letter. */
interface Fixture {
  caseId: string;
  reference: string;
  incomingLetterId: string;
  scanId: string;
  outgoingLetterId: string;
  pdfId: string;
  /** An extension granted with no customer notice yet (P-4.4). */
  extensionId: string;
}
const fixtures: Record<'other-department' | 'restricted', Fixture> = {} as Record<'other-department' | 'restricted', Fixture>;
let billingCaseworker: Viewer;
let pharmacyCaseworker: Viewer;

const sender = { name: 'Inga Kalniņa', addressLines: ['1 Rīgas iela'], postcode: 'LV-1010', country: 'LV' };
const png = { name: 'letter.png', mimeType: '', dataBase64: PNG.toString('base64') };

async function fixture(departments: string[], restricted: boolean): Promise<Fixture> {
  const { caseId, reference } = await t.callAs(managerViewer, 'cases.create', { ...phoneComplaint, receivedAt: '2026-11-19T10:00:00.000Z', departments });
  const incoming = await t.callAs(managerViewer, 'post.logIncoming', {
    receivedOn: '2026-11-20',
    sender,
    referenceQuoted: reference,
    kind: 'correspondence',
    summary: 'More',
    scans: [png],
  });
  const outgoing = await t.callAs(managerViewer, 'post.finaliseLetter', {
    caseId,
    template: 'acknowledgement',
    language: 'en-GB',
    text: 'Dear Inga,\nWe have your complaint.',
  });
  await t.callAs(managerViewer, 'cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-20T08:00:00.000Z', channel: 'telephone' } });
  const extended = await t.callAs(managerViewer, 'cases.act', {
    caseId,
    action: {
      type: 'extendDeadline',
      at: '2026-11-20T09:00:00.000Z',
      newDueAt: '2026-12-30T09:00:00.000Z',
      reason: 'Waiting for the pharmacy',
      approverId: t.me(),
      customerNotice: null,
    },
  });
  if (restricted) await t.callAs(managerViewer, 'cases.restrict', { caseId, restrictedTo: [], reason: 'A complaint about a member of staff' });
  const extensionId = extended.case.extensions.at(-1)!.id;
  return {
    caseId,
    reference,
    incomingLetterId: incoming.id,
    scanId: incoming.files[0]!.id,
    outgoingLetterId: outgoing.id,
    pdfId: outgoing.files[0]!.id,
    extensionId,
  };
}

beforeAll(async () => {
  t = await startTestDomain('2026-11-20T09:00:00.000Z');
  billingCaseworker = testViewer(
    await t.addAccount({ name: 'Berta Billing', login: 'berta', roles: ['caseworker'], departments: ['Billing'] }),
    ['caseworker'],
    ['Billing'],
  );
  pharmacyCaseworker = testViewer(
    await t.addAccount({ name: 'Pauls Pharmacy', login: 'pauls', roles: ['caseworker'], departments: ['Pharmacy'] }),
    ['caseworker'],
    ['Pharmacy'],
  );
  fixtures['other-department'] = await fixture(['Billing'], false);
  fixtures['restricted'] = await fixture(['Billing'], true);
});

afterAll(async () => {
  await t.close();
});

/** What a case looks like to someone who sees everything of it: must not move after a refusal. */
async function stateOf(f: Fixture) {
  const detail = await t.callAs(managerViewer, 'cases.get', { caseId: f.caseId });
  const letters = await t.callAs(managerViewer, 'post.list', { caseId: f.caseId });
  return { case: detail.case, timeline: detail.timeline.map((entry) => entry.id), letters };
}

interface Row {
  readonly method: ApiMethodName;
  readonly input: (f: Fixture) => unknown;
}

/** Every method that names one case (directly, or by one of its letters or files). */
const PER_CASE: readonly Row[] = [
  { method: 'cases.get', input: (f) => ({ caseId: f.caseId }) },
  { method: 'cases.updateDetails', input: (f) => ({ caseId: f.caseId, changes: { summary: 'Changed by someone who may not see it' } }) },
  { method: 'cases.addNote', input: (f) => ({ caseId: f.caseId, text: 'A note' }) },
  {
    method: 'cases.addCommunication',
    input: (f) => ({ caseId: f.caseId, at: '2026-11-20T09:00:00.000Z', direction: 'in', channel: 'telephone', summary: 'Rang' }),
  },
  { method: 'cases.act', input: (f) => ({ caseId: f.caseId, action: { type: 'startInvestigation', at: '2026-11-20T09:00:00.000Z' } }) },
  {
    method: 'cases.act',
    input: (f) => ({
      caseId: f.caseId,
      action: { type: 'recordExtensionNotice', at: '2026-11-20T09:00:00.000Z', extensionId: f.extensionId, channel: 'telephone' },
    }),
  },
  {
    method: 'post.logIncoming',
    input: (f) => ({ receivedOn: '2026-11-20', sender, referenceQuoted: f.reference, kind: 'correspondence', summary: 'Attached by a stranger', scans: [] }),
  },
  {
    method: 'post.logIncoming',
    input: (f) => ({ receivedOn: '2026-11-20', sender, referenceQuoted: f.reference, kind: 'escalation-request', summary: 'Escalate please', scans: [] }),
  },
  { method: 'post.undo', input: (f) => ({ letterId: f.incomingLetterId }) },
  { method: 'post.list', input: (f) => ({ caseId: f.caseId }) },
  { method: 'post.draftLetter', input: (f) => ({ caseId: f.caseId, template: 'acknowledgement', language: 'en-GB' }) },
  { method: 'post.finaliseLetter', input: (f) => ({ caseId: f.caseId, template: 'extension-notice', language: 'en-GB', text: 'Dear Inga,\nWe need longer.' }) },
  { method: 'post.logPosting', input: (f) => ({ letterId: f.outgoingLetterId, postedOn: '2026-11-20', postClass: 'first' }) },
  { method: 'post.file', input: (f) => ({ fileId: f.scanId }) },
  { method: 'post.file', input: (f) => ({ fileId: f.pdfId }) },
];

/** Methods only a manager may call at all: refused by need-to-know for a manager not named on a restricted case. */
const MANAGERS_PER_CASE: readonly Row[] = [
  ...PER_CASE,
  { method: 'cases.assign', input: (f) => ({ caseId: f.caseId, assigneeId: null }) },
  { method: 'cases.restrict', input: (f) => ({ caseId: f.caseId, restrictedTo: null, reason: 'Lifted by a stranger' }) },
  {
    method: 'cases.act',
    input: (f) => ({
      caseId: f.caseId,
      action: {
        type: 'extendDeadline',
        at: '2026-11-20T09:00:00.000Z',
        newDueAt: '2027-01-30T09:00:00.000Z',
        reason: 'Longer',
        approverId: t.me(),
        customerNotice: null,
      },
    }),
  },
  { method: 'accessLog.forCase', input: (f) => ({ caseId: f.caseId }) },
];

/** A second manager: not named on the restricted case. */
const otherManager = testViewer('manager-2', ['manager']);

const callers: readonly { readonly who: string; readonly viewer: () => Viewer; readonly case: keyof typeof fixtures; readonly rows: readonly Row[] }[] = [
  { who: 'a caseworker of another department', viewer: () => pharmacyCaseworker, case: 'other-department', rows: PER_CASE },
  { who: 'a caseworker of its department, on a restricted case', viewer: () => billingCaseworker, case: 'restricted', rows: PER_CASE },
  { who: 'a manager not named on a restricted case', viewer: () => otherManager, case: 'restricted', rows: MANAGERS_PER_CASE },
];

describe('P-7.1 every per-case method refuses a caseworker who may not see the case, and changes nothing', () => {
  for (const caller of callers) {
    describe(caller.who, () => {
      it.each(caller.rows.map((row, index) => [`${row.method} #${index}`, row] as const))('%s', async (_name, row) => {
        const f = fixtures[caller.case];
        const before = await stateOf(f);
        const refused = await t.failAs(caller.viewer(), row.method, row.input(f));
        expect(refused).toMatchObject({ code: 'FORBIDDEN', issues: [expect.objectContaining({ code: 'case_not_visible' })] });
        expect(await stateOf(f)).toEqual(before);
      });
    });
  }

  it('the same calls go ahead for someone who may see the case (the refusals are need-to-know, not the input)', async () => {
    const f = fixtures['other-department'];
    expect((await t.callAs(billingCaseworker, 'post.list', { caseId: f.caseId })).map((letter) => letter.id).sort()).toEqual(
      [f.incomingLetterId, f.outgoingLetterId].sort(),
    );
    expect((await t.callAs(billingCaseworker, 'post.file', { fileId: f.pdfId })).mimeType).toBe('application/pdf');
    expect(
      (await t.callAs(billingCaseworker, 'post.logPosting', { letterId: f.outgoingLetterId, postedOn: '2026-11-20', postClass: 'first' })).posting?.postClass,
    ).toBe('first');
    expect((await t.callAs(billingCaseworker, 'post.undo', { letterId: f.incomingLetterId })).voided).toBe(true);
  });
});
