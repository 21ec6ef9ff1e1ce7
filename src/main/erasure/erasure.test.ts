/**
 * Issue 14 (P-7.2), erasure on request through the API as the renderer calls it:
 * - every personal string is gone from the whole stored database (every table, index and
 *   full-text row), scans and PDFs are emptied, the timeline is redacted;
 * - the dashboard's figures (P-5.1, P-5.2) are the same before and after;
 * - the erasure register says who, when, why and how many, and holds none of the erased data;
 * - bad input (an unknown case or letter, no reason, a reason naming the person, a case the
 *   administrator may not open, a caller who is not an administrator) is refused and changes nothing.
 */
import fs from 'node:fs';
import type { RxDatabase } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { managerViewer, startTestDomain, testViewer, type TestDomain } from '../domain/test-support';
import { PERSON, PERSONAL_SCAN, PERSONAL_STRINGS, personalCase, storedText, type PersonalCase } from './test-support';
import { PNG } from '../files/test-support/scan-files';

let t: TestDomain;
let person: PersonalCase;
let closed = false;

beforeEach(async () => {
  closed = false;
  t = await startTestDomain('2026-12-16T10:00:00.000Z');
  person = await personalCase(t);
  t.clock.set('2027-01-10T10:00:00.000Z');
});
afterEach(async () => {
  if (closed) fs.rmSync(t.directory, { recursive: true, force: true });
  else await t.close();
});

/** Closes the profile and reads every row it stores. */
async function closeAndRead(): Promise<string> {
  await t.services.close();
  closed = true;
  return storedText(t.directory);
}

const REASON = 'Erasure request under UK GDPR article 17, ticket 2027-004';
const wholeYear = { from: '2026-01-01', to: '2027-12-31' };

describe('erasure on request (issue 14)', () => {
  it('before: the stored database holds the personal data (so the search below can find it)', async () => {
    const text = await closeAndRead();
    for (const value of [PERSON.email, 'Milton Road', 'her neighbour Tomasz']) expect(text).toContain(value);
  });

  it('removes every personal string from the whole stored database, empties the scans and PDFs, and keeps the dashboard figures', async () => {
    const dashboardBefore = await t.callAs(managerViewer, 'reports.dashboard', wholeYear);
    const found = await t.call('people.find', { email: PERSON.email });
    expect(found.cases.map((match) => match.caseId)).toEqual([person.caseId]);
    const [scan] = (await t.call('post.list', { caseId: person.caseId })).find((letter) => letter.id === person.letterId)?.files ?? [];

    const record = await t.call('erasure.erase', { caseIds: [person.caseId], letterIds: [person.letterId], reason: REASON });
    expect(record).toMatchObject({ trigger: 'request', reason: REASON, by: { id: t.me() }, counts: { cases: 1, letters: 2, files: 2 } });
    expect(record.counts.timelineEntries).toBeGreaterThan(5);

    // What reports count stays (P-5.1, P-5.2): the same figures, the same cases behind them.
    const dashboardAfter = await t.callAs(managerViewer, 'reports.dashboard', wholeYear);
    expect(dashboardAfter).toEqual(dashboardBefore);
    const detail = await t.call('cases.get', { caseId: person.caseId });
    expect(detail.case).toMatchObject({
      status: 'closed',
      type: 'product',
      rootCauseId: 'courier-handling',
      rootCauseNote: '',
      resolution: { outcome: 'upheld', redress: [{ kind: 'refund', amountMinor: 2500, currency: 'GBP' }] },
      complainant: { name: 'Anonymised', email: '' },
    });
    expect(detail.timeline.every((entry) => (entry.data as { redacted?: boolean }).redacted === true)).toBe(true);
    expect(await t.call('people.find', { email: PERSON.email })).toEqual({ cases: [], letters: [] });
    // The scan's bytes are gone, not only its name.
    expect(scan).toBeDefined();
    const chunks = await (t.services.domain!.db as unknown as RxDatabase).collections['fileChunks']!.find({ selector: { fileId: scan!.id } }).exec();
    expect(chunks.map((chunk) => (chunk.toJSON() as { data: string }).data)).toEqual(['']);

    const text = await closeAndRead();
    for (const value of [...PERSONAL_STRINGS, PERSONAL_SCAN.toString('base64').slice(0, 40)]) expect(text, value).not.toContain(value);
    expect(text.toLowerCase()).not.toContain('halija');
  });

  it('empties the files attached to the case itself (a note, a communication: issue 18), and their names', async () => {
    const photo = PNG;
    const upload = (name: string) => ({ name, mimeType: '', dataBase64: photo.toString('base64') });
    t.clock.set('2026-12-20T10:00:00.000Z');
    await t.call('cases.addNote', { caseId: person.caseId, text: 'Photo of the parcel', attachments: [upload('halija-parcel.png')] });
    await t.call('cases.addCommunication', {
      caseId: person.caseId,
      at: '2026-12-20T09:00:00.000Z',
      direction: 'in',
      channel: 'email',
      summary: 'Photo by e-mail',
      attachments: [upload('halija-doorstep.png')],
    });
    t.clock.set('2027-01-10T10:00:00.000Z');
    const files = (t.services.domain!.db as unknown as RxDatabase).collections['files']!;
    const names = async () =>
      (await files.find({ selector: { ownerId: person.caseId } }).exec()).map((file) => (file.toJSON() as { name: string }).name).sort();
    expect(await names()).toEqual(['halija-doorstep.png', 'halija-parcel.png']);

    const record = await t.call('erasure.erase', { caseIds: [person.caseId], letterIds: [person.letterId], reason: REASON });
    expect(record.counts.files).toBe(4);
    const text = await closeAndRead();
    for (const value of ['halija-parcel.png', 'halija-doorstep.png', photo.toString('base64').slice(0, 60)]) expect(text, value).not.toContain(value);
  });

  it('records who, when, why and how many in the register, which holds none of the erased data', async () => {
    t.clock.set('2027-01-10T10:00:00.000Z');
    await t.call('erasure.erase', { caseIds: [person.caseId], letterIds: [], reason: REASON });
    const register = await t.call('erasure.register', {});
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({ at: expect.stringMatching(/^2027-01-10T10:00/) as unknown, by: { id: t.me() }, reason: REASON, trigger: 'request' });
    const json = JSON.stringify(register);
    for (const value of [...PERSONAL_STRINGS, person.reference, person.caseId, person.letterId]) expect(json).not.toContain(value);
  });

  it('erasing again changes nothing more and is recorded with zero counts', async () => {
    await t.call('erasure.erase', { caseIds: [person.caseId], letterIds: [], reason: REASON });
    const again = await t.call('erasure.erase', { caseIds: [person.caseId], letterIds: [], reason: REASON });
    expect(again.counts).toEqual({ cases: 0, timelineEntries: 0, letters: 0, files: 0 });
  });
});

