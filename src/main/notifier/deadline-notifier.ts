/**
 * The deadline notifier: makes sure nobody misses a deadline, even with the window closed.
 *
 * It schedules one timer for the next event (never polling), and recomputes when cases or
 * settings change, after the system resumes from sleep, and when the wall clock or time zone
 * changes. Events missed while the app was closed or asleep are caught up once. Each
 * (person, case, deadline, level) is announced once ever (the ledger is persisted). Outside
 * office hours desktop notifications wait for the next working morning; the in-app centre
 * updates at once. Plain Node: Electron's Notification, Tray and powerMonitor are adapters.
 * Besides deadlines it tells new correspondence (issue 18) and, P-5.3, the recipient's own
 * improvement actions when due soon or overdue (improvement-notices.ts), through the same ledger.
 */
import { ChangeSet, isWriteConflict } from '../database/change-set';
import { isWorkingDay, nextWorkingMorning, officeDay, officeInstant, type SlaPolicy, type WorkingCalendar } from '../../shared/sla';
import type { Clock } from '../domain/clock';
import type { OpenCaseDeadlines } from '../domain/case-queries';
import { deadlineEvents, eventKey, isForRecipient, type DeadlineEvent, type Recipient } from './deadline-events';
import type { NotifierCollections, StoredNotification, StoredNotificationLevel } from './notification-store';
import { draftNotifications, type NotificationDraft, type NotificationLanguage } from './notification-text';
import { arrivalKey, draftArrivalNotifications } from './arrival-text';
import type { Arrival } from '../domain/correspondence/correspondence-service';
import { MAX_TIMER_MS, type Timers } from './timers';
import type { ImprovementAction } from '../../shared/domain/improvement-actions';
import { IMPROVEMENTS_PATH, improvementNoticeKey, improvementNotices, improvementNoticeText } from './improvement-notices';

/** What is stored for the centre and the desktop: a deadline or post draft, or another level's. */
type StoredDraft = Omit<NotificationDraft, 'level'> & { readonly level: StoredNotificationLevel };

export interface DesktopNotification {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly path: string;
  readonly level: StoredNotification['level'];
}

export interface NotificationSink {
  show(notification: DesktopNotification): void;
}

export interface NotifierPreferences {
  readonly language: NotificationLanguage;
  /** Hold desktop notifications outside office hours until the next working morning. */
  readonly holdDuringQuietHours: boolean;
}

export interface NotifierDependencies {
  readonly clock: Clock;
  readonly timers: Timers;
  /** The PC's time zone now (time-zone.ts: systemTimeZone); the watchdog recomputes when it changes. */
  readonly timeZone: () => string;
  readonly sink: NotificationSink;
  readonly store: NotifierCollections;
  readonly openDeadlines: (now: Date) => Promise<OpenCaseDeadlines[]>;
  readonly recipient: () => Promise<Recipient | null>;
  readonly preferences: () => Promise<NotifierPreferences>;
  readonly calendar: () => Promise<WorkingCalendar>;
  readonly policy: () => Promise<SlaPolicy>;
  readonly newId: () => string;
  /** Issue 18: new correspondence on the recipient's cases since `since` (told once each, at once). */
  readonly arrivals?: (recipient: Recipient, since: Date) => Promise<Arrival[]>;
  /** P-5.3: the team's improvement actions (each owner is told of their own due and overdue ones). */
  readonly improvementActions?: () => Promise<readonly ImprovementAction[]>;
  /** Called after the notification centre changed (new, delivered or read notifications). */
  readonly onChange?: () => void;
  readonly onError?: (error: unknown) => void;
}

const RECOMPUTE_DEBOUNCE_MS = 400;
/** Correspondence is told if it arrived in the last two weeks (older post is not news on a first start). */
const ARRIVALS_TOLD_FOR_MS = 14 * 86_400_000;
const WATCHDOG_MS = 60_000;
/** A wall clock that moved this much more (or less) than elapsed time was changed, or slept. */
const CLOCK_JUMP_MS = 30_000;

