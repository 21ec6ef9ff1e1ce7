/**
 * Issue 14, subject access: "find everything about a person" by name, e-mail, phone or postcode,
 * accents and case ignored, returns that person's cases and letters for review, and nothing of a
 * different person with a similar name. Need-to-know holds (P-7.1): a restricted case that does
 * not name the administrator is not returned, nor its letters. Only administrators may search.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, testViewer, type TestDomain } from '../domain/test-support';
import { foldText, nameMatches, phoneMatches } from '../../shared/domain/people-search';
import { anna, annija } from './test-support/people';

let t: TestDomain;
const received = { receivedAt: '2026-11-23T08:00:00.000Z' };
let annaCase: string;
let annijaCase: string;

beforeEach(async () => {
  t = await startTestDomain();
  annaCase = (await t.call('cases.create', { ...phoneComplaint, ...received, complainant: anna } as never)).caseId;
  annijaCase = (await t.call('cases.create', { ...phoneComplaint, ...received, complainant: annija } as never)).caseId;
});

afterEach(async () => {
  await t.close();
});

const ids = (result: { cases: readonly { caseId: string }[] }) => result.cases.map((entry) => entry.caseId);

describe('people.find (issue 14)', () => {
  it('finds Anna by her name without accents, and not Annija Bērziņa, a different person with a similar name', async () => {
    const result = await t.call('people.find', { name: 'anna berzina' });
    expect(ids(result)).toEqual([annaCase]);
    expect(result.cases[0]).toMatchObject({ complainantName: 'Anna Bērziņa', matchedOn: ['name'] });
    expect(ids(await t.call('people.find', { name: 'ANNIJA BĒRZIŅA' }))).toEqual([annijaCase]);
    // The surname alone is both of them: the administrator reviews the matches.
    expect(ids(await t.call('people.find', { name: 'Berzina' })).sort()).toEqual([annaCase, annijaCase].sort());
  });

  it('finds by e-mail, by phone with or without the country code, and by postcode, each naming what matched', async () => {
    expect((await t.call('people.find', { email: 'Anna.Berzina@example.lv' })).cases.map((entry) => [entry.caseId, entry.matchedOn])).toEqual([
      [annaCase, ['email']],
    ]);
    expect(ids(await t.call('people.find', { phone: '26123456' }))).toEqual([annaCase]);
    expect(ids(await t.call('people.find', { postcode: 'lv 1010' }))).toEqual([annaCase]);
    expect((await t.call('people.find', { name: 'Anna Bērziņa', postcode: 'LV-1010' })).cases[0]?.matchedOn).toEqual(['name', 'postcode']);
  });

  it('returns the letters about the person: those from her and those filed on her cases', async () => {
    const sender = { name: 'Anna Berzina', addressLines: ['Brīvības iela 1'], postcode: 'LV-1010', country: 'LV' };
    await t.call('post.logIncoming', { receivedOn: '2026-11-23', sender, kind: 'new-complaint', type: 'product', summary: 'A letter from Anna' });
    await t.call('post.logIncoming', {
      receivedOn: '2026-11-23',
      sender: { ...sender, name: 'Annija Bērziņa', postcode: 'LV-1050' },
      kind: 'new-complaint',
      type: 'product',
      summary: 'A letter from Annija',
    });
    const result = await t.call('people.find', { name: 'Anna Bērziņa' });
    expect(result.letters.map((letter) => letter.partyName)).toEqual(['Anna Berzina']);
  });

  it('leaves out a restricted case that does not name the administrator (P-7.1)', async () => {
    const manager = await t.addAccount({ name: 'Mara Manager', login: 'mara', roles: ['manager'] });
    await t.callAs(testViewer(manager, ['manager']), 'cases.restrict', {
      caseId: annaCase,
      restrictedTo: [manager],
      reason: 'A complaint about a member of staff',
    });
    expect(ids(await t.call('people.find', { name: 'Anna Berzina' }))).toEqual([]);
    expect(ids(await t.callAs(testViewer(manager, ['manager', 'administrator']), 'people.find', { name: 'Anna Berzina' }))).toEqual([annaCase]);
  });

  it('is refused to everyone but administrators, and refuses an empty search', async () => {
    for (const role of ['clerk', 'caseworker', 'manager'] as const)
      expect((await t.failAs(testViewer(`x-${role}`, [role]), 'people.find', { name: 'Anna' })).code).toBe('FORBIDDEN');
    expect(await t.fail('people.find', {})).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ code: 'person_search_empty' }] });
  });
});

describe('matching rules', () => {
  it('folds accents and case (NFD, marks removed)', () => {
    expect(foldText('Jānis BĒRZIŅŠ')).toBe('janis berzins');
    expect(nameMatches('Jānis Bērziņš', 'berzins janis')).toBe(true);
    expect(nameMatches('Jāniss Bērziņš', 'janis berzins')).toBe(false);
    expect(phoneMatches('+44 20 7946 0000', '020 7946 0000')).toBe(true);
    expect(phoneMatches('+44 20 7946 0000', '0000')).toBe(false);
  });
});
