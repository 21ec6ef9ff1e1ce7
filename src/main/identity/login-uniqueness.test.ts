/**
 * Issue 13: two accounts never share a login, compared trimmed and case-insensitively. Creating
 * or renaming to a taken login is refused with `login_taken` (naming the holder) and saves
 * nothing. Two devices that made the same login offline meet by sync: the account made first keeps
 * the login, the later one is flagged to administrators, who give it another login
 * (shared/identity/login-clash.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../shared/domain/records';
import { startTestDomain, TEST_PASSWORD, type TestDomain } from '../domain/test-support';

let t: TestDomain;

afterEach(async () => {
  await t.close();
});

const directory = async () => (await t.call('settings.get', {})).staff;

/** What sync brings from a device that made an account offline: written straight to this device's directory. */
async function arrivesBySync(account: { id: string; name: string; login: string; createdAt: string }): Promise<void> {
  const member: StaffMember = {
    email: '',
    roles: ['caseworker'],
    departments: [],
    active: true,
    password: await t.services.session!.verifier('other device password'),
    ...account,
  };
  await t.services.domain!.db.staff.insert(member);
}

describe('a login is unique in the team', () => {
  it('creating an account with a taken login, whatever its capitals and spaces, is refused and saves nothing', async () => {
    t = await startTestDomain();
    await t.addAccount({ name: 'Līga Ozola', login: 'liga', roles: ['manager'] });
    const before = await directory();
    const refused = await t.fail('staff.save', { name: 'Someone Else', login: '  LIGA ', roles: ['clerk'], password: TEST_PASSWORD });
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'login', code: 'login_taken', params: { name: 'Līga Ozola' } }] });
    expect(await directory()).toEqual(before);
  });

  it('renaming an account to a taken login is refused and changes nothing; its own login may stay', async () => {
    t = await startTestDomain();
    await t.addAccount({ name: 'Līga Ozola', login: 'liga', roles: ['manager'] });
    const annId = await t.addAccount({ name: 'Anna Bērziņa', login: 'anna', roles: ['caseworker'] });
    const refused = await t.fail('staff.save', { id: annId, name: 'Anna Bērziņa', login: 'Liga', roles: ['caseworker'], active: true });
    expect(refused.issues[0]).toMatchObject({ path: 'login', code: 'login_taken' });
    expect((await directory()).find((member) => member.id === annId)?.login).toBe('anna');
    const kept = await t.call('staff.save', { id: annId, name: 'Anna Bērziņa-Ozola', login: ' ANNA ', roles: ['caseworker'], active: true });
    expect(kept.staff.find((member) => member.id === annId)).toMatchObject({ name: 'Anna Bērziņa-Ozola', login: 'anna' });
  });
});

describe('the same login made on two devices offline, met by sync', () => {
  it('the later account is flagged to administrators; the first one is not blocked; an administrator renames the later one', async () => {
    t = await startTestDomain('2026-11-23T09:00:00.000Z');
    const firstId = await t.addAccount({ name: 'Nora First', login: 'nora', roles: ['caseworker'] });
    await arrivesBySync({ id: 'later-nora', name: 'Nora Later', login: 'Nora', createdAt: '2026-11-23T12:00:00.000Z' });

    const staff = await directory();
    expect(staff.find((member) => member.id === 'later-nora')).toMatchObject({ loginClashWith: firstId });
    expect(staff.find((member) => member.id === firstId)?.loginClashWith).toBeUndefined();

    // The first account is not blocked by the later one; the later one must take another login.
    await t.call('staff.save', { id: firstId, name: 'Nora First', login: 'nora', roles: ['caseworker', 'manager'], active: true });
    expect((await t.fail('staff.save', { id: 'later-nora', name: 'Nora Later', login: 'nora', roles: ['caseworker'], active: true })).issues[0]).toMatchObject({
      code: 'login_taken',
    });
    const renamed = await t.call('staff.save', { id: 'later-nora', name: 'Nora Later', login: 'nora.later', roles: ['caseworker'], active: true });
    expect(renamed.staff.find((member) => member.id === 'later-nora')).toMatchObject({ login: 'nora.later' });
    expect(renamed.staff.find((member) => member.id === 'later-nora')?.loginClashWith).toBeUndefined();
    await t.call('session.signOut', {});
    await t.call('session.signIn', { login: 'nora.later', password: 'other device password' });
    expect(t.me()).toBe('later-nora');
  });
});