/** Office hours on a working day of the office's calendar (its working week, holidays, closures and extra working days). */
export function isOfficeHours(calendar: WorkingCalendar, policy: SlaPolicy, now: Date): boolean {
  if (!isWorkingDay(calendar, now)) return false;
  const day = officeDay(calendar, now);
  return now >= officeInstant(calendar, day, policy.officeOpensAt) && now < officeInstant(calendar, day, policy.officeClosesAt);
}

/** When a desktop notification created at `createdAt` may be shown: at once in office hours, else the next working morning. */
export function releaseInstant(calendar: WorkingCalendar, policy: SlaPolicy, createdAt: Date, holdDuringQuietHours: boolean): Date {
  return !holdDuringQuietHours || isOfficeHours(calendar, policy, createdAt) ? createdAt : nextWorkingMorning(calendar, createdAt, policy.officeOpensAt);
}

export class DeadlineNotifier {
  private timer: unknown = null;
  private watchdog: unknown = null;
  private debounce: unknown = null;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  private lastWall = 0;
  private lastMonotonic = 0;
  private lastTimeZone: string | null = null;
  /** The instant the armed timer is for (for tests and diagnostics). */
  nextWakeAt: number | null = null;
  /** Events known from the last recompute (for the tray's counts and diagnostics). */
  lastEventCount = 0;

  constructor(private readonly deps: NotifierDependencies) {}

  /** Starts, catching up once on anything missed while the app was closed. */
  async start(): Promise<void> {
    this.stopped = false;
    this.noteTimes();
    this.armWatchdog();
    await this.recompute();
  }

  stop(): void {
    this.stopped = true;
    for (const handle of [this.timer, this.watchdog, this.debounce]) if (handle !== null) this.deps.timers.clear(handle);
    this.timer = this.watchdog = this.debounce = null;
  }

  /** Cases or settings changed: recompute soon (bursts coalesce). */
  requestRecompute(): void {
    if (this.stopped || this.debounce !== null) return;
    this.debounce = this.deps.timers.set(() => {
      this.debounce = null;
      void this.recompute();
    }, RECOMPUTE_DEBOUNCE_MS);
  }

  /** The system resumed from sleep (or the clock changed): catch up now. */
  resumed(): Promise<void> {
    this.noteTimes();
    return this.recompute();
  }

  /** Resolves when no recomputation is running (tests, orderly shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Runs one recomputation at a time; a failure is reported and the next one still runs. */
  recompute(): Promise<void> {
    const run = this.queue.then(() => (this.stopped ? undefined : this.recomputeNow()));
    this.queue = run.catch((error: unknown) => this.deps.onError?.(error));
    return this.queue;
  }

  private async recomputeNow(): Promise<void> {
    const now = this.deps.clock.now();
    const recipient = await this.deps.recipient();
    if (!recipient) {
      // Signed out: nobody is told, and the desktop shows nothing (a notification names a case and
      // its complainant, P-7.1) until someone signs in, which recomputes.
      this.lastEventCount = 0;
      this.arm(Infinity, now.getTime());
      return;
    }
    const events = deadlineEvents(await this.deps.openDeadlines(now)).filter((event) => isForRecipient(event, recipient));
    this.lastEventCount = events.length;
    const keyOf = (event: DeadlineEvent) => eventKey(event, recipient.id);
    const happened = events.filter((event) => event.at <= now.getTime());
    // For no ids RxDB's findByIds asks the storage nothing: the ledger lookups here need no length check.
    const known = await this.deps.store.notificationLedger.findByIds(happened.map(keyOf)).exec();
    const fresh = happened.filter((event) => !known.has(keyOf(event)));
    if (fresh.length > 0) await this.announce(worthTelling(fresh), fresh, recipient.id, now);
    let next = Infinity;
    for (const event of events) if (event.at > now.getTime()) next = Math.min(next, event.at);
    await this.announceArrivals(recipient, now);
    next = Math.min(next, await this.announceImprovements(recipient, now));
    next = Math.min(next, await this.deliverDue(recipient.id, now));
    this.arm(next, now.getTime());
  }

