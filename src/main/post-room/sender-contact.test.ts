/**
 * Issue 18, the clerk's register: a letter's sender may give an e-mail address, a telephone number
 * and a customer number. They are optional and checked at the field (bad input saves nothing),
 * stored with the letter, and given to the case a new complaint opens (P-3.1: the sender is the
 * complainant).
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

const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };
const contact = { email: 'margaret@example.org', phone: '+44 161 496 0000', customerNumber: 'C-10442' };
const newComplaint = { receivedOn: '2026-11-24', kind: 'new-complaint', type: 'product', summary: 'Leaking bottle' } as const;

async function stored() {
  const db = t.services.domain!.db;
  return { letters: (await t.call('post.list', {})).length, cases: await db.cases.count().exec() };
}

describe("the sender's e-mail, telephone and customer number (issue 18)", () => {
  it('are stored with the letter and given to the complainant of the case it opens (P-3.1)', async () => {
    const letter = await t.call('post.logIncoming', { ...newComplaint, sender: { ...sender, ...contact } });
    expect(letter.party).toMatchObject(contact);
    expect((await t.call('post.list', {})).find((listed) => listed.id === letter.id)?.party).toMatchObject(contact);
    const { complainant } = (await t.call('cases.get', { caseId: letter.caseId! })).case;
    expect(complainant).toMatchObject({ ...contact, preferredChannel: 'letter' });
  });

  it('without an address, a case from a letter that gives an e-mail address is answered by e-mail', async () => {
    const letter = await t.call('post.logIncoming', { ...newComplaint, sender: { name: 'Margaret Hale', email: 'margaret@example.org' } });
    expect((await t.call('cases.get', { caseId: letter.caseId! })).case.complainant).toMatchObject({
      email: 'margaret@example.org',
      preferredChannel: 'email',
    });
  });

  it('make the letter findable for subject access by that e-mail address or telephone number (issue 14 meets issue 18)', async () => {
    const letter = await t.call('post.logIncoming', {
      ...newComplaint,
      kind: 'not-a-complaint',
      type: '',
      routedTo: 'Sales',
      sender: { name: 'M. Hale', ...contact },
    });
    expect((await t.call('people.find', { email: 'Margaret@Example.org' })).letters.map((found) => [found.letterId, found.matchedOn])).toEqual([
      [letter.id, ['email']],
    ]);
    expect((await t.call('people.find', { phone: '1614960000' })).letters.map((found) => found.letterId)).toEqual([letter.id]);
  });

  it('are optional: a letter without them is logged as before', async () => {
    const letter = await t.call('post.logIncoming', { ...newComplaint, sender });
    expect(letter.party).toMatchObject({ email: '', phone: '', customerNumber: '' });
  });

  it.each([
    ['an e-mail address without a domain', { email: 'margaret@' }, 'sender.email', 'invalid_email'],
    ['a telephone number with letters', { phone: '0161 CALL ME' }, 'sender.phone', 'phone_characters'],
    ['a customer number over 60 characters', { customerNumber: 'C'.repeat(61) }, 'sender.customerNumber', 'too_long'],
  ])('%s is refused at its field and nothing is saved', async (_label, bad, path, code) => {
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
    const before = { ...(await stored()), timeline: (await t.call('cases.get', { caseId })).timeline.length };
    const error = await t.fail('post.logIncoming', { ...newComplaint, sender: { ...sender, ...bad } });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues[0]).toMatchObject({ path, code });
    const onCase = await t.fail('post.logIncoming', {
      receivedOn: '2026-11-24',
      kind: 'correspondence',
      referenceQuoted: reference,
      summary: 'More',
      sender: { ...sender, ...bad },
    });
    expect(onCase.issues[0]).toMatchObject({ path, code });
    expect({ ...(await stored()), timeline: (await t.call('cases.get', { caseId })).timeline.length }).toEqual(before);
  });
});
