/**
 * Issue 18 §2: a letter never promises a date the workflow will not hold.
 *
 * The issue's own example: a complaint received on Wednesday 25 November 2026. Before it is
 * acknowledged, its stage-1 deadline is provisional, counted from the acknowledgement deadline
 * (Friday 27 November): 11 December. Posting the acknowledgement letter on the 25th acknowledges the
 * case that day (P-3.2), and stage 1 is 10 working days from the day of acknowledgement (P-4.1
 * step 3, P-4.3): 9 December. The letter must say 9 December, and a letter that would go on a later
 * day than it was finalised is refused, naming both dates, so that it is drafted again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';
import { pdfText } from './pdf-text';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z'); // Wednesday
});
afterEach(async () => {
  await t.close();
});

const WEDNESDAY = '2026-11-25';
const THURSDAY = '2026-11-26';

async function unacknowledgedCase(): Promise<string> {
  const { caseId } = await t.call('cases.create', {
    ...phoneComplaint,
    complainant: { ...phoneComplaint.complainant, address: { lines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' } },
    receivedAt: '2026-11-25T10:00:00.000Z',
  });
  return caseId;
}

async function stage1Due(caseId: string): Promise<string | undefined> {
  const detail = await t.call('cases.get', { caseId });
  return detail.case.deadlines.find((deadline) => deadline.kind === 'stage1Resolution')?.dueAt;
}

async function pdfOf(fileId: string): Promise<string> {
  const file = await t.call('post.file', { fileId });
  return pdfText(Buffer.from(file.dataBase64, 'base64'));
}

/** The letter drafted and finalised as drafted, unedited: the draft and the finalised letter. */
async function finalisedAsDrafted(caseId: string, template: 'acknowledgement' | 'extension-notice', language: 'en-GB' | 'lv' = 'en-GB') {
  const drafted = await t.call('post.draftLetter', { caseId, template, language });
  const letter = await t.call('post.finaliseLetter', { caseId, template, language, text: drafted.text, draftedDates: drafted.dates });
  return { drafted, letter };
}

