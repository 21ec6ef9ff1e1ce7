/**
 * The post room through the API: incoming letters of every kind (P-3.1, P-3.2), scans, bad input
 * refused at the field with nothing saved, undo, outgoing letters to PDF (P-3.2, P-4.4, P-6.1),
 * posting, and the day book.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';
import { JPEG, PDF, PNG, TIFF } from '../files/test-support/scan-files';
import { pdfText } from './pdf-text';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z'); // Wednesday
});
afterEach(async () => {
  await t.close();
});

const scan = (name: string, data: Buffer) => ({ name, mimeType: '', dataBase64: data.toString('base64') });
const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'm1 1ae', country: 'GB' };

async function counts() {
  const db = t.services.domain!.db;
  const letters = (await t.call('post.list', {})).length;
  return { letters, cases: await db.cases.count().exec() };
}

describe('incoming letters', () => {
  it('a new complaint creates the case; the clock starts at office opening on the day received (P-3.2)', async () => {
    const letter = await t.call('post.logIncoming', {
      receivedOn: '2026-11-24',
      letterDate: '2026-11-20',
      sender,
      kind: 'new-complaint',
      type: 'product',
      summary: 'Leaking bottle',
      scans: [scan('letter.png', PNG), scan('receipt.pdf', PDF)],
    });
    expect(letter).toMatchObject({ direction: 'in', kind: 'new-complaint', party: { postcode: 'M1 1AE' } });
    expect(letter.files.map((file) => file.mimeType)).toEqual(['image/png', 'application/pdf']);
    const detail = await t.call('cases.get', { caseId: letter.caseId! });
    expect(detail.case).toMatchObject({
      channel: 'letter',
      receivedAt: '2026-11-24T09:00:00.000Z',
      reference: letter.caseReference,
      complainant: { name: 'Margaret Hale', preferredChannel: 'letter' },
    });
    expect(detail.case.deadlines[0]?.dueAt).toBe('2026-11-26T09:00:00.000Z');
    expect(detail.timeline[0]).toMatchObject({ kind: 'communication', data: { channel: 'letter', letterId: letter.id } });
    const file = await t.call('post.file', { fileId: letter.files[0]!.id });
    expect(Buffer.from(file.dataBase64, 'base64').equals(PNG)).toBe(true);
  });

  it("today's early post starts the clock now, not at a future opening time", async () => {
    t.clock.set('2026-11-25T08:30:00.000Z');
    const letter = await t.call('post.logIncoming', { receivedOn: '2026-11-25', sender, kind: 'new-complaint', type: 'service', summary: 'Early post' });
    expect((await t.call('cases.get', { caseId: letter.caseId! })).case.receivedAt.slice(0, 16)).toBe('2026-11-25T08:30');
  });

  it('correspondence on a case goes into its timeline; an escalation request escalates it; other letters are routed', async () => {
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    const correspondence = await t.call('post.logIncoming', {
      receivedOn: '2026-11-24',
      sender,
      referenceQuoted: reference.toLowerCase().replaceAll('-', ' '),
      kind: 'correspondence',
      summary: 'Sends photos',
      scans: [scan('photo.jpg', JPEG), scan('fax.tif', TIFF)],
    });
    expect(correspondence.caseId).toBe(caseId);
    expect(
      (await t.call('cases.get', { caseId })).timeline.some(
        (entry) => entry.kind === 'communication' && (entry.data as { letterId?: string }).letterId === correspondence.id,
      ),
    ).toBe(true);

    for (const action of [
      { type: 'acknowledge', at: '2026-11-20T11:00:00.000Z', channel: 'email' },
      { type: 'startInvestigation', at: '2026-11-20T11:00:00.000Z' },
      {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-11-21T11:00:00.000Z',
        channel: 'email',
        summary: 'Sorted',
        outcome: 'not-upheld',
      },
    ] as const)
      await t.call('cases.act', { caseId, action });
    await t.call('post.logIncoming', {
      receivedOn: '2026-11-25',
      sender,
      referenceQuoted: reference,
      kind: 'escalation-request',
      summary: 'Not happy with the answer',
    });
    expect((await t.call('cases.get', { caseId })).case).toMatchObject({ stage: 2, status: 'escalation-requested' });

    const routed = await t.call('post.logIncoming', {
      receivedOn: '2026-11-25',
      sender,
      kind: 'not-a-complaint',
      routedTo: 'Accounts',
      note: 'An invoice',
      summary: 'Supplier invoice',
    });
    expect(routed).toMatchObject({ caseId: null, routedTo: 'Accounts' });
  });
});

describe('bad input gets a clear error at the field and saves nothing', () => {
  it.each([
    ['an unreadable scan', { scans: [scan('broken.pdf', Buffer.from('not really a pdf'))] }, 'scans.0', /not a readable PDF, JPEG, PNG or TIFF/],
    ['an oversized scan', { scans: [scan('huge.png', Buffer.concat([PNG, Buffer.alloc(21 * 1024 * 1024)]))] }, 'scans.0.dataBase64', /larger than 20 MB/],
    ['an impossible date', { receivedOn: '2026-02-30' }, 'receivedOn', /a date \(YYYY-MM-DD\)/],
    ['a future date', { receivedOn: '2026-12-01' }, 'receivedOn', /future/],
    ['a letter dated after it arrived', { letterDate: '2026-11-25', receivedOn: '2026-11-24' }, 'letterDate', /dated after/],
    ['an empty sender', { sender: { ...sender, name: '  ' } }, 'sender.name', /Required/],
    ['an invalid UK postcode', { sender: { ...sender, postcode: 'ZZ99 9ZZZ' } }, 'sender.postcode', /UK postcode/],
    ['a malformed reference', { kind: 'correspondence', referenceQuoted: 'ABCD-0001-0' }, 'referenceQuoted', /check character|does not match/],
    ['a reference with a character references never use', { kind: 'correspondence', referenceQuoted: 'ABCU-0001-0' }, 'referenceQuoted', /never contain 'U'/],
    ['correspondence with no reference', { kind: 'correspondence' }, 'referenceQuoted', /case reference/],
  ])('%s', async (_label, change, path, message) => {
    const before = await counts();
    const error = await t.fail('post.logIncoming', { receivedOn: '2026-11-24', sender, kind: 'new-complaint', type: 'product', summary: 'x', ...change });
    const issue = error.issues.find((candidate) => candidate.path === path);
    expect(issue?.message, JSON.stringify(error)).toMatch(message);
    expect(await counts()).toEqual(before);
    expect(
      await (t.services.domain!.db as unknown as { collections: Record<string, { count(): { exec(): Promise<number> } }> }).collections[
        'files'
      ]!.count().exec(),
    ).toBe(0);
  });

  it('an escalation request on a case that cannot escalate is refused at the kind', async () => {
    const { reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    const error = await t.fail('post.logIncoming', { receivedOn: '2026-11-24', sender, referenceQuoted: reference, kind: 'escalation-request', summary: 'x' });
    expect(error.issues[0]).toMatchObject({ path: 'kind' });
  });
});

describe('undo the last entry', () => {
  it('voids the letter and removes the case it created', async () => {
    const letter = await t.call('post.logIncoming', { receivedOn: '2026-11-24', sender, kind: 'new-complaint', type: 'product', summary: 'Typo' });
    await t.call('post.undo', { letterId: letter.id });
    expect(await t.call('post.list', {})).toEqual([]);
    expect(await t.fail('cases.get', { caseId: letter.caseId! })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('outgoing letters, posting and the day book', () => {
  it('posting an extension-notice letter records the customer notice (P-4.4, issue 18)', async () => {
    const incoming = await t.call('post.logIncoming', { receivedOn: '2026-11-24', sender, kind: 'new-complaint', type: 'product', summary: 'Leaking bottle' });
    const caseId = incoming.caseId!;
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-24T10:00:00.000Z', channel: 'letter' } });
    await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-11-24T11:00:00.000Z' } });
    const extended = await t.call('cases.act', {
      caseId,
      action: {
        type: 'extendDeadline',
        at: '2026-11-25T10:00:00.000Z',
        newDueAt: '2026-12-22T17:00:00.000Z',
        reason: 'Waiting for the laboratory',
        approverId: t.me(),
      },
    });
    expect((await t.call('cases.list', { filters: { open: true } })).items[0]?.extensionWithoutNotice).toBe(true);
    const { text } = await t.call('post.draftLetter', { caseId, template: 'extension-notice', language: 'en-GB' });
    const letter = await t.call('post.finaliseLetter', { caseId, template: 'extension-notice', language: 'en-GB', text });
    await t.call('post.logPosting', { letterId: letter.id, postedOn: '2026-11-25', postClass: 'first' });
    const detail = await t.call('cases.get', { caseId });
    expect(detail.case.extensions).toEqual([
      expect.objectContaining({
        id: extended.case.extensions[0]!.id,
        customerNotice: { at: expect.stringMatching(/^2026-11-25T11:00:00/), channel: 'letter' },
      }),
    ]);
    expect(detail.timeline.some((entry) => entry.kind === 'extension-notice')).toBe(true);
    expect((await t.call('cases.list', { filters: { open: true } })).items[0]?.extensionWithoutNotice).toBe(false);
  });

  it('an acknowledgement letter is drafted, finalised to PDF with the reference and the organisation address, and posted', async () => {
    const incoming = await t.call('post.logIncoming', { receivedOn: '2026-11-24', sender, kind: 'new-complaint', type: 'product', summary: 'Leaking bottle' });
    const caseId = incoming.caseId!;
    const { text } = await t.call('post.draftLetter', { caseId, template: 'acknowledgement', language: 'en-GB' });
    expect(text).toContain(incoming.caseReference!);
    expect(text).toContain('Margaret Hale');
    const edited = `${text}\n\nP.S. We have also sent a replacement.`;
    const letter = await t.call('post.finaliseLetter', { caseId, template: 'acknowledgement', language: 'en-GB', text: edited });
    const pdf = await t.call('post.file', { fileId: letter.files[0]!.id });
    const content = await pdfText(Buffer.from(pdf.dataBase64, 'base64'));
    expect(content).toContain(incoming.caseReference!);
    expect(content).toContain('19-21 Crawford Street');
    expect(content).toContain('W1H 1PJ');
    expect(content).toContain('replacement');
    const drafted = (await t.call('cases.get', { caseId })).timeline.find(
      (entry) => entry.kind === 'communication' && entry.data.direction === 'out' && (entry.data as { letterId?: string }).letterId === letter.id,
    );
    // Shown in the reader's language with the template in words (issue 18), not "Letter (acknowledgement)".
    expect(drafted?.kind === 'communication' && drafted.data.generated).toEqual({
      key: 'letterGenerated',
      params: { template: 'acknowledgement', file: letter.files[0]!.name },
    });

    expect((await t.fail('post.logPosting', { letterId: letter.id, postedOn: '2026-11-25', postClass: 'signed-for' })).issues[0]).toMatchObject({
      path: 'trackingNumber',
    });
    const posted = await t.call('post.logPosting', { letterId: letter.id, postedOn: '2026-11-25', postClass: 'signed-for', trackingNumber: 'AB123456789GB' });
    expect(posted.posting).toMatchObject({ postClass: 'signed-for', trackingNumber: 'AB123456789GB' });
    // P-3.2: posting the acknowledgement letter is the acknowledgement; its deadline is met.
    const acknowledged = (await t.call('cases.get', { caseId })).case;
    expect(acknowledged.status).toBe('acknowledged');
    expect(acknowledged.deadlines.find((deadline) => deadline.kind === 'acknowledgement')?.metAt).toBeTruthy();
    expect((await t.fail('post.logPosting', { letterId: letter.id, postedOn: '2026-11-25', postClass: 'first' })).issues[0]).toMatchObject({
      code: 'already_posted',
    });

    const csv = await t.call('post.dayBook', { from: '2026-11-24', to: '2026-11-25', format: 'csv' });
    const rows = Buffer.from(csv.dataBase64, 'base64').toString('utf8');
    expect(rows).toContain('Margaret Hale');
    expect(rows).toContain('AB123456789GB');
    expect(csv.rows.map((row) => row.direction)).toEqual(['in', 'out']);
    const book = await t.call('post.dayBook', { from: '2026-11-24', to: '2026-11-25', format: 'pdf' });
    expect(await pdfText(Buffer.from(book.dataBase64, 'base64'))).toContain('AB123456789GB');
  });

  it('Latvian letters keep their letters (ā, ē, ņ, š) in the PDF', async () => {
    const { caseId } = await t.call('cases.create', {
      ...phoneComplaint,
      complainant: {
        ...phoneComplaint.complainant,
        preferredChannel: 'letter',
        address: { lines: ['Brīvības iela 1', 'Rīga'], postcode: 'LV-1010', country: 'LV' },
      },
      receivedAt: '2026-11-24T10:00:00.000Z',
    });
    const { text } = await t.call('post.draftLetter', { caseId, template: 'acknowledgement', language: 'lv' });
    const letter = await t.call('post.finaliseLetter', { caseId, template: 'acknowledgement', language: 'lv', text });
    const content = await pdfText(Buffer.from((await t.call('post.file', { fileId: letter.files[0]!.id })).dataBase64, 'base64'));
    expect(content).toContain('Jānis Bērziņš');
    expect(content).toContain('Brīvības iela 1');
    expect(content).toContain('Paldies par Jūsu vēstuli');
  });
});

describe('closing with the final-response letter unposted (issue 18)', () => {
  async function resolvedWithLetter() {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-23T09:30:00.000Z' });
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-23T10:00:00.000Z', channel: 'telephone' } });
    await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-11-23T11:00:00.000Z' } });
    await t.call('cases.act', {
      caseId,
      action: {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-11-24T09:00:00.000Z',
        channel: 'letter',
        summary: 'Refund agreed',
        outcome: 'upheld',
        redress: [],
      },
    });
    const { text } = await t.call('post.draftLetter', { caseId, template: 'stage1-resolution', language: 'en-GB' });
    const letter = await t.call('post.finaliseLetter', { caseId, template: 'stage1-resolution', language: 'en-GB', text });
    return { caseId, letter };
  }
  const close = (caseId: string, closeWithoutPosting?: boolean) => ({
    caseId,
    action: { type: 'close' as const, at: '2026-11-24T10:00:00.000Z', ...(closeWithoutPosting === undefined ? {} : { closeWithoutPosting }) },
  });

  it('asks for an explicit confirmation and changes nothing without it', async () => {
    const { caseId } = await resolvedWithLetter();
    const before = await t.call('cases.get', { caseId });
    const refused = await t.fail('cases.act', close(caseId));
    expect(refused.issues[0]).toMatchObject({ path: 'action.closeWithoutPosting', code: 'unposted_final_letter' });
    expect(await t.call('cases.get', { caseId })).toEqual(before);
  });

  it('closes once confirmed, and the timeline says it was closed with the letter unposted', async () => {
    const { caseId } = await resolvedWithLetter();
    const closed = await t.call('cases.act', close(caseId, true));
    expect(closed.case.status).toBe('closed');
    const transition = closed.timeline.find((entry) => entry.kind === 'transition' && entry.data.to === 'closed');
    expect(transition?.kind === 'transition' && transition.data.details).toBe('closed-with-unposted-letter:stage1-resolution');
  });

  it('needs no confirmation once the letter is posted', async () => {
    const { caseId, letter } = await resolvedWithLetter();
    await t.call('post.logPosting', { letterId: letter.id, postedOn: '2026-11-25', postClass: 'first' });
    const closed = await t.call('cases.act', close(caseId));
    const transition = closed.timeline.find((entry) => entry.kind === 'transition' && entry.data.to === 'closed');
    expect(transition?.kind === 'transition' && transition.data.details).toBe('');
  });
});
