/**
 * Sign-in, sessions and first start, through the API as the renderer calls it: offline against the
 * device's directory, throttled after 5 wrong passwords (on the test clock, no real waiting),
 * locked after idle time and unlocked with the password, deactivated accounts signed out, and a
 * profile from before accounts keeping its history.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RxDatabase } from 'rxdb';
import { phoneComplaint, startTestDomain, TEST_PASSWORD, type TestDomain } from '../domain/test-support';
import { SEED_ADMIN } from './seed-account';

let t: TestDomain | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('first start', () => {
  it('sets up a new team: the organisation, then the first administrator, signed in', async () => {
    t = await startTestDomain(undefined, undefined, { signedIn: false });
    expect(await t.call('session.current', {})).toMatchObject({ state: 'setup-needed', viewer: null });
    expect(await t.fail('cases.list', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(
      (await t.fail('session.setUpTeam', { organisation: { name: 'Acme' }, administrator: { name: 'Ada', login: 'ada', password: 'short' } })).issues[0],
    ).toMatchObject({ path: 'administrator.password' });
    const state = await t.call('session.setUpTeam', {
      organisation: { name: 'Acme Ltd' },
      administrator: { name: 'Ada Admin', login: 'Ada', password: TEST_PASSWORD },
    });
    expect(state).toMatchObject({ state: 'signed-in', organisation: 'Acme Ltd', viewer: { name: 'Ada Admin', roles: ['administrator', 'manager'] } });
    expect((await t.call('settings.get', {})).staff).toEqual([expect.objectContaining({ login: 'ada', hasPassword: true })]);
    // Only once.
    expect(
      await t.fail('session.setUpTeam', { organisation: { name: 'Other' }, administrator: { name: 'Eve', login: 'eve', password: TEST_PASSWORD } }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a profile from before accounts: its "Administrator" becomes the first account, and history stays attributed', async () => {
    t = await startTestDomain(undefined, undefined, { signedIn: false });
    const domain = t.services.domain!;
    // As version 0 left it (migrated): a profile without login or password, chosen as "who am I".
    await domain.db.staff.insert({
      id: 'legacy-admin',
      name: 'Administrator',
      email: '',
      login: '',
      roles: ['administrator'],
      departments: [],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      password: null,
    });
    const database = domain.db as unknown as RxDatabase;
    await database.upsertLocal('device', { ...(await domain.identity.state()), currentStaffId: 'legacy-admin' });
    expect((await t.call('session.current', {})).state).toBe('setup-needed');
    await t.call('session.setUpTeam', {
      organisation: { name: 'Welzo Limited' },
      administrator: { name: 'Administrator', login: 'admin', password: TEST_PASSWORD },
    });
    expect(t.me()).toBe('legacy-admin');
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T16:00:00.000Z' });
    expect((await t.call('cases.get', { caseId })).case.loggedBy.id).toBe('legacy-admin');
  });
});

describe('sign-in', () => {
  it('works against the directory, offline; refuses wrong passwords, unknown logins and deactivated accounts alike', async () => {
    t = await startTestDomain();
    const clerk = await t.addAccount({ name: 'Carl Clerk', login: 'carl', roles: ['clerk'] });
    await t.call('session.signOut', {});
    expect(await t.call('session.current', {})).toMatchObject({ state: 'signed-out', viewer: null });
    for (const attempt of [
      { login: 'carl', password: 'wrong password!' },
      { login: 'nobody', password: TEST_PASSWORD },
    ]) {
      expect(await t.fail('session.signIn', attempt)).toMatchObject({ code: 'UNAUTHENTICATED', issues: [{ path: 'password', code: 'wrong_password' }] });
    }
    expect(await t.call('session.signIn', { login: 'CARL', password: TEST_PASSWORD })).toMatchObject({
      state: 'signed-in',
      viewer: { accountId: clerk, roles: ['clerk'] },
    });
    expect(await t.fail('cases.get', { caseId: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
    // Deactivated by an administrator: signed out at once, and cannot sign in again.
    await t.signInAs(SEED_ADMIN.login, SEED_ADMIN.password);
    await t.call('staff.save', { id: clerk, name: 'Carl Clerk', login: 'carl', roles: ['clerk'], active: false });
    expect(await t.fail('session.signIn', { login: 'carl', password: TEST_PASSWORD })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('throttles after 5 wrong passwords with a growing delay, and logs each failure without the password', async () => {
    t = await startTestDomain();
    await t.call('session.signOut', {});
    const wrong = { login: 'admin', password: 'not-the-password-42' };
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await t.fail('session.signIn', wrong)).code).toBe('UNAUTHENTICATED');
    // Even the right password waits now.
    expect(await t.fail('session.signIn', { login: 'admin', password: SEED_ADMIN.password })).toMatchObject({
      code: 'THROTTLED',
      issues: [{ code: 'too_many_attempts', params: { seconds: 30 } }],
    });
    t.clock.set(t.clock.millis + 31_000);
    expect((await t.fail('session.signIn', wrong)).code).toBe('UNAUTHENTICATED');
    expect(await t.fail('session.signIn', wrong)).toMatchObject({ code: 'THROTTLED', issues: [{ params: { seconds: 60 } }] });
    t.clock.set(t.clock.millis + 61_000);
    expect((await t.call('session.signIn', { login: 'admin', password: SEED_ADMIN.password })).state).toBe('signed-in');
    const log = JSON.stringify((t.services.logger as unknown as { entries: unknown[] }).entries ?? []);
    expect(log).not.toContain('not-the-password-42');
    expect(log).not.toContain(SEED_ADMIN.password);
  });

  it('changes one’s own password, and an administrator resets another’s', async () => {
    t = await startTestDomain();
    const ann = await t.addAccount({ name: 'Ann Worker', login: 'ann', roles: ['caseworker'] });
    await t.signInAs('ann');
    expect((await t.fail('session.changePassword', { currentPassword: 'wrong', newPassword: 'a brand new one' })).code).toBe('UNAUTHENTICATED');
    await t.call('session.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new one' });
    expect(await t.fail('staff.setPassword', { staffId: ann, password: 'taking over now' })).toMatchObject({ code: 'FORBIDDEN' });
    await t.signInAs('ann', 'a brand new one');
    await t.signInAs(SEED_ADMIN.login, SEED_ADMIN.password);
    await t.call('staff.setPassword', { staffId: ann, password: 'reset by admin' });
    await t.signInAs('ann', 'reset by admin');
    expect(t.me()).toBe(ann);
  });
});

describe('a clerk', () => {
  it('finds a case by reference to attach post, seeing its reference, complainant name and status only', async () => {
    t = await startTestDomain();
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T16:00:00.000Z' });
    await t.addAccount({ name: 'Carl Clerk', login: 'carl', roles: ['clerk'] });
    await t.signInAs('carl');
    const { hits } = await t.call('cases.quickSearch', { query: reference });
    expect(hits).toEqual([
      expect.objectContaining({ id: caseId, reference, complainantName: phoneComplaint.complainant.name, status: 'received', summary: '' }),
    ]);
    const duplicates = await t.call('cases.findDuplicates', { name: phoneComplaint.complainant.name, email: phoneComplaint.complainant.email });
    expect(duplicates.every((item) => item.assignee === null && item.nextDeadline === null)).toBe(true);
    expect(await t.fail('cases.get', { caseId })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fail('cases.addNote', { caseId, text: 'Seen' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('lock', () => {
  it('locks after the idle time (a team setting) and unlocks with the same person’s password', async () => {
    t = await startTestDomain(undefined, undefined, { services: { idleLock: true } });
    t.clock.tickMs = 0;
    await t.call('settings.updateSecurity', { idleLockMinutes: 5 });
    await t.call('session.activity', {});
    t.clock.set(t.clock.millis + 4 * 60_000);
    await t.call('cases.list', {});
    await t.call('session.activity', {});
    t.clock.set(t.clock.millis + 5 * 60_000 + 1);
    expect(await t.fail('cases.list', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await t.call('session.current', {})).toMatchObject({ state: 'locked', viewer: { name: 'Administrator' } });
    expect((await t.fail('session.unlock', { password: 'wrong password' })).code).toBe('UNAUTHENTICATED');
    expect((await t.call('session.unlock', { password: SEED_ADMIN.password })).state).toBe('signed-in');
    await t.call('session.lock', {});
    expect(await t.fail('settings.get', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
