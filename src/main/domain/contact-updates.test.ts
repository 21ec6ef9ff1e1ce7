/**
 * Issue 18: contact details offered to the existing case. A letter or new complaint from someone
 * who already has an open case (same e-mail, telephone or customer number) with other details is
 * offered to that case; only an explicit update changes it, audited on its timeline (P-2.1), and a
 * clerk sees which fields differ, never the case's values (P-7.1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TypedContact } from '../../shared/domain/contact-update';
import { contactDifferences, contactMatches } from './contact-updates';
import { managerViewer, phoneComplaint, startTestDomain, testViewer, type TestDomain } from './test-support';

let t: TestDomain;
let caseId = '';
let reference = '';
let restrictedId = '';
const clerk = testViewer('clerk-1', ['clerk']);
const caseworkerElsewhere = testViewer('cw-1', ['caseworker'], ['Pharmacy']);
const oldAddress = { lines: ['1 Old Street', 'Leeds'], postcode: 'LS1 1AA', country: 'GB' };
const typed = (contact: Partial<TypedContact>): TypedContact => ({ email: '', phone: '', customerNumber: '', address: null, ...contact });

beforeAll(async () => {
  t = await startTestDomain('2026-11-20T09:00:00.000Z');
  const created = await t.callAs(managerViewer, 'cases.create', {
    ...phoneComplaint,
    complainant: {
      name: 'Mary Jones',
      email: 'mary.jones@example.com',
      phone: '07700 900123',
      customerNumber: 'C1000123',
      address: oldAddress,
      preferredChannel: 'letter',
    },
    receivedAt: '2026-11-19T10:00:00.000Z',
  });
  caseId = created.caseId;
  reference = created.reference;
  const restricted = await t.callAs(managerViewer, 'cases.create', {
    ...phoneComplaint,
    complainant: { name: 'Rita Restricted', email: 'rita@example.com', phone: '', preferredChannel: 'email' },
    receivedAt: '2026-11-19T10:00:00.000Z',
  });
  restrictedId = restricted.caseId;
  await t.callAs(managerViewer, 'cases.restrict', { caseId: restrictedId, restrictedTo: [], reason: 'About a member of staff' });
});

afterAll(async () => {
  await t.close();
});

const complainant = async () => (await t.callAs(managerViewer, 'cases.get', { caseId })).case.complainant;

describe('issue 18: a sender who already has a case is offered to update its contact details', () => {
  it('recognises the complainant by e-mail, telephone or customer number, and names the fields that differ, never their values', async () => {
    const newAddress = { lines: ['9 New Road', 'York'], postcode: 'YO1 7HH', country: 'GB' };
    const byEmail = await t.callAs(clerk, 'cases.contactOffers', typed({ email: 'MARY.JONES@Example.com', phone: '07700 900999', address: newAddress }));
    expect(byEmail).toEqual([{ caseId, reference, complainantName: 'Mary Jones', matchedBy: ['email'], differs: ['address', 'phone'] }]);
    expect(JSON.stringify(byEmail)).not.toContain('Old Street');
    expect((await t.callAs(clerk, 'cases.contactOffers', typed({ phone: '+44 7700 900123', email: 'mary@new.example' })))[0]).toMatchObject({
      matchedBy: ['phone'],
      differs: ['email'],
    });
    expect((await t.callAs(clerk, 'cases.contactOffers', typed({ customerNumber: 'c1000123', address: newAddress })))[0]).toMatchObject({
      matchedBy: ['customerNumber'],
      differs: ['address'],
    });
  });

  it('offers nothing when the details are the same (written differently) or only empty fields would differ', async () => {
    expect(
      await t.callAs(
        clerk,
        'cases.contactOffers',
        typed({ email: 'mary.jones@example.com', phone: '07700900123', address: { lines: ['1 old street', 'Leeds '], postcode: 'ls11aa', country: 'GB' } }),
      ),
    ).toEqual([]);
    expect(await t.callAs(clerk, 'cases.contactOffers', typed({ customerNumber: 'C1000123' }))).toEqual([]);
    expect(await t.callAs(clerk, 'cases.contactOffers', typed({ email: 'someone.else@example.com', phone: '01632 960000' }))).toEqual([]);
  });

  it('P-7.1: lists only cases the person may find (not a restricted case, nor one a caseworker does not work)', async () => {
    expect(await t.callAs(clerk, 'cases.contactOffers', typed({ email: 'rita@example.com', phone: '01632 960001' }))).toEqual([]);
    expect(await t.callAs(caseworkerElsewhere, 'cases.contactOffers', typed({ email: 'mary.jones@example.com', phone: '01632 960001' }))).toEqual([]);
    const refused = await t.failAs(clerk, 'cases.updateContact', {
      caseId: restrictedId,
      source: 'letter',
      contact: typed({ email: 'rita@example.com', phone: '01632 960001' }),
    });
    expect(refused.code).toBe('FORBIDDEN');
  });

  it('never overwrites silently: logging a letter from the sender leaves the case as it was', async () => {
    await t.callAs(clerk, 'post.logIncoming', {
      kind: 'new-complaint',
      receivedOn: '2026-11-20',
      sender: {
        name: 'Mary Jones',
        addressLines: ['9 New Road', 'York'],
        postcode: 'YO1 7HH',
        country: 'GB',
        email: 'mary.jones@example.com',
        phone: '',
        customerNumber: '',
      },
      type: 'product',
      summary: 'Another complaint',
    });
    expect((await complainant()).address).toEqual(oldAddress);
  });

  it('on confirmation updates only the differing details the sender brings, with one timeline entry and the audit of each field', async () => {
    const newAddress = { lines: ['9 New Road', 'York'], postcode: 'YO1 7HH', country: 'GB' };
    const result = await t.callAs(clerk, 'cases.updateContact', {
      caseId,
      source: 'letter',
      contact: typed({ email: 'mary.jones@example.com', phone: '07700 900999', address: newAddress }),
    });
    expect(result).toEqual({ fields: ['address', 'phone'] });
    const after = await complainant();
    expect(after).toMatchObject({
      email: 'mary.jones@example.com',
      phone: '07700 900999',
      customerNumber: 'C1000123',
      address: newAddress,
      name: 'Mary Jones',
    });
    const timeline = (await t.callAs(managerViewer, 'cases.get', { caseId })).timeline;
    expect(timeline.filter((entry) => entry.kind === 'contact-update').map((entry) => entry.data)).toEqual([
      { fields: ['address', 'phone'], source: 'letter' },
    ]);
    const audited = timeline.flatMap((entry) => (entry.kind === 'audit' ? [entry.data.field] : []));
    expect(audited).toEqual(expect.arrayContaining(['complainant.phone', 'complainant.address.lines', 'complainant.address.postcode']));
    expect(audited).not.toContain('complainant.email');
  });

  it('refuses, changing nothing: a sender who is not the complainant, details already held, a bad e-mail or country', async () => {
    const before = await t.callAs(managerViewer, 'cases.get', { caseId });
    const stranger = await t.failAs(clerk, 'cases.updateContact', {
      caseId,
      source: 'complaint',
      contact: typed({ email: 'stranger@example.com', address: { lines: ['X'], postcode: '', country: 'GB' } }),
    });
    expect(stranger.issues).toEqual([expect.objectContaining({ path: 'contact', code: 'not_same_complainant' })]);
    const same = await t.failAs(clerk, 'cases.updateContact', { caseId, source: 'letter', contact: typed({ phone: '07700 900999' }) });
    expect(same.issues).toEqual([expect.objectContaining({ path: 'contact', code: 'nothing_to_change' })]);
    const bad = await t.failAs(clerk, 'cases.updateContact', {
      caseId,
      source: 'letter',
      contact: { email: 'not-an-address', phone: '', customerNumber: '', address: { lines: ['1 A St'], postcode: '', country: 'gbr' } },
    });
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect([...new Set(bad.issues.map((found) => found.path))].sort()).toEqual(['contact.address.country', 'contact.email']);
    const after = await t.callAs(managerViewer, 'cases.get', { caseId });
    expect(after.case).toEqual(before.case);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });
});

describe("issue 12 §2: the complainant type is the stored record's (cases logged before issue 18 have no customer number)", () => {
  const before18 = { kind: 'customer', name: 'Ada Old', email: 'ada@example.com', phone: '', address: null, preferredChannel: 'email' } as const;

  it('matches and compares such a case by customer number without failing', () => {
    expect(contactMatches(before18, typed({ customerNumber: 'C-1' }))).toEqual([]);
    expect(contactDifferences(before18, typed({ customerNumber: 'C-1' }))).toEqual(['customerNumber']);
  });
});