describe('an acknowledgement letter promises the stage-1 deadline its posting starts (P-3.2, P-4.1, P-4.3)', () => {
  it("drafted before acknowledgement, it promises the deadline counted from the day it goes, which posting it that day holds (the issue's example)", async () => {
    const caseId = await unacknowledgedCase();
    // The provisional deadline the case shows before acknowledgement: from the acknowledgement deadline.
    expect(await stage1Due(caseId)).toBe('2026-12-11T23:59:59.999Z');
    const { drafted, letter } = await finalisedAsDrafted(caseId, 'acknowledgement');
    expect(drafted.text).toContain('We aim to send you our response by 9 December 2026.');
    expect(drafted.text).not.toContain('11 December 2026');
    expect(drafted.dates).toEqual({ 'deadline.resolution': '2026-12-09' });
    await t.call('post.logPosting', { letterId: letter.id, postedOn: WEDNESDAY, postClass: 'first' });
    expect(await stage1Due(caseId)).toBe('2026-12-09T23:59:59.999Z');
    expect(await pdfOf(letter.files[0]!.id)).toContain('9 December 2026');
  });

  it('drafted on one day and finalised the next, the date is re-rendered at finalising (nothing is printed yet), keeping the edits', async () => {
    const caseId = await unacknowledgedCase();
    const drafted = await t.call('post.draftLetter', { caseId, template: 'acknowledgement', language: 'en-GB' });
    const edited = drafted.text.replace('Thank you for your letter', 'Thank you for your call');
    t.clock.set('2026-11-26T10:00:00.000Z');
    const letter = await t.call('post.finaliseLetter', { caseId, template: 'acknowledgement', language: 'en-GB', text: edited, draftedDates: drafted.dates });
    expect(letter.text).toContain('Thank you for your call');
    expect(letter.text).toContain('We aim to send you our response by 10 December 2026.');
    expect(letter.text).not.toContain('9 December 2026');
    const pdf = await pdfOf(letter.files[0]!.id);
    expect(pdf).toContain('10 December 2026');
    expect(pdf).not.toContain('9 December 2026');
    await t.call('post.logPosting', { letterId: letter.id, postedOn: THURSDAY, postClass: 'first' });
    expect(await stage1Due(caseId)).toBe('2026-12-10T23:59:59.999Z');
  });

  it('finalised on Wednesday and posted on Thursday, posting is refused with both dates and changes nothing; posted on Wednesday it goes', async () => {
    const caseId = await unacknowledgedCase();
    const { letter } = await finalisedAsDrafted(caseId, 'acknowledgement');
    t.clock.set('2026-11-26T10:00:00.000Z');
    const refused = await t.fail('post.logPosting', { letterId: letter.id, postedOn: THURSDAY, postClass: 'first' });
    expect(refused.issues[0]).toMatchObject({ path: 'letterId', code: 'letter_date_stale', params: { stated: '2026-12-09', holds: '2026-12-10' } });
    // All or nothing: the letter is still waiting and the case is not acknowledged.
    const detail = await t.call('cases.get', { caseId });
    expect(detail.case.acknowledgement).toBeNull();
    expect((await t.call('post.list', { caseId })).find((found) => found.id === letter.id)?.posting).toBeNull();
    // A batch print names the letter and posts none.
    const batch = await t.fail('post.logPostings', { letterIds: [letter.id], postedOn: THURSDAY, postClass: 'first' });
    expect(batch.issues[0]).toMatchObject({ path: 'letterIds.0', code: 'letter_date_stale' });

    // Logged as posted on the Wednesday it went, the acknowledgement is that day's and the date holds.
    await t.call('post.logPosting', { letterId: letter.id, postedOn: WEDNESDAY, postClass: 'first' });
    expect(await stage1Due(caseId)).toBe('2026-12-09T23:59:59.999Z');
  });

  it('in Latvian too: the letter writes dd.mm.yyyy, and the refusal names the office days', async () => {
    const caseId = await unacknowledgedCase();
    const { drafted, letter } = await finalisedAsDrafted(caseId, 'acknowledgement', 'lv');
    expect(drafted.text).toContain('līdz 09.12.2026');
    t.clock.set('2026-11-26T10:00:00.000Z');
    const refused = await t.fail('post.logPosting', { letterId: letter.id, postedOn: THURSDAY, postClass: 'first' });
    expect(refused.issues[0]).toMatchObject({ code: 'letter_date_stale', params: { stated: '2026-12-09', holds: '2026-12-10' } });
  });

  it('acknowledged by telephone after the letter was finalised, the letter that promised another date is refused', async () => {
    const caseId = await unacknowledgedCase();
    const { letter } = await finalisedAsDrafted(caseId, 'acknowledgement');
    t.clock.set('2026-11-26T10:00:00.000Z');
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-26T09:30:00.000Z', channel: 'telephone' } });
    const refused = await t.fail('post.logPosting', { letterId: letter.id, postedOn: THURSDAY, postClass: 'first' });
    expect(refused.issues[0]).toMatchObject({ code: 'letter_date_stale', params: { stated: '2026-12-09', holds: '2026-12-10' } });
  });

  it('e-mailing the letter on a later day is refused before it is queued (P-3.2: sending it acknowledges the case)', async () => {
    const { caseId } = await t.call('cases.create', {
      complainant: { name: 'Margaret Hale', email: 'margaret@example.org', preferredChannel: 'email' },
      channel: 'web-form',
      receivedAt: '2026-11-25T09:30:00.000Z',
      type: 'product',
      summary: 'Leaking bottle',
    });
    // Loopback ports that nothing is asked of: the refusal comes before any connection.
    await t.call('mail.configure', {
      enabled: true,
      imap: { host: '127.0.0.1', port: 9, security: 'none', username: 'complaints' },
      smtp: { host: '127.0.0.1', port: 9, security: 'none', from: 'complaints@example.com' },
      password: 'x',
    });
    const { letter } = await finalisedAsDrafted(caseId, 'acknowledgement');
    t.clock.set('2026-11-26T10:00:00.000Z');
    const refused = await t.fail('mail.send', { letterId: letter.id });
    expect(refused.issues[0]).toMatchObject({ code: 'letter_date_stale', params: { stated: '2026-12-09', holds: '2026-12-10' } });
    expect(await t.call('mail.outbox', {})).toEqual([]);
  });
});

describe('an extension notice promises the extension in force (P-4.4)', () => {
  it('a later extension granted after the notice was finalised refuses the posting of the older notice', async () => {
    const caseId = await unacknowledgedCase();
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-25T10:30:00.000Z', channel: 'telephone' } });
    await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-11-25T10:40:00.000Z' } });
    const extend = (newDueAt: string, at: string) =>
      t.call('cases.act', { caseId, action: { type: 'extendDeadline', at, newDueAt, reason: 'Waiting for the laboratory', approverId: t.me() } });
    await extend('2026-12-18T17:00:00.000Z', '2026-11-25T10:50:00.000Z');
    const { drafted, letter } = await finalisedAsDrafted(caseId, 'extension-notice');
    expect(drafted.text).toContain('by 18 December 2026');
    t.clock.set('2026-11-25T11:30:00.000Z');
    await extend('2027-01-08T17:00:00.000Z', '2026-11-25T11:20:00.000Z');
    const refused = await t.fail('post.logPosting', { letterId: letter.id, postedOn: WEDNESDAY, postClass: 'first' });
    expect(refused.issues[0]).toMatchObject({ code: 'letter_date_stale', params: { stated: '2026-12-18', holds: '2027-01-08' } });
  });
});
