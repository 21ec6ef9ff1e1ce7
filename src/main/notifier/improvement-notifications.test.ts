/**
 * P-5.3 improvement actions through the deadline notifier's desktop delivery (virtual time, a
 * recording sink): an open action due within a week is told to its owner, only to its owner, once;
 * neither another recompute nor a restart repeats it; the day after its due day it is told once as
 * overdue, at the office's opening (quiet hours), from the notifier's own timer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { SEED_ADMIN } from '../identity/seed-account';
import type { DesktopNotification } from './deadline-notifier';
import { FakeTimers } from './fake-timers';
import { IMPROVEMENTS_PATH } from './improvement-notices';

interface Shown extends DesktopNotification {
  readonly at: string;
  readonly to: string;
}

let t: TestDomain;
let timers: FakeTimers;
let shown: Shown[] = [];

afterEach(async () => {
  await t.close();
  shown = [];
});

const notifier = () => t.services.notifier!;
const settle = () => notifier().idle();
const improvementsShown = () => shown.filter((notification) => notification.level === 'improvement');

describe('P-5.3 an improvement action due is told on the desktop to its owner, once', () => {
  it('due soon: told to the owner only, once, across a restart; overdue: told once more, at the next opening', async () => {
    // Monday 30 November 2026, 10:00 in London (office hours).
    t = await startTestDomain('2026-11-30T10:00:00.000Z', undefined, {
      timers: (clock) => (timers = new FakeTimers(clock)),
      sink: { show: (notification) => shown.push({ ...notification, at: new Date(t.clock.millis).toISOString(), to: t.me() }) },
    });
    const owen = await t.addAccount({ name: 'Owen Owner', login: 'owen', roles: ['caseworker'] });
    const admin = t.me();
    const action = {
      title: 'Retrain couriers',
      dueOn: '2026-12-03',
      status: 'planned' as const,
      completedOn: null,
      rootCauseIds: ['courier-handling'],
      lessonsLearned: '',
    };
    await t.call('improvementActions.save', { ...action, ownerId: owen });
    // The administrator's own action is not due for three weeks: nothing to tell yet.
    await t.call('improvementActions.save', { ...action, title: 'Review billing policy', ownerId: admin, dueOn: '2026-12-21' });
    await notifier().recompute();

    // The administrator, signed in, is not told of Owen's action.
    expect(improvementsShown()).toEqual([]);
    expect((await t.call('notifications.list', {})).items.filter((item) => item.level === 'improvement')).toEqual([]);
    // The notifier wakes when the administrator's action becomes due soon: office midnight, 14 December.
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-12-14T00:00:00.000Z'));

    await t.signInAs('owen');
    await notifier().recompute();
    expect(improvementsShown()).toEqual([
      expect.objectContaining({ to: owen, title: 'Improvement action due soon: Retrain couriers', body: 'Due 3 Dec 2026', path: IMPROVEMENTS_PATH }),
    ]);
    // In the centre it is kept as read: the centre lists the action itself (improvementActions.mine).
    const centre = await t.call('notifications.list', {});
    expect(centre.items).toEqual([expect.objectContaining({ level: 'improvement', title: 'Improvement action due soon: Retrain couriers', read: true })]);
    expect(centre.unread).toBe(0);
    expect(await t.call('improvementActions.mine', {})).toEqual([expect.objectContaining({ due: 'due-soon' })]);

    // Once: another recompute, and a restart (signed in again), repeat nothing.
    await notifier().recompute();
    await t.restart();
    await t.signInAs('owen');
    await notifier().recompute();
    expect(improvementsShown()).toHaveLength(1);
    expect((await t.call('notifications.list', {})).items.filter((item) => item.level === 'improvement')).toHaveLength(1);

    // Friday 4 December: overdue from office midnight, shown when the office opens (quiet hours).
    t.clock.tickMs = 0; // exact instants from here on
    await timers.advanceTo('2026-12-04T12:00:00.000Z', settle);
    expect(improvementsShown()).toEqual([
      expect.objectContaining({ title: 'Improvement action due soon: Retrain couriers' }),
      expect.objectContaining({ to: owen, title: 'Improvement action overdue: Retrain couriers', at: '2026-12-04T09:00:00.000Z' }),
    ]);
    await notifier().recompute();
    expect(improvementsShown()).toHaveLength(2);

    // The administrator is never told of Owen's action, overdue or not.
    await t.signInAs('admin', SEED_ADMIN.password);
    await notifier().recompute();
    expect(improvementsShown().filter((notification) => notification.to !== owen)).toEqual([]);
  });
});
