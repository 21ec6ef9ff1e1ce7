/**
 * Issue 18: the letters of a batch print are marked posted in one operation, all or nothing. Each
 * posting does what a single one does (posting the acknowledgement letter acknowledges the case,
 * P-3.2); one letter refused refuses the batch, naming it, and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z'); // Wednesday
});
afterEach(async () => {
  await t.close();
});

const address = { lines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };

async function acknowledgementLetter(name: string) {
  const { caseId } = await t.call('cases.create', {
    ...phoneComplaint,
    complainant: { ...phoneComplaint.complainant, name, preferredChannel: 'letter', address },
    receivedAt: '2026-11-24T10:00:00.000Z',
  });
  const { text } = await t.call('post.draftLetter', { caseId, template: 'acknowledgement', language: 'en-GB' });
  const letter = await t.call('post.finaliseLetter', { caseId, template: 'acknowledgement', language: 'en-GB', text });
  return { caseId, letterId: letter.id };
}

const awaiting = async () => (await t.call('post.list', { awaitingPosting: true })).map((letter) => letter.id).sort();
const statusOf = async (caseId: string) => (await t.call('cases.get', { caseId })).case.status;

describe('issue 18: marking a batch of printed letters posted', () => {
  it('posts every letter chosen in one operation, each acknowledging its case as a single posting does (P-3.2)', async () => {
    const one = await acknowledgementLetter('Margaret Hale');
    const two = await acknowledgementLetter('John Thornton');
    const posted = await t.call('post.logPostings', { letterIds: [one.letterId, two.letterId], postedOn: '2026-11-25', postClass: 'second' });
    expect(posted.map((letter) => [letter.id, letter.posting?.postedOn, letter.posting?.postClass])).toEqual([
      [one.letterId, '2026-11-25', 'second'],
      [two.letterId, '2026-11-25', 'second'],
    ]);
    expect(await awaiting()).toEqual([]);
    expect(await statusOf(one.caseId)).toBe('acknowledged');
    expect(await statusOf(two.caseId)).toBe('acknowledged');
  });

  it('is all or nothing: a letter already posted refuses the batch, naming it, and posts none', async () => {
    const one = await acknowledgementLetter('Margaret Hale');
    const two = await acknowledgementLetter('John Thornton');
    await t.call('post.logPosting', { letterId: two.letterId, postedOn: '2026-11-25', postClass: 'first' });
    const refused = await t.fail('post.logPostings', { letterIds: [one.letterId, two.letterId], postedOn: '2026-11-25', postClass: 'first' });
    expect(refused.issues).toEqual([expect.objectContaining({ path: 'letterIds.1', code: 'already_posted' })]);
    expect(await awaiting()).toEqual([one.letterId]);
    expect(await statusOf(one.caseId)).toBe('received');
  });

  it('refuses, posting nothing: a day in the future, signed-for post, a letter twice, two letters of one case, an unknown letter', async () => {
    const one = await acknowledgementLetter('Margaret Hale');
    const two = await acknowledgementLetter('John Thornton');
    const { text } = await t.call('post.draftLetter', { caseId: one.caseId, template: 'acknowledgement', language: 'en-GB' });
    const again = await t.call('post.finaliseLetter', { caseId: one.caseId, template: 'acknowledgement', language: 'en-GB', text });
    const before = await awaiting();
    expect((await t.fail('post.logPostings', { letterIds: [one.letterId, two.letterId], postedOn: '2026-11-26', postClass: 'first' })).issues).toEqual([
      expect.objectContaining({ path: 'postedOn' }),
    ]);
    expect((await t.fail('post.logPostings', { letterIds: [one.letterId], postedOn: '2026-11-25', postClass: 'signed-for' })).issues).toEqual([
      expect.objectContaining({ path: 'postClass', code: 'tracking_number_needed' }),
    ]);
    expect((await t.fail('post.logPostings', { letterIds: [one.letterId, one.letterId], postedOn: '2026-11-25', postClass: 'first' })).issues).toEqual([
      expect.objectContaining({ path: 'letterIds.1', code: 'duplicate_letter' }),
    ]);
    expect(
      (await t.fail('post.logPostings', { letterIds: [two.letterId, one.letterId, again.id], postedOn: '2026-11-25', postClass: 'first' })).issues,
    ).toEqual([expect.objectContaining({ path: 'letterIds.2', code: 'case_twice_in_batch' })]);
    expect((await t.fail('post.logPostings', { letterIds: [two.letterId, 'no-such-letter'], postedOn: '2026-11-25', postClass: 'first' })).issues).toEqual([
      expect.objectContaining({ path: 'letterIds.1', code: 'not_found' }),
    ]);
    expect(await awaiting()).toEqual(before);
  });
});
