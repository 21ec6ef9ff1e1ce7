/**
 * The notifier's event timing without the domain: deadlines given directly, virtual time (injected
 * clock and timers), and a small SQLite database holding only the notification centre and the
 * ledger. Exact instants (the warning at warnAt, the breach at dueAt + 1 ms and not at dueAt, as
 * deadlineState has it), quiet hours on and off (P-4.3's working days, office hours of the
 * policy), who is told (P-7.1), once ever, and the timers it arms. deadline-notifier.test.ts runs
 * the same through the whole app; this one is what mutation testing runs (mutation-modules.json,
 * "notifier"), as it opens no domain database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRxDatabase, type RxDatabase } from 'rxdb';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY, type DeadlineKind, type SlaPolicy, type WorkingCalendar } from '../../shared/sla';
import { createWorkingCalendar } from '@shared/sla/public-holidays';
import type { ImprovementAction } from '../../shared/domain/improvement-actions';
import type { OpenCaseDeadlines } from '../domain/case-queries';
import type { Arrival } from '../domain/correspondence/correspondence-service';
import { getRxStorageSqlite } from '../storage/sqlite-storage';
import { deadlineEvents, eventKey, isForRecipient, type DeadlineEvent, type Recipient } from './deadline-events';
import { DeadlineNotifier, isOfficeHours, releaseInstant, worthTelling, type DesktopNotification, type NotifierPreferences } from './deadline-notifier';
import { FakeTimers, type VirtualClock } from './fake-timers';
import { addNotifierCollections, type NotifierCollections } from './notification-store';
import { MAX_TIMER_MS, type Timers } from './timers';

/** A clock that moves only when the test (or the fake timers) say so; imports nothing of the domain, so each run starts fast. */
class Clock implements VirtualClock {
  private current: number;
  constructor(start: string) {
    this.current = Date.parse(start);
  }
  now = (): Date => new Date(this.current);
  get millis(): number {
    return this.current;
  }
  set(instant: string | number): void {
    this.current = typeof instant === 'number' ? instant : Date.parse(instant);
  }
}

const calendar: WorkingCalendar = createWorkingCalendar(DEFAULT_CALENDAR);
const policy = DEFAULT_SLA_POLICY; // office 09:00–17:30, London

type OpenDeadline = OpenCaseDeadlines['deadlines'][number];
const deadline = (kind: DeadlineKind, warnAt: string, dueAt: string, metAt: string | null = null): OpenDeadline => ({
  kind,
  startsAt: '2026-11-23T10:00:00.000Z',
  dueAt,
  warnAt,
  provisional: false,
  extensionId: null,
  metAt,
  state: 'on-track',
});
const openAccess = { assigneeId: 'amira', departments: ['Pharmacy'], restricted: false, restrictedTo: [] as string[] };
const caseWith = (caseId: string, deadlines: OpenDeadline[], assigneeId = 'amira', access = { ...openAccess, assigneeId }): OpenCaseDeadlines => ({
  caseId,
  reference: `REF-${caseId}`,
  complainantName: `Name ${caseId}`,
  assigneeId,
  access,
  deadlines,
});

const amira: Recipient = { id: 'amira', viewer: { accountId: 'amira', name: 'Amira', roles: ['caseworker'], departments: [] } };
const bob: Recipient = { id: 'bob', viewer: { accountId: 'bob', name: 'Bob', roles: ['caseworker'], departments: [] } };
const mo: Recipient = { id: 'mo', viewer: { accountId: 'mo', name: 'Mo', roles: ['manager'], departments: [] } };
const ada: Recipient = { id: 'ada', viewer: { accountId: 'ada', name: 'Ada', roles: ['administrator'], departments: [] } };

