/**
 * P-5.2 trend alerts in the real main services (virtual time, a recording desktop sink): the
 * weekly check flags a planted spike and tells a manager once, in the notification centre and on
 * the desktop, naming exactly the week's cases; a second check and a restart do not repeat it; a
 * caseworker is not told; nothing is flagged without a spike. A spike in one root cause (P-5.3) is
 * told the same way, under the cause's name, opening that week's cases with that cause.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, type TestDomain } from '../../domain/test-support';
import type { DesktopNotification } from '../deadline-notifier';
import { FakeTimers } from '../fake-timers';
import { FIRST_TREND_CHECK_MS, trendAlertPath } from './trend-alerts';

let t: TestDomain;
let timers: FakeTimers;
let shown: DesktopNotification[] = [];

// Monday 30 November 2026, 10:00 in London (office hours): the week checked is 23–29 November.
const NOW = '2026-11-30T10:00:00.000Z';

async function start(): Promise<void> {
  shown = [];
  t = await startTestDomain(NOW, undefined, {
    timers: (clock) => (timers = new FakeTimers(clock)),
    sink: { show: (notification) => shown.push(notification) },
  });
}

afterEach(async () => {
  await t.close();
});

const trends = () => t.services.trendAlerts!;
const settle = async () => {
  await trends().idle();
  await t.services.notifier!.idle();
};

async function received(at: string, type: string, product = 'Blood pressure monitor'): Promise<string> {
  const { caseId } = await t.call('cases.create', { ...phoneComplaint, type, product, receivedAt: at });
  return caseId;
}

/** One billing complaint a week for the 8 weeks before, then `spike` in the week checked. */
async function plantSpike(spike: number): Promise<string[]> {
  for (let week = 1; week <= 8; week += 1)
    await received(new Date(Date.parse('2026-11-25T11:00:00Z') - week * 7 * 86_400_000).toISOString(), 'billing', `Product ${week}`);
  const ids: string[] = [];
  for (let index = 0; index < spike; index += 1) ids.push(await received(`2026-11-2${3 + (index % 5)}T11:00:00.000Z`, 'billing', `Spike product ${index}`));
  return ids;
}

describe('P-5.2 a planted spike is told to a manager once', () => {
  it('the weekly check stores one alert naming the week’s cases, shows it on the desktop, and never repeats it', async () => {
    await start();
    const spikeIds = await plantSpike(7);
    await timers.advanceTo(Date.parse(NOW) + FIRST_TREND_CHECK_MS + 1_000, settle);

    const centre = await t.call('notifications.list', {});
    const alerts = centre.items.filter((item) => item.level === 'trend');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ title: 'Complaints spike — Type: Billing and payment', read: false });
    expect(alerts[0]?.body).toContain('7 received in the week from 23 Nov 2026');
    expect([...(alerts[0]?.caseIds ?? [])].sort()).toEqual([...spikeIds].sort());
    expect(alerts[0]?.path).toBe(trendAlertPath(alerts[0]?.id ?? ''));
    // The alert opens exactly its cases: the case list filtered by its ids counts as many.
    expect((await t.call('cases.list', { filters: { caseIds: [...(alerts[0]?.caseIds ?? [])] }, limit: 100 })).total).toBe(7);
    expect(shown.filter((notification) => notification.level === 'trend')).toEqual([
      expect.objectContaining({ id: alerts[0]?.id, title: 'Complaints spike — Type: Billing and payment', path: alerts[0]?.path }),
    ]);

    // The next hourly checks, and another spike case entered late, tell nothing new.
    await received('2026-11-27T15:00:00.000Z', 'billing', 'Spike product late');
    await timers.advanceTo(Date.parse(NOW) + 3 * 3_600_000, settle);
    expect(await trends().check()).toBe(0);
    await t.restart();
    expect(await t.services.trendAlerts!.check()).toBe(0);
    expect((await t.call('notifications.list', {})).items.filter((item) => item.level === 'trend')).toHaveLength(1);
    expect(shown.filter((notification) => notification.level === 'trend')).toHaveLength(1);
  });
});