describe('bad input changes nothing (issue 14, all or nothing)', () => {
  async function snapshot() {
    const detail = await t.call('cases.get', { caseId: person.caseId });
    return {
      detail: { case: detail.case, timeline: detail.timeline },
      letters: await t.call('post.list', { caseId: person.caseId }),
      register: await t.call('erasure.register', {}),
    };
  }

  it('an unknown case, alongside a real one, is refused at its place and nothing is erased', async () => {
    const before = await snapshot();
    expect(await t.fail('erasure.erase', { caseIds: [person.caseId, 'no-such-case'], letterIds: [], reason: REASON })).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'caseIds.1', code: 'not_found' }],
    });
    expect(await t.fail('erasure.erase', { caseIds: [person.caseId], letterIds: ['no-such-letter'], reason: REASON })).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'letterIds.0', code: 'not_found' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a missing reason, or one that names the person, is refused at the reason', async () => {
    const before = await snapshot();
    expect(await t.fail('erasure.erase', { caseIds: [person.caseId], letterIds: [] })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'reason' }],
    });
    expect(await t.fail('erasure.erase', { caseIds: [person.caseId], letterIds: [], reason: '   ' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'reason', code: 'required' }],
    });
    for (const reason of ['Margareta Halija asked by phone', 'Request from margareta.halija@example.org', 'Called from 0161 496 0123', 'Lives at m11ae']) {
      expect(await t.fail('erasure.erase', { caseIds: [person.caseId], letterIds: [], reason }), reason).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'reason', code: 'reason_names_person' }],
      });
    }
    expect(await t.fail('erasure.erase', { caseIds: [], letterIds: [], reason: REASON })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ code: 'nothing_to_erase' }],
    });
    expect(await t.fail('erasure.erase', { caseIds: [person.caseId, person.caseId], letterIds: [], reason: REASON })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ code: 'ids_repeat' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a caller who is not an administrator is refused, and so is a case the administrator may not open (P-7.1)', async () => {
    const before = await snapshot();
    for (const viewer of [testViewer('cw', ['caseworker']), testViewer('mgr', ['manager']), testViewer('clerk', ['clerk'])]) {
      expect(await t.failAs(viewer, 'erasure.erase', { caseIds: [person.caseId], letterIds: [], reason: REASON })).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failAs(viewer, 'erasure.register', {})).toMatchObject({ code: 'FORBIDDEN' });
    }
    await t.call('cases.restrict', { caseId: person.caseId, restrictedTo: [t.me()], reason: 'About a member of staff' });
    const restricted = await snapshot();
    const otherAdmin = testViewer('admin-2', ['administrator', 'manager']);
    expect(await t.failAs(otherAdmin, 'erasure.erase', { caseIds: [person.caseId], letterIds: [], reason: REASON })).toMatchObject({
      code: 'FORBIDDEN',
      issues: [{ code: 'case_not_visible' }],
    });
    expect(await t.failAs(otherAdmin, 'erasure.erase', { caseIds: [], letterIds: [person.letterId], reason: REASON })).toMatchObject({
      code: 'FORBIDDEN',
      issues: [{ code: 'case_not_visible' }],
    });
    expect(await snapshot()).toEqual(restricted);
    expect(before.register).toEqual([]);
  });
});