  /** Issue 18: correspondence that arrived on the recipient's cases, each told once. */
  private async announceArrivals(recipient: Recipient, now: Date): Promise<void> {
    if (!this.deps.arrivals) return;
    const arrivals = await this.deps.arrivals(recipient, new Date(now.getTime() - ARRIVALS_TOLD_FOR_MS));
    const keys = arrivals.map((arrival) => arrivalKey(arrival, recipient.id));
    const known = await this.deps.store.notificationLedger.findByIds(keys).exec();
    const fresh = arrivals.filter((arrival) => !known.has(arrivalKey(arrival, recipient.id)));
    if (fresh.length === 0) return;
    const { language } = await this.deps.preferences();
    await this.store(
      draftArrivalNotifications(fresh, language),
      fresh.map((arrival) => arrivalKey(arrival, recipient.id)),
      recipient.id,
      now,
    );
  }

  /**
   * P-5.3: the recipient's own improvement actions now due soon or overdue, each state told once.
   * The centre lists these actions already (improvementActions.mine, counted in its badge), so the
   * stored notification is kept as read: it is the desktop notification's record, not a second
   * unread item. Returns when the next of their actions changes state.
   */
  private async announceImprovements(recipient: Recipient, now: Date): Promise<number> {
    if (!this.deps.improvementActions) return Infinity;
    const { notices, nextChangeAt } = improvementNotices(await this.deps.improvementActions(), recipient.id, await this.deps.calendar(), now);
    const known = await this.deps.store.notificationLedger.findByIds(notices.map((notice) => improvementNoticeKey(notice, recipient.id))).exec();
    const fresh = notices.filter((notice) => !known.has(improvementNoticeKey(notice, recipient.id)));
    if (fresh.length === 0) return nextChangeAt;
    const { language } = await this.deps.preferences();
    const drafts = fresh.map((notice): StoredDraft => ({
      level: 'improvement',
      ...improvementNoticeText(notice, language),
      caseIds: [],
      path: IMPROVEMENTS_PATH,
    }));
    await this.store(
      drafts,
      fresh.map((notice) => improvementNoticeKey(notice, recipient.id)),
      recipient.id,
      now,
      { read: true },
    );
    return nextChangeAt;
  }

  /**
   * Tells `events` and records every one of `settled` (which includes them) as told. `events` is
   * never empty: it is worthTelling(settled) of a non-empty `settled`, which keeps every breach,
   * and everything when there is no breach.
   */
  private async announce(events: DeadlineEvent[], settled: DeadlineEvent[], staffId: string, now: Date): Promise<void> {
    const { language } = await this.deps.preferences();
    await this.store(
      draftNotifications(events, language),
      settled.map((event) => eventKey(event, staffId)),
      staffId,
      now,
    );
  }

  /** Stores the notifications with their ledger keys: told once, never twice, never lost. */
  private async store(
    drafts: readonly StoredDraft[],
    ledgerKeys: readonly string[],
    staffId: string,
    now: Date,
    options: { readonly read?: boolean } = {},
  ): Promise<void> {
    const [preferences, calendar, policy] = await Promise.all([this.deps.preferences(), this.deps.calendar(), this.deps.policy()]);
    const deliverAt = releaseInstant(calendar, policy, now, preferences.holdDuringQuietHours).getTime();
    const createdAt = now.toISOString();
    const notifications: StoredNotification[] = drafts.map((draft) => ({
      id: this.deps.newId(),
      staffId,
      level: draft.level,
      title: draft.title,
      body: draft.body,
      caseIds: [...draft.caseIds],
      path: draft.path,
      createdAt,
      deliverAt,
      delivered: false,
      read: options.read ?? false,
    }));
    // The notifications and their ledger entries are stored together: told once, never twice, never lost.
    const changes = new ChangeSet()
      .insert(this.deps.store.deviceNotifications, ...notifications)
      .insert(this.deps.store.notificationLedger, ...ledgerKeys.map((key) => ({ key, notifiedAt: createdAt })));
    try {
      await changes.commit();
    } catch (error) {
      // Another recompute announced the same events first: they are told already.
      if (isWriteConflict(error)) return;
      throw error;
    }
    this.deps.onChange?.();
  }

