/**
 * Issue 18: files attached to a complaint that did not come by post, to a note and to a
 * communication become case files under the scans' own checks (type by content, 20 MB), open like
 * a scan for whoever may open the case (P-7.1), and are written with their case or entry, all or
 * nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentCounts, phoneComplaint, startTestDomain, testViewer, type TestDomain } from '../domain/test-support';
import { unwrapSqliteInstance } from '../storage/unwrap';
import { PDF, PNG } from '../files/test-support/scan-files';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const webForm = {
  ...phoneComplaint,
  channel: 'web-form' as const,
  complainant: { ...phoneComplaint.complainant, preferredChannel: 'email' as const },
  receivedAt: '2026-11-25T09:00:00.000Z',
};
const upload = (name: string, data: Buffer) => ({ name, mimeType: '', dataBase64: data.toString('base64') });
const page = Buffer.from('<!doctype html><html><body>not a photo</body></html>');

const stored = () => documentCounts(t, ['cases', 'timeline', 'files', 'fileChunks']);

async function filesOn(caseId: string, kind: 'note' | 'communication') {
  const entries = await t.services.domain!.db.timeline.find({ selector: { caseId, kind } }).exec();
  return entries.flatMap((entry) => (entry.toJSON().data as { files?: { id: string; name: string; mimeType: string }[] }).files ?? []);
}

describe('a complaint from the web form with a photo and a PDF (issue 18)', () => {
  it('stores both as case files listed on its first entry, each opening as it was sent', async () => {
    const { caseId } = await t.call('cases.create', { ...webForm, attachments: [upload('photo.png', PNG), upload('receipt.pdf', PDF)] });
    const files = await filesOn(caseId, 'communication');
    expect(files.map((file) => [file.name, file.mimeType])).toEqual([
      ['photo.png', 'image/png'],
      ['receipt.pdf', 'application/pdf'],
    ]);
    const opened = await t.call('post.file', { fileId: files[0]!.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(PNG)).toBe(true);
    // P-7.2: opening it is logged against its case.
    const logged = await t.call('accessLog.forCase', { caseId });
    expect(JSON.stringify(logged)).toContain('file-opened');
  });

  it('refuses a file that is not a PDF, JPEG, PNG or TIFF at its field, and writes nothing: no case, entry or file', async () => {
    const before = await stored();
    const refusal = await t.fail('cases.create', { ...webForm, attachments: [upload('photo.png', PNG), upload('photo.jpg', page)] });
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(refusal.issues).toEqual([expect.objectContaining({ path: 'attachments.1', code: 'unreadable' })]);
    expect(await stored()).toEqual(before);
  });

  it('refuses a file larger than 20 MB, as for scans, and writes nothing', async () => {
    const before = await stored();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024), Buffer.from('\n%%EOF\n')]);
    const refusal = await t.fail('cases.create', { ...webForm, attachments: [upload('big.pdf', big)] });
    expect(refusal.issues).toEqual([expect.objectContaining({ path: 'attachments.0', code: 'file_too_big' })]);
    expect(await stored()).toEqual(before);
  });

  it('refuses the files of a complaint that is itself refused (a complaint type that does not exist)', async () => {
    const before = await stored();
    const refusal = await t.fail('cases.create', { ...webForm, type: 'no-such-type', attachments: [upload('photo.png', PNG)] });
    expect(refusal.code).toBe('VALIDATION_FAILED');
    expect(await stored()).toEqual(before);
  });
});

describe('a note and a communication with files (issue 18)', () => {
  it('store their files with the entry; a bad file refuses the note and its good file alike', async () => {
    const { caseId } = await t.call('cases.create', webForm);
    await t.call('cases.addNote', { caseId, text: 'Photo of the damage from the customer', attachments: [upload('damage.png', PNG)] });
    await t.call('cases.addCommunication', {
      caseId,
      at: '2026-11-25T10:00:00.000Z',
      direction: 'in',
      channel: 'email',
      summary: 'Receipt sent by e-mail',
      attachments: [upload('receipt.pdf', PDF)],
    });
    expect((await filesOn(caseId, 'note')).map((file) => file.name)).toEqual(['damage.png']);
    expect((await filesOn(caseId, 'communication')).map((file) => file.name)).toEqual(['receipt.pdf']);

    const before = await stored();
    const refusal = await t.fail('cases.addNote', {
      caseId,
      text: 'Two more',
      attachments: [upload('ok.png', PNG), upload('notes.pdf', Buffer.from('plain text'))],
    });
    expect(refusal.issues).toEqual([expect.objectContaining({ path: 'attachments.1', code: 'unreadable' })]);
    expect(await stored()).toEqual(before);
  });

  it('writes neither the note nor its file when the write itself fails (a full disk)', async () => {
    const { caseId } = await t.call('cases.create', webForm);
    const before = await stored();
    const connection = unwrapSqliteInstance(t.services.domain!.db.cases.storageInstance)!.internals.connection;
    const pages = connection.db.pragma('page_count', { simple: true }) as number;
    connection.db.pragma(`max_page_count = ${pages + 4}`);
    const noise = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.from(Array.from({ length: 3_000_000 }, (_, index) => (index * 7919) % 251)),
      Buffer.from('\n%%EOF\n'),
    ]);
    try {
      const response = await t.services.dispatch(
        'cases.addNote',
        { caseId, text: 'The full scan', attachments: [upload('scan.pdf', noise)] },
        { host: 'test' },
      );
      expect(response.ok).toBe(false);
    } finally {
      connection.db.pragma('max_page_count = 1073741823');
    }
    expect(await stored()).toEqual(before);
  });

  it('opens a case file only for those who may open its case (need-to-know, P-7.1)', async () => {
    const saved = await t.call('staff.save', { name: 'Olga Other', login: 'olga', roles: ['caseworker'] });
    const olga = testViewer(saved.staff.find((member) => member.name === 'Olga Other')!.id, ['caseworker']);
    const { caseId } = await t.call('cases.create', { ...webForm, attachments: [upload('photo.png', PNG)] });
    await t.call('cases.restrict', { caseId, restrictedTo: [], reason: 'About a member of staff' });
    const [file] = await filesOn(caseId, 'communication');
    const refusal = await t.failAs(olga, 'post.file', { fileId: file!.id });
    expect(refusal.code).toBe('FORBIDDEN');
    expect((await t.call('post.file', { fileId: file!.id })).name).toBe('photo.png');
  });
});