describe('deadline events (pure)', () => {
  it('a deadline is warned of at its warning instant and breached 1 ms after it is due; a met one is not watched', () => {
    const item = caseWith('c1', [
      deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T10:00:00.000Z'),
      deadline('stage1Resolution', '2026-12-06T23:59:59.999Z', '2026-12-07T23:59:59.999Z', '2026-11-30T12:00:00.000Z'),
    ]);
    const base = {
      caseId: 'c1',
      reference: 'REF-c1',
      complainantName: 'Name c1',
      assigneeId: 'amira',
      access: item.access,
      deadline: 'acknowledgement',
      dueAt: '2026-11-25T10:00:00.000Z',
    };
    expect(deadlineEvents([item])).toEqual([
      { ...base, level: 'due-soon', at: Date.parse('2026-11-24T10:00:00.000Z') },
      { ...base, level: 'breached', at: Date.parse('2026-11-25T10:00:00.001Z') },
    ]);
  });

  it('a warning at (or after) the deadline itself is no warning: only the breach is told', () => {
    const item = caseWith('c1', [deadline('escalationAcknowledgement', '2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z')]);
    expect(deadlineEvents([item]).map((event) => [event.level, event.at])).toEqual([['breached', Date.parse('2026-11-25T10:00:00.001Z')]]);
    const warned = caseWith('c2', [deadline('escalationAcknowledgement', '2026-11-25T09:59:59.999Z', '2026-11-25T10:00:00.000Z')]);
    expect(deadlineEvents([warned]).map((event) => event.level)).toEqual(['due-soon', 'breached']);
  });

  it('every open case and every deadline is watched', () => {
    const events = deadlineEvents([
      caseWith('c1', [deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T10:00:00.000Z')]),
      caseWith('c2', [
        deadline('acknowledgement', '2026-11-24T11:00:00.000Z', '2026-11-25T11:00:00.000Z'),
        deadline('stage1Resolution', '2026-12-06T23:59:59.999Z', '2026-12-07T23:59:59.999Z'),
      ]),
    ]);
    expect(events.map((event) => `${event.caseId} ${event.deadline} ${event.level}`)).toEqual([
      'c1 acknowledgement due-soon',
      'c1 acknowledgement breached',
      'c2 acknowledgement due-soon',
      'c2 acknowledgement breached',
      'c2 stage1Resolution due-soon',
      'c2 stage1Resolution breached',
    ]);
  });

  it('the ledger key names the person, case, deadline, its due time and level (an extension is a new deadline)', () => {
    const event = { caseId: 'c1', deadline: 'stage1Resolution', dueAt: '2026-12-07T23:59:59.999Z', level: 'breached' } as const;
    expect(eventKey(event, 'amira')).toBe('amira|c1|stage1Resolution|2026-12-07T23:59:59.999Z|breached');
  });

  it('the assignee is told of everything, managers and administrators of breaches only, nobody of a case they may not open (P-7.1)', () => {
    const [dueSoon, breached] = deadlineEvents([caseWith('c1', [deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T10:00:00.000Z')])]) as [
      DeadlineEvent,
      DeadlineEvent,
    ];
    const told = (recipient: Recipient) => [isForRecipient(dueSoon, recipient), isForRecipient(breached, recipient)];
    expect(told(amira)).toEqual([true, true]);
    expect(told(bob)).toEqual([false, false]);
    expect(told(mo)).toEqual([false, true]);
    expect(told(ada)).toEqual([false, true]);
    // Restricted to Bob: neither its assignee nor a manager is told; Bob (not the assignee) only of nothing but his own.
    const restricted = { ...breached, access: { ...openAccess, restricted: true, restrictedTo: ['bob'] } };
    expect([isForRecipient(restricted, amira), isForRecipient(restricted, mo), isForRecipient({ ...restricted, assigneeId: 'bob' }, bob)]).toEqual([
      false,
      false,
      true,
    ]);
    // A caseworker of the department sees the case, but is told only as its assignee.
    const department: Recipient = { id: 'dora', viewer: { accountId: 'dora', name: 'Dora', roles: ['caseworker'], departments: ['Pharmacy'] } };
    expect(isForRecipient(breached, department)).toBe(false);
    // Any one of a person's roles counts: a caseworker who is also a manager is told of every breach.
    const both: Recipient = { id: 'kai', viewer: { accountId: 'kai', name: 'Kai', roles: ['caseworker', 'manager'], departments: [] } };
    expect(told(both)).toEqual([false, true]);
  });

  it('of what happened meanwhile, a breached deadline is told as a breach only; other deadlines keep their warning (issue 18)', () => {
    const events = deadlineEvents([
      caseWith('c1', [
        deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T10:00:00.000Z'),
        deadline('stage1Resolution', '2026-12-06T23:59:59.999Z', '2026-12-07T23:59:59.999Z'),
      ]),
      caseWith('c2', [deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T10:00:00.000Z')]),
    ]);
    const happened = events.filter(
      (event) =>
        !(event.caseId === 'c1' && event.deadline === 'stage1Resolution' && event.level === 'breached') &&
        !(event.caseId === 'c2' && event.level === 'breached'),
    );
    expect(worthTelling(happened).map((event) => `${event.caseId} ${event.deadline} ${event.level}`)).toEqual([
      'c1 acknowledgement breached',
      'c1 stage1Resolution due-soon',
      'c2 acknowledgement due-soon',
    ]);
    // The same deadline with another due time (an extension) keeps its own warning.
    const extended = { ...events[0]!, dueAt: '2026-12-01T10:00:00.000Z' };
    expect(worthTelling([extended, events[1]!]).map((event) => event.level)).toEqual(['due-soon', 'breached']);
  });
});

describe('office hours and quiet hours (pure)', () => {
  it('office hours run from opening to closing on a working day, opening included, closing excluded', () => {
    expect(isOfficeHours(calendar, policy, new Date('2026-11-23T08:59:59.999Z'))).toBe(false); // Monday, GMT
    expect(isOfficeHours(calendar, policy, new Date('2026-11-23T09:00:00.000Z'))).toBe(true);
    expect(isOfficeHours(calendar, policy, new Date('2026-11-23T17:29:59.999Z'))).toBe(true);
    expect(isOfficeHours(calendar, policy, new Date('2026-11-23T17:30:00.000Z'))).toBe(false);
    expect(isOfficeHours(calendar, policy, new Date('2026-11-28T12:00:00.000Z'))).toBe(false); // Saturday
    expect(isOfficeHours(calendar, policy, new Date('2026-12-25T12:00:00.000Z'))).toBe(false); // Christmas Day
  });

  it('with quiet hours held, a notification outside office hours waits for the next working morning; switched off, it goes at once', () => {
    const friday = new Date('2026-11-27T20:00:00.000Z');
    expect(releaseInstant(calendar, policy, friday, true).toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(releaseInstant(calendar, policy, friday, false)).toEqual(friday);
    const monday = new Date('2026-11-30T10:00:00.000Z');
    expect(releaseInstant(calendar, policy, monday, true)).toEqual(monday);
  });
});

interface Shown extends DesktopNotification {
  readonly at: string;
}

interface Harness {
  readonly clock: Clock;
  readonly timers: FakeTimers;
  readonly armed: number[];
  /** Handles of the timers it set and cleared (each set gets the next number, from 1). */
  readonly handles: { set: unknown[]; cleared: unknown[] };
  readonly shown: Shown[];
  readonly notifier: DeadlineNotifier;
  readonly store: NotifierCollections;
  readonly errors: unknown[];
  changes: number;
  /** When set, reading the open deadlines fails with it. */
  failure: Error | null;
  cases: OpenCaseDeadlines[];
  recipient: Recipient | null;
  preferences: NotifierPreferences;
  /** The office's policy (opening and closing times) the notifier reads. */
  policy: SlaPolicy;
  /** The PC's time zone the notifier's watchdog reads (injected: see time-zone.ts). */
  timeZone: string;
  /** When set, each new notification gets an id longer than the schema allows, so storing it fails. */
  invalidIds: boolean;
  advanceTo(instant: string | number): Promise<void>;
  inApp(): Promise<
    {
      level: string;
      title: string;
      createdAt: string;
      deliverAt: number;
      delivered: boolean;
      read: boolean;
      staffId: string;
      caseIds: string[];
      path: string;
      body: string;
    }[]
  >;
}

const databases: RxDatabase[] = [];
const directories: string[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) await db.close();
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

interface HarnessOptions {
  readonly cases?: OpenCaseDeadlines[];
  readonly recipient?: Recipient | null;
  readonly holdDuringQuietHours?: boolean;
  readonly language?: NotifierPreferences['language'];
  readonly arrivals?: (recipient: Recipient, since: Date) => Promise<Arrival[]>;
  readonly improvementActions?: () => Promise<readonly ImprovementAction[]>;
  /** false: no onChange and no onError (both are optional). */
  readonly callbacks?: boolean;
  /** Another notifier's store to share (two notifiers racing). */
  readonly store?: NotifierCollections;
}

let ids = 0;
async function harness(start: string, options: HarnessOptions = {}): Promise<Harness> {
  let store = options.store;
  if (!store) {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-notifier-'));
    directories.push(directory);
    // NORMAL: durability is the storage tests' subject, not this one's; fewer fsyncs keep mutation runs short.
    const storage = wrappedValidateAjvStorage({ storage: getRxStorageSqlite({ directory, synchronous: 'NORMAL' }) });
    const db = await createRxDatabase({ name: `plaint${++ids}`, storage, multiInstance: false });
    databases.push(db);
    store = await addNotifierCollections(db);
  }
  const notifierStore = store;
  const clock = new Clock(start);
  const timers = new FakeTimers(clock);
  const armed: number[] = [];
  // Records each delay the notifier asks for (the watchdog's minute and the debounce included).
  const handles = { set: [] as unknown[], cleared: [] as unknown[] };
  const recording: Timers = {
    set: (callback, ms) => {
      armed.push(ms);
      const handle = timers.set(callback, ms);
      handles.set.push(handle);
      return handle;
    },
    clear: (handle) => {
      handles.cleared.push(handle);
      timers.clear(handle);
    },
    monotonic: () => timers.monotonic(),
  };
  const shown: Shown[] = [];
  const errors: unknown[] = [];
  const h: Harness = {
    clock,
    timers,
    armed,
    handles,
    shown,
    store: notifierStore,
    errors,
    changes: 0,
    failure: null,
    cases: options.cases ?? [],
    recipient: options.recipient === undefined ? amira : options.recipient,
    preferences: { language: options.language ?? 'en-GB', holdDuringQuietHours: options.holdDuringQuietHours ?? true },
    policy,
    timeZone: 'Europe/London',
    invalidIds: false,
    notifier: undefined as unknown as DeadlineNotifier,
    advanceTo: (instant) => timers.advanceTo(instant, () => h.notifier.idle()),
    inApp: async () =>
      (await notifierStore.deviceNotifications.find({ sort: [{ createdAt: 'desc' }, { id: 'asc' }] }).exec()).map((doc) => doc.toJSON() as never),
  };
  (h as { notifier: DeadlineNotifier }).notifier = new DeadlineNotifier({
    clock,
    timers: recording,
    timeZone: () => h.timeZone,
    sink: { show: (notification) => shown.push({ ...notification, at: new Date(clock.millis).toISOString() }) },
    store: notifierStore,
    openDeadlines: () => (h.failure ? Promise.reject(h.failure) : Promise.resolve(h.cases)),
    recipient: () => Promise.resolve(h.recipient),
    preferences: () => Promise.resolve(h.preferences),
    calendar: () => Promise.resolve(calendar),
    policy: () => Promise.resolve(h.policy),
    // Ids that sort in reverse of creation: the order notifications are shown in is the notifier's own, not the store's.
    newId: () => (h.invalidIds ? 'n'.repeat(65) : `n${String(999_999 - ++ids).padStart(6, '0')}`),
    ...(options.arrivals ? { arrivals: options.arrivals } : {}),
    ...(options.improvementActions ? { improvementActions: options.improvementActions } : {}),
    ...(options.callbacks === false ? {} : { onChange: () => (h.changes += 1), onError: (error: unknown) => errors.push(error) }),
  });
  return h;
}

/** P-3.2's acknowledgement deadline of a case received Monday 23 November 2026 10:00: 48 h, warned 24 h before. */
const acknowledgementCase = (caseId = 'c1', assigneeId = 'amira') =>
  caseWith(caseId, [deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T10:00:00.000Z')], assigneeId);

/** A deadline already breached at 09:00 on 25 November (warned the day before): told at once by any recompute after. */
const pastBreach = (caseId: string) => caseWith(caseId, [deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T09:00:00.000Z')]);

describe('the notifier at exact instants', () => {
  it('warns at warnAt, not 1 ms before; reports the breach at dueAt + 1 ms, not at dueAt', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    expect(h.notifier.nextWakeAt).toBe(Date.parse('2026-11-24T10:00:00.000Z'));
    expect(h.notifier.lastEventCount).toBe(2);

    await h.advanceTo('2026-11-24T09:59:59.999Z');
    expect(h.shown).toEqual([]);
    await h.advanceTo('2026-11-24T10:00:00.000Z');
    expect(h.shown).toEqual([
      {
        id: expect.any(String) as string,
        title: 'Deadline due soon: REF-c1',
        body: 'Acknowledgement for Name c1',
        path: '/case/c1',
        level: 'due-soon',
        at: '2026-11-24T10:00:00.000Z',
      },
    ]);
    expect(h.notifier.nextWakeAt).toBe(Date.parse('2026-11-25T10:00:00.001Z'));

    await h.advanceTo('2026-11-25T10:00:00.000Z'); // due at exactly this instant: not breached yet
    expect(h.shown).toHaveLength(1);
    await h.advanceTo('2026-11-25T10:00:00.001Z');
    expect(h.shown[1]).toMatchObject({ level: 'breached', title: 'Deadline breached: REF-c1', at: '2026-11-25T10:00:00.001Z' });
    expect(h.notifier.nextWakeAt).toBeNull();

    const items = await h.inApp();
    expect(items.map((item) => [item.level, item.createdAt, item.delivered, item.read, item.staffId, item.caseIds])).toEqual([
      ['breached', '2026-11-25T10:00:00.001Z', true, false, 'amira', ['c1']],
      ['due-soon', '2026-11-24T10:00:00.000Z', true, false, 'amira', ['c1']],
    ]);
    const ledger = await h.store.notificationLedger.find().exec();
    expect(ledger.map((entry) => [entry.key, entry.notifiedAt]).sort()).toEqual([
      ['amira|c1|acknowledgement|2026-11-25T10:00:00.000Z|breached', '2026-11-25T10:00:00.001Z'],
      ['amira|c1|acknowledgement|2026-11-25T10:00:00.000Z|due-soon', '2026-11-24T10:00:00.000Z'],
    ]);
    expect(h.errors).toEqual([]);
  });

  it('is told once ever: recomputing, or starting again, repeats nothing', async () => {
    const h = await harness('2026-11-25T12:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    expect(h.shown.map((item) => item.level)).toEqual(['breached']); // slept through the warning: a breach only
    await h.notifier.recompute();
    await h.notifier.resumed();
    h.notifier.stop();
    await h.notifier.start();
    expect(h.shown).toHaveLength(1);
    expect(await h.inApp()).toHaveLength(1);
    // Both events are settled in the ledger, the untold warning too.
    expect(await h.store.notificationLedger.count().exec()).toBe(2);
  });

  it('tells in the chosen language', async () => {
    const h = await harness('2026-11-25T12:00:00.000Z', { cases: [acknowledgementCase()], language: 'lv' });
    await h.notifier.start();
    expect(h.shown.map((item) => [item.title, item.body])).toEqual([['Termiņš kavēts: REF-c1', 'Saņemšanas apstiprinājums — Name c1']]);
  });

  it('tells nobody else: a caseworker not assigned hears nothing; a manager hears the breach only', async () => {
    const bobs = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()], recipient: bob });
    await bobs.notifier.start();
    expect(bobs.notifier.nextWakeAt).toBeNull();
    expect(bobs.notifier.lastEventCount).toBe(0);
    await bobs.advanceTo('2026-11-26T10:00:00.000Z');
    expect(bobs.shown).toEqual([]);

    const mos = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()], recipient: mo });
    await mos.notifier.start();
    expect(mos.notifier.nextWakeAt).toBe(Date.parse('2026-11-25T10:00:00.001Z'));
    await mos.advanceTo('2026-11-26T10:00:00.000Z');
    expect(mos.shown.map((item) => item.level)).toEqual(['breached']);
  });

  it('with nobody signed in it tells nothing and arms nothing', async () => {
    const asked: string[] = [];
    const h = await harness('2026-11-23T10:00:00.000Z', {
      cases: [acknowledgementCase()],
      recipient: null,
      arrivals: () => {
        asked.push('arrivals');
        return Promise.resolve([]);
      },
      improvementActions: () => {
        asked.push('improvement actions');
        return Promise.resolve([]);
      },
    });
    await h.notifier.start();
    expect(h.notifier.nextWakeAt).toBeNull();
    expect(h.notifier.lastEventCount).toBe(0);
    await h.advanceTo('2026-11-26T10:00:00.000Z');
    expect(h.shown).toEqual([]);
    expect(await h.inApp()).toEqual([]);
    // Nothing asked about anybody, no wake-up armed (only the watchdog's minute, re-armed each minute), nothing failed.
    expect(asked).toEqual([]);
    expect(new Set(h.armed)).toEqual(new Set([60_000]));
    expect(h.errors).toEqual([]);
  });

  it('signing out disarms the wake-up; signing in again catches up (P-7.1: only the person signed in is told)', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    expect([h.notifier.nextWakeAt, h.notifier.lastEventCount]).toEqual([Date.parse('2026-11-24T10:00:00.000Z'), 2]);
    h.recipient = null;
    await h.notifier.recompute();
    expect([h.notifier.nextWakeAt, h.notifier.lastEventCount]).toEqual([null, 0]);
    await h.advanceTo('2026-11-26T10:00:00.000Z');
    expect(h.shown).toEqual([]);
    h.recipient = amira;
    await h.notifier.recompute();
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([['breached', '2026-11-26T10:00:00.000Z']]);
    expect(h.errors).toEqual([]);
  });

  it('a burst of more than three becomes one summary per level, leading to the view', async () => {
    const cases = ['c1', 'c2', 'c3', 'c4'].map((id) => acknowledgementCase(id));
    const h = await harness('2026-11-23T10:00:00.000Z', { cases });
    await h.notifier.start();
    await h.advanceTo('2026-11-24T10:00:00.000Z');
    expect(h.shown.map((item) => [item.title, item.body, item.path])).toEqual([
      ['4 deadlines due soon', 'Including REF-c1, REF-c2, REF-c3', '/cases/view/due-soon'],
    ]);
    expect((await h.inApp())[0]?.caseIds).toEqual(['c1', 'c2', 'c3', 'c4']);
  });
});

describe('quiet hours (P-4.3 working days, the policy office hours)', () => {
  /** Received Friday 27 November 19:00: warned Saturday 19:00, due Sunday 19:00. */
  const weekendCase = () => caseWith('c1', [deadline('acknowledgement', '2026-11-28T19:00:00.000Z', '2026-11-29T19:00:00.000Z')]);

  it('held: the centre has each at once, the desktop waits for Monday 09:00 and shows both then', async () => {
    const h = await harness('2026-11-27T20:00:00.000Z', { cases: [weekendCase()] });
    await h.notifier.start();
    await h.advanceTo('2026-11-28T19:00:00.000Z');
    expect((await h.inApp()).map((item) => [item.level, item.createdAt, item.deliverAt, item.delivered])).toEqual([
      ['due-soon', '2026-11-28T19:00:00.000Z', Date.parse('2026-11-30T09:00:00.000Z'), false],
    ]);
    expect(h.shown).toEqual([]);
    await h.advanceTo('2026-11-29T19:00:00.001Z');
    expect(h.notifier.nextWakeAt).toBe(Date.parse('2026-11-30T09:00:00.000Z'));
    await h.advanceTo('2026-11-30T08:59:59.999Z');
    expect(h.shown).toEqual([]);
    await h.advanceTo('2026-11-30T09:00:00.000Z');
    // In the order they happened.
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([
      ['due-soon', '2026-11-30T09:00:00.000Z'],
      ['breached', '2026-11-30T09:00:00.000Z'],
    ]);
    expect((await h.inApp()).every((item) => item.delivered)).toBe(true);
  });

  it('switched off: the desktop is told at the very instant, on a Saturday evening too', async () => {
    const h = await harness('2026-11-27T20:00:00.000Z', { cases: [weekendCase()], holdDuringQuietHours: false });
    await h.notifier.start();
    await h.advanceTo('2026-11-28T19:00:00.000Z');
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([['due-soon', '2026-11-28T19:00:00.000Z']]);
    await h.advanceTo('2026-11-29T19:00:00.000Z');
    expect(h.shown).toHaveLength(1);
    await h.advanceTo('2026-11-29T19:00:00.001Z');
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([
      ['due-soon', '2026-11-28T19:00:00.000Z'],
      ['breached', '2026-11-29T19:00:00.001Z'],
    ]);
  });

  it("the desktop shows a person's notifications only while they are signed in (P-7.1): signed out or another person, what is held for Amira waits for her", async () => {
    const h = await harness('2026-11-27T20:00:00.000Z', { cases: [weekendCase()] });
    await h.notifier.start();
    await h.advanceTo('2026-11-28T19:00:00.000Z'); // the warning, held for Monday 09:00
    h.recipient = null; // Amira signs out for the weekend
    await h.notifier.recompute();
    await h.advanceTo('2026-11-30T09:30:00.000Z');
    expect(h.shown).toEqual([]);
    h.recipient = bob; // Bob, who may not even open the case, signs in on the same PC
    await h.notifier.recompute();
    await h.advanceTo('2026-11-30T10:00:00.000Z');
    expect(h.shown).toEqual([]);
    h.recipient = amira;
    await h.notifier.recompute();
    // Her warning, then the breach caught up now, in the order they were told.
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([
      ['due-soon', '2026-11-30T10:00:00.000Z'],
      ['breached', '2026-11-30T10:00:00.000Z'],
    ]);
  });

  it("a held notification's record follows a change of office hours; a recompute that moves nothing rewrites nothing", async () => {
    const h = await harness('2026-11-27T20:00:00.000Z', { cases: [weekendCase()] });
    await h.notifier.start();
    await h.advanceTo('2026-11-28T19:00:00.000Z');
    const held = async () => (await h.store.deviceNotifications.findOne().exec())!;
    const revision = (await held()).revision;
    const changes = h.changes;
    await h.notifier.recompute();
    expect([(await held()).revision, h.changes]).toEqual([revision, changes]);
    // The office opens at 10:00 from now on: the warning waits for Monday 10:00, and its record says so.
    h.policy = { ...policy, officeOpensAt: '10:00' };
    await h.notifier.recompute();
    expect((await held()).deliverAt).toBe(Date.parse('2026-11-30T10:00:00.000Z'));
    await h.advanceTo('2026-11-30T09:59:59.999Z');
    expect(h.shown).toEqual([]);
    await h.advanceTo('2026-11-30T10:00:00.000Z');
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([
      ['due-soon', '2026-11-30T10:00:00.000Z'],
      ['breached', '2026-11-30T10:00:00.000Z'],
    ]);
  });

  it('switching quiet hours off releases what was held at the next recompute', async () => {
    const h = await harness('2026-11-27T20:00:00.000Z', { cases: [weekendCase()] });
    await h.notifier.start();
    await h.advanceTo('2026-11-28T19:00:00.000Z');
    expect(h.shown).toEqual([]);
    h.preferences = { ...h.preferences, holdDuringQuietHours: false };
    const changesBefore = h.changes;
    await h.notifier.recompute();
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([['due-soon', '2026-11-28T19:00:00.000Z']]);
    expect((await h.inApp())[0]).toMatchObject({ deliverAt: Date.parse('2026-11-28T19:00:00.000Z'), delivered: true });
    expect(h.changes).toBe(changesBefore + 1);
  });
});

describe('timers', () => {
  it('never waits longer than an hour at a time, and wakes at the exact instant', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    // The watchdog's minute, then the wake-up capped at an hour.
    expect(h.armed).toEqual([60_000, MAX_TIMER_MS]);
    expect(MAX_TIMER_MS).toBe(3_600_000);
    // A deadline warned of in ten minutes: the wake-up is set for exactly then.
    h.cases = [caseWith('c2', [deadline('acknowledgement', '2026-11-23T10:10:00.000Z', '2026-11-23T12:00:00.000Z')])];
    await h.notifier.recompute();
    expect(h.armed.at(-1)).toBe(600_000);
    expect(h.notifier.nextWakeAt).toBe(Date.parse('2026-11-23T10:10:00.000Z'));
    await h.advanceTo('2026-11-23T10:09:59.999Z');
    expect(h.shown).toEqual([]);
    await h.advanceTo('2026-11-23T10:10:00.000Z');
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([['due-soon', '2026-11-23T10:10:00.000Z']]);
  });

  it('bursts of changes coalesce into one recompute, 400 ms after the first', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z');
    await h.notifier.start();
    expect(h.notifier.nextWakeAt).toBeNull();
    h.cases = [acknowledgementCase()];
    h.notifier.requestRecompute();
    h.notifier.requestRecompute();
    expect(h.armed.filter((ms) => ms === 400)).toHaveLength(1);
    await h.advanceTo(Date.parse('2026-11-23T10:00:00.399Z'));
    expect(h.notifier.nextWakeAt).toBeNull();
    await h.advanceTo(Date.parse('2026-11-23T10:00:00.400Z'));
    expect(h.notifier.nextWakeAt).toBe(Date.parse('2026-11-24T10:00:00.000Z'));
    // After it ran, a new change arms a new one.
    h.notifier.requestRecompute();
    expect(h.armed.filter((ms) => ms === 400)).toHaveLength(2);
  });

  it('once stopped, nothing fires and changes are ignored', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    h.notifier.stop();
    const armed = h.armed.length;
    h.notifier.requestRecompute();
    await h.notifier.recompute();
    expect(h.armed).toHaveLength(armed);
    await h.advanceTo('2026-11-26T10:00:00.000Z');
    expect(h.shown).toEqual([]);
    expect(await h.inApp()).toEqual([]);
  });

  it('the watchdog catches a wall clock moved by more than 30 s, and ignores 30 s of drift', async () => {
    // A breach already past appears without any change being announced (as after a clock change).
    const drift = await harness('2026-11-25T10:00:00.000Z');
    await drift.notifier.start();
    drift.cases = [caseWith('c1', [deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T09:00:00.000Z')])];
    drift.timers.sleepUntil('2026-11-25T10:00:30.000Z'); // the wall clock 30 s ahead of elapsed time
    await drift.advanceTo('2026-11-25T10:01:30.000Z'); // the watchdog's minute
    expect(drift.shown).toEqual([]);

    const jump = await harness('2026-11-25T10:00:00.000Z');
    await jump.notifier.start();
    jump.cases = drift.cases;
    jump.timers.sleepUntil('2026-11-25T10:00:30.001Z');
    await jump.advanceTo('2026-11-25T10:01:30.001Z');
    expect(jump.shown.map((item) => item.level)).toEqual(['breached']);
    // It keeps watching: the next jump is caught too, a minute later.
    jump.cases = [...jump.cases, caseWith('c2', [deadline('acknowledgement', '2026-11-24T10:00:00.000Z', '2026-11-25T09:00:00.000Z')])];
    jump.timers.sleepUntil('2026-11-25T10:05:00.000Z');
    await jump.advanceTo('2026-11-25T10:06:00.000Z');
    expect(jump.shown.map((item) => item.level)).toEqual(['breached', 'breached']);
  });

  it('the watchdog recomputes only when the clock jumped: steady minutes, and the minutes after a jump or a resume already caught up, stay quiet', async () => {
    const h = await harness('2026-11-25T10:00:00.000Z');
    await h.notifier.start();
    // Each is a breach already past that nobody announced: it is told only if something recomputes.
    h.cases = [pastBreach('c1')];
    await h.advanceTo('2026-11-25T10:05:00.000Z'); // five steady minutes
    expect(h.shown).toEqual([]);
    h.timers.sleepUntil('2026-11-25T10:10:00.000Z');
    await h.advanceTo('2026-11-25T10:11:00.000Z'); // the jump is caught at the next watchdog minute
    expect(h.shown.map((item) => item.path)).toEqual(['/case/c1']);
    h.cases = [...h.cases, pastBreach('c2')];
    await h.advanceTo('2026-11-25T10:15:00.000Z'); // steady again: the jump was noted
    expect(h.shown).toHaveLength(1);
    h.timers.sleepUntil('2026-11-25T12:00:00.000Z');
    await h.notifier.resumed(); // the resume catches up (c2) and notes the times
    expect(h.shown.map((item) => item.path)).toEqual(['/case/c1', '/case/c2']);
    h.cases = [...h.cases, pastBreach('c3')];
    await h.advanceTo('2026-11-25T12:05:00.000Z'); // the sleep is not taken for a clock change again
    expect(h.shown).toHaveLength(2);
    expect(h.errors).toEqual([]);
  });

  it('the watchdog notices a change of the PC time zone, the wall clock unmoved, and then keeps quiet', async () => {
    // The zone is injected: under Stryker the tests run in a worker thread, where setting process.env.TZ does not reach Intl (time-zone.ts).
    const h = await harness('2026-11-25T10:00:00.000Z');
    await h.notifier.start();
    h.cases = [pastBreach('c1')];
    await h.advanceTo('2026-11-25T10:01:00.000Z');
    expect(h.shown).toEqual([]);
    h.timeZone = 'Europe/Riga';
    await h.advanceTo('2026-11-25T10:02:00.000Z');
    expect(h.shown.map((item) => [item.path, item.at])).toEqual([['/case/c1', '2026-11-25T10:02:00.000Z']]);
    h.cases = [...h.cases, pastBreach('c2')];
    await h.advanceTo('2026-11-25T10:05:00.000Z'); // the new zone was noted
    expect(h.shown).toHaveLength(1);
  });

  it('started twice and then stopped, nothing keeps running', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    await h.notifier.start();
    h.notifier.stop();
    const armed = h.armed.length;
    await h.advanceTo('2026-11-26T10:00:00.000Z');
    expect(h.armed).toHaveLength(armed);
    expect(h.shown).toEqual([]);
  });

  it('resumed() catches up at once what happened while asleep', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    h.timers.sleepUntil('2026-11-26T11:00:00.000Z');
    await h.notifier.resumed();
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([['breached', '2026-11-26T11:00:00.000Z']]);
  });

  it('a failed recompute is reported, and the next one still runs', async () => {
    const h = await harness('2026-11-25T12:00:00.000Z', { cases: [acknowledgementCase()] });
    const failure = new Error('database closed');
    h.failure = failure;
    await h.notifier.start();
    expect(h.errors).toEqual([failure]);
    expect(h.shown).toEqual([]);
    h.failure = null;
    await h.notifier.recompute();
    expect(h.shown.map((item) => item.level)).toEqual(['breached']);
  });
});

/** A letter logged on case `caseId` at 11:00 on 25 November. */
const arrivalOn = (caseId: string, entryId: string, closedCase = false): Arrival => ({
  entryId,
  caseId,
  reference: `REF-${caseId}`,
  complainantName: `Name ${caseId}`,
  closedCase,
  recordedAt: '2026-11-25T11:00:00.000Z',
});

/** Amira's improvement action (P-5.3), planned by Mo. */
const improvementAction = (id: string, title: string, dueOn: string): ImprovementAction => ({
  id,
  title,
  ownerId: 'amira',
  ownerName: 'Amira',
  dueOn,
  status: 'planned',
  completedOn: null,
  rootCauseIds: [],
  lessonsLearned: '',
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: { id: 'mo', name: 'Mo' },
  updatedAt: '2026-11-01T10:00:00.000Z',
  updatedBy: { id: 'mo', name: 'Mo' },
});

describe('correspondence and improvement actions through the same ledger', () => {
  it('new post from the last two weeks is told once, at once', async () => {
    const asked: string[] = [];
    const h = await harness('2026-11-25T12:00:00.000Z', {
      arrivals: (recipient, since) => {
        asked.push(`${recipient.id} ${since.toISOString()}`);
        return Promise.resolve([arrivalOn('c9', 'e1')]);
      },
    });
    await h.notifier.start();
    await h.notifier.recompute();
    expect(asked).toEqual(['amira 2026-11-11T12:00:00.000Z', 'amira 2026-11-11T12:00:00.000Z']);
    const items = await h.inApp();
    expect(items.map((item) => [item.level, item.caseIds, item.read])).toEqual([['new-post', ['c9'], false]]);
    expect(h.shown.map((item) => item.level)).toEqual(['new-post']);
  });

  it('post logged after earlier post was told is told too, and the earlier post not again', async () => {
    let arrivals = [arrivalOn('c9', 'e1')];
    const h = await harness('2026-11-25T12:00:00.000Z', { arrivals: () => Promise.resolve(arrivals) });
    await h.notifier.start();
    arrivals = [...arrivals, arrivalOn('c10', 'e2')];
    await h.notifier.recompute();
    expect(h.shown.map((item) => [item.level, item.path])).toEqual([
      ['new-post', '/case/c9'],
      ['new-post', '/case/c10'],
    ]);
    expect((await h.inApp()).map((item) => item.caseIds).sort()).toEqual([['c10'], ['c9']]);
    expect(h.errors).toEqual([]);
  });

  it("the owner's improvement action due soon is told once, kept as read, and the notifier wakes when it becomes overdue (P-5.3)", async () => {
    const action = improvementAction('ia1', 'Retrain couriers', '2026-11-27');
    const h = await harness('2026-11-25T12:00:00.000Z', { improvementActions: () => Promise.resolve([action]) });
    await h.notifier.start();
    await h.notifier.recompute();
    const items = await h.inApp();
    expect(items.map((item) => [item.level, item.title, item.read, item.path, item.caseIds])).toEqual([
      ['improvement', 'Improvement action due soon: Retrain couriers', true, '/improvements', []],
    ]);
    expect(h.shown.map((item) => item.level)).toEqual(['improvement']);
    // Overdue from the office midnight after its due day (GMT in November).
    expect(h.notifier.nextWakeAt).toBe(Date.parse('2026-11-28T00:00:00.000Z'));
  });

  it('an improvement action due soon after another was told is told too; a recompute with nothing new changes nothing (P-5.3)', async () => {
    let actions = [improvementAction('ia1', 'Retrain couriers', '2026-11-27')];
    const h = await harness('2026-11-25T12:00:00.000Z', { improvementActions: () => Promise.resolve(actions) });
    await h.notifier.start();
    actions = [...actions, improvementAction('ia2', 'Reword the form', '2026-11-26')];
    await h.notifier.recompute();
    expect(h.shown.map((item) => item.title)).toEqual(['Improvement action due soon: Retrain couriers', 'Improvement action due soon: Reword the form']);
    const changes = h.changes;
    await h.notifier.recompute();
    expect([h.shown.length, h.changes]).toEqual([2, changes]);
    expect(h.errors).toEqual([]);
  });
});

describe('lifecycle and the change count', () => {
  it('started again after a stop, it tells what is new', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    h.notifier.stop();
    await h.advanceTo('2026-11-24T12:00:00.000Z');
    expect(h.shown).toEqual([]);
    await h.notifier.start();
    expect(h.shown.map((item) => [item.level, item.at])).toEqual([['due-soon', '2026-11-24T12:00:00.000Z']]);
    await h.advanceTo('2026-11-25T10:00:00.001Z');
    expect(h.shown.map((item) => item.level)).toEqual(['due-soon', 'breached']);
  });

  it('stopping clears every timer it set; re-arming clears the one before', async () => {
    const h = await harness('2026-11-23T10:00:00.000Z', { cases: [acknowledgementCase()] });
    await h.notifier.start();
    const [watchdog, wake] = h.handles.set;
    await h.notifier.recompute();
    expect(h.handles.cleared).toEqual([wake]);
    h.notifier.requestRecompute();
    const [, , rewake, debounce] = h.handles.set;
    h.notifier.stop();
    expect([...h.handles.cleared].sort()).toEqual([wake, watchdog, rewake, debounce].sort());
    // Stopping twice clears nothing more.
    h.notifier.stop();
    expect(h.handles.cleared).toHaveLength(4);
  });

  it('tells the app of a change only when the centre changed', async () => {
    const h = await harness('2026-11-25T12:00:00.000Z', {
      cases: [acknowledgementCase()],
      arrivals: () => Promise.resolve([arrivalOn('c9', 'e1', true)]),
      improvementActions: () => Promise.resolve([]),
    });
    await h.notifier.start();
    // The breach and the post: stored (1 each), then both shown (1).
    expect(h.changes).toBe(3);
    await h.notifier.recompute();
    await h.notifier.resumed();
    expect(h.changes).toBe(3);
    expect((await h.inApp()).map((item) => item.level).sort()).toEqual(['breached', 'closed-case-post']);
  });

  it('without the optional callbacks it still works, and a failure does not break the queue', async () => {
    const h = await harness('2026-11-25T12:00:00.000Z', { cases: [acknowledgementCase()], callbacks: false });
    h.failure = new Error('database closed');
    await expect(h.notifier.start()).resolves.toBeUndefined();
    h.failure = null;
    await h.notifier.recompute();
    expect(h.shown.map((item) => item.level)).toEqual(['breached']);
  });

  it('without onChange, a notification shown still re-arms the wake-up', async () => {
    const h = await harness('2026-11-24T12:00:00.000Z', { cases: [acknowledgementCase()], callbacks: false });
    await h.notifier.start();
    expect(h.shown.map((item) => item.level)).toEqual(['due-soon']);
    expect(h.notifier.nextWakeAt).toBe(Date.parse('2026-11-25T10:00:00.001Z'));
  });

  it('a notification that cannot be stored is reported, records nothing, and is told at the next recompute', async () => {
    const h = await harness('2026-11-25T12:00:00.000Z', { cases: [acknowledgementCase()] });
    h.invalidIds = true;
    await h.notifier.start();
    expect(h.errors).toHaveLength(1);
    expect(String(h.errors[0])).toMatch(/deviceNotifications document does not match its schema/);
    expect([h.shown, await h.inApp(), await h.store.notificationLedger.count().exec(), h.changes]).toEqual([[], [], 0, 0]);
    h.invalidIds = false;
    await h.notifier.recompute();
    expect(h.shown.map((item) => item.level)).toEqual(['breached']);
    expect(h.errors).toHaveLength(1);
  });

  it('two notifiers on one centre tell each event once between them', async () => {
    const first = await harness('2026-11-25T12:00:00.000Z', { cases: [acknowledgementCase()] });
    const second = await harness('2026-11-25T12:00:00.000Z', { cases: [acknowledgementCase()], store: first.store });
    await Promise.all([first.notifier.recompute(), second.notifier.recompute()]);
    expect([...first.errors, ...second.errors]).toEqual([]);
    expect((await first.inApp()).map((item) => item.level)).toEqual(['breached']);
    expect(await first.store.notificationLedger.count().exec()).toBe(2);
  });
});
