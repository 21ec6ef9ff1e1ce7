/**
 * The deadline notifier in Node with virtual time and a recording sink: warnings and breaches at
 * the exact instants, nothing for closed or met deadlines, daylight-saving changes, no repeats
 * after a restart, sleep and resume caught up once, rescheduling after a change of assignee or an
 * extension, bursts as one summary, quiet hours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';
import type { DesktopNotification } from './deadline-notifier';
import { FakeTimers } from './fake-timers';

interface Shown extends DesktopNotification {
  readonly at: string;
}

let t: TestDomain;
let timers: FakeTimers;
let shown: Shown[];

async function start(at: string, directory?: string): Promise<void> {
  shown = shown ?? [];
  t = await startTestDomain(at, directory, {
    timers: (clock) => (timers = new FakeTimers(clock)),
    // Deadline notifications only: trend alerts (P-5.2, which seven cases of one type in a week can
    // raise here) share the sink and the centre, and have their own tests in ./trends.
    sink: { show: (notification) => notification.level !== 'trend' && shown.push({ ...notification, at: new Date(t.clock.millis).toISOString() }) },
  });
  t.clock.tickMs = 0; // exact instants from here on
}

const notifier = () => t.services.notifier!;
const advanceTo = (instant: string) => timers.advanceTo(instant, () => notifier().idle());
const inApp = async () => (await t.call('notifications.list', {})).items;
const me = async () => t.me();

afterEach(async () => {
  await t.close();
  shown = [];
});

async function createCase(receivedAt: string, assigneeId: string | null, name = 'Ann Smith') {
  t.clock.tickMs = 1;
  const created = await t.call('cases.create', { ...phoneComplaint, complainant: { ...phoneComplaint.complainant, name }, receivedAt, assigneeId });
  t.clock.tickMs = 0;
  await notifier().recompute();
  return created;
}

describe('exact instants (P-3.2 acknowledgement deadline: 48 h, warned 24 h before)', () => {
  it('warns at the warning instant and reports the breach the moment the deadline passes', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z'); // Monday, office hours in London
    const { reference } = await createCase('2026-11-23T10:00:00.000Z', await me());
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-11-24T10:00:00.000Z'));

    await advanceTo('2026-11-24T09:59:59.999Z');
    expect(shown).toEqual([]);
    await advanceTo('2026-11-24T10:00:00.000Z');
    expect(shown).toEqual([expect.objectContaining({ level: 'due-soon', title: `Deadline due soon: ${reference}`, at: '2026-11-24T10:00:00.000Z' })]);

    await advanceTo('2026-11-25T10:00:00.000Z'); // due at exactly this instant: not breached yet
    expect(shown).toHaveLength(1);
    await advanceTo('2026-11-25T10:00:00.001Z');
    expect(shown[1]).toMatchObject({ level: 'breached', title: `Deadline breached: ${reference}`, at: '2026-11-25T10:00:00.001Z' });
    expect((await inApp()).map((item) => item.level)).toEqual(['breached', 'due-soon']);
  });
});

describe('nothing fires for met or closed deadlines', () => {
  it('after acknowledgement only the resolution deadline is watched; a closed case is not watched at all', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    const { caseId } = await createCase('2026-11-23T10:00:00.000Z', await me());
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-23T10:00:00.000Z', channel: 'email' } });
    await notifier().recompute();
    // Stage-1 resolution: 10 working days from Monday 23 Nov = Monday 7 Dec 23:59:59.999 (warned 24 h before).
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-12-06T23:59:59.999Z'));
    await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-11-23T10:00:00.000Z' } });
    await t.call('cases.act', {
      caseId,
      action: {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-11-23T10:00:00.000Z',
        channel: 'email',
        summary: 'Done',
        outcome: 'upheld',
      },
    });
    await t.call('cases.act', { caseId, action: { type: 'close', at: '2026-11-23T10:00:00.000Z' } });
    await notifier().recompute();
    expect(notifier().nextWakeAt).toBeNull();
    await advanceTo('2026-12-31T12:00:00.000Z');
    expect(shown).toEqual([]);
  });
});

describe('daylight-saving changes', () => {
  it('March: a resolution deadline after the clocks go forward is breached at 23:00 UTC, told at the next working morning', async () => {
    shown = [];
    await start('2026-03-16T10:00:00.000Z');
    const { caseId } = await createCase('2026-03-16T09:00:00.000Z', await me());
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-03-16T09:30:00.000Z', channel: 'email' } });
    await notifier().recompute();
    // 10 working days from Monday 16 March → Monday 30 March 23:59:59.999 BST = 22:59:59.999 UTC.
    await advanceTo('2026-03-30T22:59:59.999Z');
    const warned = shown.filter((item) => item.level === 'due-soon');
    expect(warned).toHaveLength(1); // the 24-hour warning (held to the Monday morning: it fell on Sunday night)
    await advanceTo('2026-03-30T23:00:00.000Z');
    const breach = (await inApp()).find((item) => item.level === 'breached');
    expect(breach?.createdAt).toBe('2026-03-30T23:00:00.000Z'); // in-app at once
    expect(shown.some((item) => item.level === 'breached')).toBe(false); // desktop waits: quiet hours
    await advanceTo('2026-03-31T08:00:00.000Z'); // 09:00 BST
    expect(shown.find((item) => item.level === 'breached')?.at).toBe('2026-03-31T08:00:00.000Z');
  });

  it('October: after the clocks go back, the breach is at midnight GMT and the morning is 09:00 GMT', async () => {
    shown = [];
    await start('2026-10-12T10:00:00.000Z');
    const { caseId } = await createCase('2026-10-12T09:00:00.000Z', await me());
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-10-12T09:30:00.000Z', channel: 'email' } });
    await notifier().recompute();
    // 10 working days from Monday 12 October → Monday 26 October 23:59:59.999 GMT.
    await advanceTo('2026-10-27T00:00:00.000Z');
    expect((await inApp()).find((item) => item.level === 'breached')?.createdAt).toBe('2026-10-27T00:00:00.000Z');
    await advanceTo('2026-10-27T09:00:00.000Z');
    expect(shown.find((item) => item.level === 'breached')?.at).toBe('2026-10-27T09:00:00.000Z');
  });
});

describe('once ever', () => {
  it('a restart does not repeat notifications', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    await createCase('2026-11-23T10:00:00.000Z', await me());
    await advanceTo('2026-11-25T12:00:00.000Z');
    expect(shown.map((item) => item.level)).toEqual(['due-soon', 'breached']);
    const directory = t.directory;
    await t.services.close();
    await start('2026-11-25T12:05:00.000Z', directory);
    await notifier().idle();
    await advanceTo('2026-11-26T12:00:00.000Z');
    expect(shown.map((item) => item.level)).toEqual(['due-soon', 'breached']);
    expect(await inApp()).toHaveLength(2);
  });

  it('sleep and resume catch up once', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    await createCase('2026-11-23T10:00:00.000Z', await me());
    timers.sleepUntil('2026-11-26T11:00:00.000Z'); // the laptop slept through both events
    await notifier().resumed();
    // Slept through the warning and the breach: told once, as a breach (issue 18).
    expect(shown.map((item) => item.level)).toEqual(['breached']);
    await advanceTo('2026-11-27T11:00:00.000Z'); // the stale timer fires later: nothing new
    await notifier().resumed();
    expect(shown).toHaveLength(1);
  });
});

describe('rescheduling', () => {
  it('follows a change of assignee and an extension', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    const settings = await t.call('staff.save', { name: 'Amira Hassan', login: 'amira', roles: ['caseworker'] });
    const amira = settings.staff.find((member) => member.name === 'Amira Hassan')!.id;
    const { caseId } = await createCase('2026-11-23T10:00:00.000Z', amira);
    // The administrator is told of breaches only, so the next event is the breach.
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-11-25T10:00:00.001Z'));
    await t.call('cases.assign', { caseId, assigneeId: await me() });
    await notifier().recompute();
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-11-24T10:00:00.000Z'));

    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-23T10:00:00.000Z', channel: 'email' } });
    await notifier().recompute();
    const before = notifier().nextWakeAt;
    await t.call('cases.act', {
      caseId,
      action: { type: 'extendDeadline', at: '2026-11-23T10:00:00.000Z', newDueAt: '2026-12-18T16:00:00.000Z', reason: 'Laboratory tests', approverId: t.me() },
    });
    await notifier().recompute();
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-12-17T16:00:00.000Z'));
    expect(notifier().nextWakeAt).not.toBe(before);
  });

  it('recomputes by itself when cases change (no explicit call)', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    expect(notifier().nextWakeAt).toBeNull();
    t.clock.tickMs = 1;
    const changed = new Promise<void>((resolve) => {
      const stop = t.services.events.listenAll((channel) => channel === 'cases.changed' && (stop(), resolve()));
    });
    await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-23T10:00:00.000Z', assigneeId: await me() });
    t.clock.tickMs = 0;
    await changed; // the change feed's event asked the notifier to recompute
    await advanceTo('2026-11-23T10:00:01.000Z'); // the notifier's debounce
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-11-24T10:00:00.000Z'));
  });
});

describe('a newly assigned person (issue 18)', () => {
  it('is told at once of what is due soon on the case, with no other change to the case', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    const settings = await t.call('staff.save', { name: 'Amira Hassan', login: 'amira', roles: ['caseworker'] });
    const amira = settings.staff.find((member) => member.name === 'Amira Hassan')!.id;
    const { caseId, reference } = await createCase('2026-11-23T10:00:00.000Z', amira);
    await advanceTo('2026-11-24T12:00:00.000Z'); // the warning has passed (Amira's), the breach is ahead
    expect(await inApp()).toEqual([]);
    const changed = new Promise<void>((resolve) => {
      const stop = t.services.events.listenAll((channel) => channel === 'cases.changed' && (stop(), resolve()));
    });
    await t.call('cases.assign', { caseId, assigneeId: await me() });
    await changed;
    await advanceTo('2026-11-24T12:00:01.000Z'); // the notifier's debounce, nothing else
    expect((await inApp()).map((item) => [item.level, item.title])).toEqual([['due-soon', `Deadline due soon: ${reference}`]]);
  });
});

describe('old breaches (issue 18)', () => {
  it('deadlines breached months ago are told once, as breaches, never as "due soon"; a case with two is named once', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    const assigneeId = await me();
    t.clock.tickMs = 1;
    const first = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-03-02T10:00:00.000Z', assigneeId });
    const second = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-03-03T10:00:00.000Z', assigneeId });
    t.clock.tickMs = 0;
    await notifier().recompute();
    // Each case has its acknowledgement and its (provisional) stage-1 resolution breached: four breaches.
    const items = await inApp();
    expect(items.map((item) => item.level)).toEqual(['breached']);
    expect(items[0]).toMatchObject({ title: '4 deadlines breached', body: `Including ${first.reference}, ${second.reference}` });
    await notifier().recompute();
    expect(await inApp()).toHaveLength(1);
  });
});

describe('bursts and the notification centre', () => {
  it('many events at once become one summary; unread counts and mark read', async () => {
    shown = [];
    await start('2026-11-23T10:00:00.000Z');
    for (let index = 0; index < 7; index += 1) await createCase('2026-11-16T10:00:00.000Z', await me(), `Person ${index}`);
    shown.length = 0;
    await t.call('notifications.markRead', { all: true });
    const directory = t.directory;
    await t.services.close();
    shown = [];
    // A fresh device profile for the same cases would see one summary; here: new cases all breach at once.
    await start('2026-11-23T10:00:00.000Z', directory);
    expect(shown).toEqual([]); // nothing new after the restart
    for (let index = 0; index < 5; index += 1) await createCase('2026-11-23T10:00:00.000Z', await me(), `Later ${index}`);
    await advanceTo('2026-11-25T10:00:00.001Z');
    expect(shown.map((item) => item.title)).toEqual(['5 deadlines due soon', '5 deadlines breached']);
    expect(shown[1]?.path).toBe('/cases/view/breached');
    const deadlineItems = async () => (await t.call('notifications.list', {})).items.filter((item) => item.level !== 'trend');
    const unreadDeadlines = async () => (await deadlineItems()).filter((item) => !item.read).length;
    expect(await unreadDeadlines()).toBe(2);
    await t.call('notifications.markRead', { ids: [(await deadlineItems())[0]!.id] });
    expect(await unreadDeadlines()).toBe(1);
    expect((await t.fail('notifications.markRead', {})).code).toBe('VALIDATION_FAILED');
  });

  it('outside office hours the in-app centre updates at once and the desktop waits for the working morning', async () => {
    shown = [];
    await start('2026-11-27T20:00:00.000Z'); // Friday evening
    await createCase('2026-11-27T19:00:00.000Z', await me());
    await advanceTo('2026-11-28T19:00:00.000Z'); // warning on Saturday evening
    expect((await inApp()).map((item) => item.level)).toEqual(['due-soon']);
    expect(shown).toEqual([]);
    await advanceTo('2026-11-30T09:00:00.000Z'); // Monday 09:00
    expect(shown.map((item) => [item.level, item.at])).toEqual([
      ['due-soon', '2026-11-30T09:00:00.000Z'],
      ['breached', '2026-11-30T09:00:00.000Z'],
    ]);
    await t.call('device.setPreferences', { holdDuringQuietHours: false });
    expect((await t.call('device.getPreferences', {})).holdDuringQuietHours).toBe(false);
  });

  it('with quiet hours switched off, the desktop is told at once, even on a Saturday evening', async () => {
    shown = [];
    await start('2026-11-27T20:00:00.000Z'); // Friday evening
    await t.call('device.setPreferences', { holdDuringQuietHours: false });
    await createCase('2026-11-27T19:00:00.000Z', await me());
    await advanceTo('2026-11-28T19:00:00.000Z'); // the 24-hour warning, Saturday 19:00
    expect(shown.map((item) => [item.level, item.at])).toEqual([['due-soon', '2026-11-28T19:00:00.000Z']]);
    await advanceTo('2026-11-29T19:00:00.001Z'); // 1 ms after the deadline, Sunday evening
    expect(shown.map((item) => [item.level, item.at])).toEqual([
      ['due-soon', '2026-11-28T19:00:00.000Z'],
      ['breached', '2026-11-29T19:00:00.001Z'],
    ]);
  });
});

describe('quiet hours follow the working week (issue 15)', () => {
  const LONDON = { region: 'GB-ENG', timeZone: 'Europe/London', closures: [] as string[] };

  it('a warning on Friday evening is held to a working Saturday morning, not to Monday', async () => {
    shown = [];
    await start('2026-11-26T20:00:00.000Z'); // Thursday evening
    await t.call('settings.updateCalendar', { ...LONDON, extraWorkingDays: ['2026-11-28'] });
    // 48 hours: due Saturday 28 November 20:00, warned Friday 27 November 20:00 (after closing).
    await createCase('2026-11-26T20:00:00.000Z', await me());
    await advanceTo('2026-11-28T08:59:59.999Z');
    expect((await inApp()).map((item) => item.level)).toEqual(['due-soon']);
    expect(shown).toEqual([]);
    await advanceTo('2026-11-28T09:00:00.000Z'); // Saturday 09:00 GMT, an extra working day
    expect(shown.map((item) => [item.level, item.at])).toEqual([['due-soon', '2026-11-28T09:00:00.000Z']]);
  });

  it('a notification held for a Saturday is not shown on it once Saturday leaves the working week; it waits for Monday, never Sunday', async () => {
    shown = [];
    await start('2026-11-26T20:00:00.000Z');
    await t.call('settings.updateCalendar', { ...LONDON, workWeek: [1, 2, 3, 4, 5, 6] }); // Monday to Saturday
    await createCase('2026-11-26T20:00:00.000Z', await me());
    await advanceTo('2026-11-27T22:00:00.000Z'); // the warning came at 20:00, held for Saturday 09:00
    expect(notifier().nextWakeAt).toBe(Date.parse('2026-11-28T09:00:00.000Z'));
    await t.call('settings.updateCalendar', { ...LONDON, workWeek: [1, 2, 3, 4, 5] }); // back to Monday to Friday
    await advanceTo('2026-11-29T23:59:59.999Z'); // all of Saturday and Sunday
    expect(shown).toEqual([]);
    expect((await inApp()).map((item) => item.level)).toEqual(['breached', 'due-soon']);
    await advanceTo('2026-11-30T09:00:00.000Z');
    expect(shown.map((item) => [item.level, item.at])).toEqual([
      ['due-soon', '2026-11-30T09:00:00.000Z'],
      ['breached', '2026-11-30T09:00:00.000Z'],
    ]);
  });
});
