/**
 * P-7.1: the notification centre lists and counts only notifications of cases their reader may
 * open now. A caseworker told of a breach on their case no longer sees (or counts) it once a
 * manager restricts the case to other people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerViewer, phoneComplaint, startTestDomain, testViewer, type TestDomain } from '../domain/test-support';
import type { Viewer } from '../../shared/identity/viewer';
import { FakeTimers } from './fake-timers';

let t: TestDomain;
let timers: FakeTimers;
let caseworker: Viewer;

beforeAll(async () => {
  t = await startTestDomain('2026-11-23T10:00:00.000Z', undefined, { timers: (clock) => (timers = new FakeTimers(clock)) });
  const id = await t.addAccount({ name: 'Berta Billing', login: 'berta', roles: ['caseworker'], departments: ['Billing'] });
  caseworker = testViewer(id, ['caseworker'], ['Billing']);
  // The notifier tells the person signed in on this device.
  await t.signInAs('berta');
});

afterAll(async () => {
  await t.close();
});

describe('P-7.1 notifications name only cases their reader may open now', () => {
  it('a breach told to the assignee drops out of their list and unread count once the case is restricted', async () => {
    t.clock.tickMs = 1;
    const { caseId } = await t.callAs(managerViewer, 'cases.create', {
      ...phoneComplaint,
      receivedAt: '2026-11-23T10:00:00.000Z',
      departments: ['Billing'],
      assigneeId: caseworker.accountId,
    });
    t.clock.tickMs = 0;
    await t.services.notifier!.recompute();
    await timers.advanceTo('2026-11-25T10:00:00.001Z', () => t.services.notifier!.idle());
    const told = await t.callAs(caseworker, 'notifications.list', {});
    expect(told.unread).toBeGreaterThan(0);
    expect(told.items.every((item) => item.caseIds.includes(caseId))).toBe(true);

    await t.callAs(managerViewer, 'cases.restrict', { caseId, restrictedTo: [], reason: 'A complaint about a member of staff' });
    expect(await t.callAs(caseworker, 'notifications.list', {})).toEqual({ items: [], unread: 0 });
    expect(await t.callAs(caseworker, 'notifications.markRead', { all: true })).toEqual({ items: [], unread: 0 });
  });
});