  /**
   * Shows the signed-in person's desktop notifications whose time has come; returns when the next
   * one is due. Only their own (P-7.1): a notification held for someone else waits until they sign
   * in here. A held notification's time is worked out again under the current calendar and
   * preferences: if the working week or an extra working day changed while it waited, it is not
   * shown on a day that is no longer a working day, nor kept waiting past one that now is.
   */
  private async deliverDue(staffId: string, now: Date): Promise<number> {
    // In the order they were told: releaseInstant never releases a later one before an earlier one.
    const waiting = await this.deps.store.deviceNotifications.find({ selector: { staffId, delivered: false }, sort: [{ createdAt: 'asc' }] }).exec();
    if (waiting.length === 0) return Infinity;
    const [preferences, calendar, policy] = await Promise.all([this.deps.preferences(), this.deps.calendar(), this.deps.policy()]);
    let next = Infinity;
    let shown = 0;
    for (const notification of waiting) {
      const deliverAt = releaseInstant(calendar, policy, new Date(notification.createdAt), preferences.holdDuringQuietHours).getTime();
      if (deliverAt > now.getTime()) {
        next = Math.min(next, deliverAt);
        // Rewritten only when its time moved: the centre's record says when the desktop will show it.
        if (deliverAt !== notification.deliverAt) await notification.incrementalPatch({ deliverAt });
        continue;
      }
      this.deps.sink.show({ id: notification.id, title: notification.title, body: notification.body, path: notification.path, level: notification.level });
      shown += 1;
      await notification.incrementalPatch({ deliverAt, delivered: true });
    }
    if (shown > 0) this.deps.onChange?.();
    return next;
  }

  private arm(at: number, now: number): void {
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
    this.nextWakeAt = Number.isFinite(at) ? at : null;
    if (this.stopped || !Number.isFinite(at)) return;
    this.timer = this.deps.timers.set(
      () => {
        this.timer = null;
        void this.recompute();
      },
      Math.max(0, Math.min(at - now, MAX_TIMER_MS)),
    );
  }

  private noteTimes(timeZone = this.deps.timeZone()): void {
    this.lastWall = this.deps.clock.now().getTime();
    this.lastMonotonic = this.deps.timers.monotonic();
    this.lastTimeZone = timeZone;
  }

  /** Detects a changed wall clock or time zone (and sleeps the OS did not report). */
  private armWatchdog(): void {
    this.watchdog = this.deps.timers.set(() => {
      if (this.stopped) return;
      const wall = this.deps.clock.now().getTime() - this.lastWall;
      const elapsed = this.deps.timers.monotonic() - this.lastMonotonic;
      const timeZone = this.deps.timeZone();
      const changed = Math.abs(wall - elapsed) > CLOCK_JUMP_MS || timeZone !== this.lastTimeZone;
      this.noteTimes(timeZone);
      if (changed) void this.recompute();
      this.armWatchdog();
    }, WATCHDOG_MS);
  }
}

/**
 * What is worth telling of what happened since last time (issue 18): a deadline already breached
 * is told as a breach only, never also as "due soon", however long ago it passed.
 */
export function worthTelling(happened: readonly DeadlineEvent[]): DeadlineEvent[] {
  const breached = new Set(happened.filter((event) => event.level === 'breached').map((event) => `${event.caseId}|${event.deadline}|${event.dueAt}`));
  return happened.filter((event) => event.level === 'breached' || !breached.has(`${event.caseId}|${event.deadline}|${event.dueAt}`));
}
