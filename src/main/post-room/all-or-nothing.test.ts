/**
 * A user-level operation is all-or-nothing whatever fails in the middle: logging a letter (the
 * case it opens, its timeline, scans and the letter), undo, finalising and posting a letter, and a
 * refused workflow action, which changes nothing at all, not even the case's revision.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentCounts, phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';
import { unwrapSqliteInstance } from '../storage/unwrap';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z'); // Wednesday
});
afterEach(async () => {
  await t.close();
});

const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };
// A large, incompressible PDF: its chunks do not fit on the nearly full disk.
const bigPdf = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from(Array.from({ length: 3_000_000 }, (_, index) => (index * 7919) % 251)),
  Buffer.from('\n%%EOF\n'),
]);

/** A letter opening a new complaint, with the big scan. */
const newComplaintWithBigScan = {
  receivedOn: '2026-11-24',
  sender,
  kind: 'new-complaint' as const,
  type: 'product' as const,
  summary: 'Leaking bottle',
  scans: [{ name: 'letter.pdf', mimeType: '', dataBase64: bigPdf.toString('base64') }],
};

const stored = () => documentCounts(t, ['cases', 'timeline', 'letters', 'files', 'fileChunks']);

function fillTheDisk(): () => void {
  const connection = unwrapSqliteInstance(t.services.domain!.db.cases.storageInstance)!.internals.connection;
  const pages = connection.db.pragma('page_count', { simple: true }) as number;
  connection.db.pragma(`max_page_count = ${pages + 4}`);
  return () => connection.db.pragma('max_page_count = 1073741823');
}

describe('a refused workflow action (P-4.1)', () => {
  it('changes nothing: no new revision of the case, no timeline entry', async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' });
    const before = (await t.services.domain!.db.cases.findOne(caseId).exec())!.toJSON(true)._rev;
    const timeline = (await stored()).timeline;
    const refusal = await t.fail('cases.act', { caseId, action: { type: 'close', at: '2026-11-25T10:00:00.000Z', rootCauseNote: 'x', lessonsLearned: 'y' } });
    expect(refusal.code).toBe('INVALID_TRANSITION');
    expect((await t.services.domain!.db.cases.findOne(caseId).exec())!.toJSON(true)._rev).toBe(before);
    expect((await stored()).timeline).toBe(timeline);
  });
});

describe('logging a letter on a full disk', () => {
  it('stores no case, timeline entry, letter, scan record or chunk, and says the disk is full', async () => {
    const before = await stored();
    const restore = fillTheDisk();
    const response = await t.services.dispatch('post.logIncoming', newComplaintWithBigScan, { host: 'test' });
    expect(response.ok).toBe(false);
    expect(await stored()).toEqual(before);
    restore();
    const letter = await t.call('post.logIncoming', newComplaintWithBigScan);
    expect(await stored()).toEqual({
      ...before,
      cases: before.cases + 1,
      timeline: before.timeline + 2,
      letters: before.letters + 1,
      files: before.files + 1,
      fileChunks: before.fileChunks + 12,
    });
    expect((await t.call('post.file', { fileId: letter.files[0]!.id })).dataBase64.length).toBeGreaterThan(0);
  });

  it('correspondence on a case is stored whole or not at all', async () => {
    const { reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    const before = await stored();
    const restore = fillTheDisk();
    const response = await t.services.dispatch(
      'post.logIncoming',
      {
        receivedOn: '2026-11-24',
        sender,
        referenceQuoted: reference,
        kind: 'correspondence',
        summary: 'Photos',
        scans: [{ name: 'photos.pdf', mimeType: '', dataBase64: bigPdf.toString('base64') }],
      },
      { host: 'test' },
    );
    restore();
    expect(response.ok).toBe(false);
    expect(await stored()).toEqual(before);
  });
});

describe('undo of a logged letter', () => {
  it('removes the case, its timeline and the scans, and voids the letter (crash rounds check it is one step)', async () => {
    const before = await stored();
    const letter = await t.call('post.logIncoming', newComplaintWithBigScan);
    const undone = await t.call('post.undo', { letterId: letter.id });
    expect(undone.voided).toBe(true);
    expect(undone.files).toEqual([]);
    expect(await stored()).toEqual({ ...before, letters: before.letters + 1 });
    await expect(t.fail('post.file', { fileId: letter.files[0]!.id })).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('posting an acknowledgement letter (P-3.2)', () => {
  it('records the posting and the acknowledgement together', async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' });
    const { text } = await t.call('post.draftLetter', { caseId, template: 'acknowledgement', language: 'en-GB' });
    const letter = await t.call('post.finaliseLetter', { caseId, template: 'acknowledgement', language: 'en-GB', text });
    const posted = await t.call('post.logPosting', { letterId: letter.id, postedOn: '2026-11-25', postClass: 'first', trackingNumber: '' });
    expect(posted.posting?.postedOn).toBe('2026-11-25');
    expect((await t.call('cases.get', { caseId })).case.status).toBe('acknowledged');
  });
});