describe('P-5.2 who is told, and when nothing is', () => {
  it('a caseworker signed in on the device is not told of a spike', async () => {
    await start();
    await plantSpike(7);
    await t.addAccount({ name: 'Casey Worker', login: 'casey', roles: ['caseworker'] });
    await t.signInAs('casey');
    expect(await trends().check()).toBe(0);
    expect((await t.call('notifications.list', {})).items).toEqual([]);
    expect(shown.filter((notification) => notification.level === 'trend')).toEqual([]);
  });

  it('an ordinary week (as many as usual) raises no alert', async () => {
    await start();
    await plantSpike(1);
    expect(await trends().check()).toBe(0);
    expect((await t.call('notifications.list', {})).items).toEqual([]);
  });
});

const hoursAfter = (at: string, hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();

/** A case received at `at` and resolved at stage 1 with the root cause `rootCauseId` (P-5.3). */
async function resolvedWithCause(at: string, type: string, rootCauseId: string): Promise<string> {
  const caseId = await received(at, type, `Product ${at}`);
  await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: hoursAfter(at, 1), channel: 'telephone' } });
  await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: hoursAfter(at, 2) } });
  await t.call('cases.act', {
    caseId,
    action: { type: 'communicateResolution', rootCauseId, at: hoursAfter(at, 3), channel: 'telephone', summary: 'Explained', outcome: 'upheld', redress: [] },
  });
  return caseId;
}

describe('P-5.2 a spike in a root cause is a trend too (P-5.3 taxonomy)', () => {
  it('one courier-handling case a week, then seven of mixed types: one alert, named by the cause, opening exactly those seven, told once', async () => {
    await start();
    for (let week = 1; week <= 8; week += 1)
      await resolvedWithCause(new Date(Date.parse('2026-11-25T11:00:00Z') - week * 7 * 86_400_000).toISOString(), 'service', 'courier-handling');
    // The week checked: seven with the cause, spread over the types so that no type spikes ...
    const types = ['service', 'billing', 'product', 'communication', 'customer-service', 'other', 'billing'];
    const spikeIds: string[] = [];
    for (const [index, type] of types.entries()) spikeIds.push(await resolvedWithCause(`2026-11-2${3 + (index % 5)}T11:00:00.000Z`, type, 'courier-handling'));
    // ... and, that week, one with another cause and one not resolved yet: neither is in the alert.
    await resolvedWithCause('2026-11-24T12:00:00.000Z', 'service', 'late-dispatch');
    await received('2026-11-24T13:00:00.000Z', 'other', 'Unresolved');

    await timers.advanceTo(Date.parse(NOW) + FIRST_TREND_CHECK_MS + 1_000, settle);
    const alerts = (await t.call('notifications.list', {})).items.filter((item) => item.level === 'trend');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ title: 'Complaints spike — Root cause: Courier handling' });
    expect(alerts[0]?.body).toContain('7 received in the week from 23 Nov 2026, against 1 a week');
    expect([...(alerts[0]?.caseIds ?? [])].sort()).toEqual([...spikeIds].sort());
    expect((await t.call('cases.list', { filters: { caseIds: [...(alerts[0]?.caseIds ?? [])] }, limit: 100 })).total).toBe(7);
    expect(shown.filter((notification) => notification.level === 'trend')).toEqual([
      expect.objectContaining({ id: alerts[0]?.id, title: 'Complaints spike — Root cause: Courier handling' }),
    ]);

    // Once per person, week, dimension and value: neither another check nor a restart repeats it.
    expect(await trends().check()).toBe(0);
    await t.restart();
    expect(await t.services.trendAlerts!.check()).toBe(0);
    expect((await t.call('notifications.list', {})).items.filter((item) => item.level === 'trend')).toHaveLength(1);
    expect(shown.filter((notification) => notification.level === 'trend')).toHaveLength(1);
  });
});
