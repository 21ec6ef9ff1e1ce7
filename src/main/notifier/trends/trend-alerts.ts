/**
 * P-5.2 trend alerts: a weekly check (run hourly while the app runs, as the daily backup's, so a
 * week is checked soon after it ends, after a restart or sleep, and again if late-entered cases
 * change it) flags a spike in any series of new complaints (trend-dimensions.ts) in the last
 * complete office week, by the rule in trend-rule.ts.
 *
 * Managers (and administrators) signed in on this device get each alert once: per person, week,
 * dimension and value, recorded in the notifier's persisted ledger together with the
 * notification, so neither a second check nor a restart repeats it. The alert goes to the in-app
 * notification centre, and its desktop notification goes out through the deadline notifier's
 * delivery (quiet hours included). It names the week's cases of the series, and opens them.
 * P-7.1: only cases the person may open are counted.
 */
import { createHash } from 'node:crypto';
import { ChangeSet, isWriteConflict } from '../../database/change-set';
import type { SlaPolicy, WorkingCalendar } from '@shared/sla';
import type { Clock } from '../../domain/clock';
import type { Recipient } from '../deadline-events';
import { releaseInstant, type NotifierPreferences } from '../deadline-notifier';
import type { NotifierCollections, StoredNotification } from '../notification-store';
import type { NotificationLanguage } from '../notification-text';
import { trendSpikes, type TrendSpike } from './trend-check';
import type { TrendCase } from './trend-dimensions';
import { TREND_RULE } from './trend-rule';
import { trendAlertText } from './trend-text';
import { trendWeeks } from './trend-weeks';

export interface TrendAlertTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface TrendAlertDependencies {
  readonly clock: Clock;
  readonly timers: TrendAlertTimers;
  readonly store: NotifierCollections;
  /** Cases received in [start, end) that the recipient may open (P-7.1). */
  readonly casesReceived: (window: { readonly start: number; readonly end: number }, recipient: Recipient) => Promise<TrendCase[]>;
  /** The person signed in on this device, if any. */
  readonly recipient: () => Promise<Recipient | null>;
  readonly preferences: () => Promise<NotifierPreferences>;
  readonly calendar: () => Promise<WorkingCalendar>;
  readonly policy: () => Promise<SlaPolicy>;
  /** A value as people read it (a complaint type's label, a root cause's name), in a language. */
  readonly valueLabel: (language: NotificationLanguage) => Promise<(dimension: string, value: string) => string>;
  readonly newId: () => string;
  /** New alerts were stored: deliver the desktop ones, update the unread count. */
  readonly onAnnounced?: () => void;
  readonly onError?: (error: unknown) => void;
}

/** The first check waits for start-up to settle; then hourly. */
export const FIRST_TREND_CHECK_MS = 2 * 60 * 1000;
export const TREND_CHECK_EVERY_MS = 60 * 60 * 1000;

/** The path that opens an alert's cases (the renderer's `/cases/alert/:id`). */
export const trendAlertPath = (notificationId: string) => `/cases/alert/${notificationId}`;

/** The once-only key of an alert (long values are hashed to fit the ledger's key). */
export function trendAlertKey(staffId: string, week: string, spike: Pick<TrendSpike, 'dimension' | 'value'>): string {
  const value = spike.value.length > 100 ? `#${createHash('sha256').update(spike.value).digest('hex')}` : spike.value;
  return `trend|${staffId}|${week}|${spike.dimension}|${value}`;
}

function isManager(recipient: Recipient): boolean {
  return recipient.viewer.roles.some((role) => role === 'manager' || role === 'administrator');
}

export class TrendAlerts {
  private timer: unknown = null;
  private stopped = true;
  private queue: Promise<number> = Promise.resolve(0);

  constructor(private readonly deps: TrendAlertDependencies) {}

  start(): void {
    this.stopped = false;
    this.arm(FIRST_TREND_CHECK_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.timers.clear(this.timer);
    this.timer = null;
  }

  /** Resolves when no check is running. */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** Runs one check at a time; resolves with how many alerts it stored (a failure is reported: 0). */
  check(): Promise<number> {
    const run = this.queue.then(() => (this.stopped ? 0 : this.checkNow()));
    this.queue = run.catch((error: unknown) => {
      this.deps.onError?.(error);
      return 0;
    });
    return this.queue;
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = this.deps.timers.set(() => {
      this.timer = null;
      void this.check().finally(() => this.arm(TREND_CHECK_EVERY_MS));
    }, ms);
  }

  private async checkNow(): Promise<number> {
    const recipient = await this.deps.recipient();
    if (!recipient || !isManager(recipient)) return 0;
    const now = this.deps.clock.now();
    const calendar = await this.deps.calendar();
    const weeks = trendWeeks(calendar, now, TREND_RULE.baselineWeeks);
    const cases = await this.deps.casesReceived({ start: weeks.bounds[0] ?? 0, end: weeks.bounds[weeks.bounds.length - 1] ?? 0 }, recipient);
    const spikes = trendSpikes(cases, weeks);
    if (spikes.length === 0) return 0;
    const keyOf = (spike: TrendSpike) => trendAlertKey(recipient.id, weeks.week, spike);
    const known = await this.deps.store.notificationLedger.findByIds(spikes.map(keyOf)).exec();
    const fresh = spikes.filter((spike) => !known.has(keyOf(spike)));
    if (fresh.length === 0) return 0;

    const [preferences, policy] = await Promise.all([this.deps.preferences(), this.deps.policy()]);
    const valueLabel = await this.deps.valueLabel(preferences.language);
    const createdAt = now.toISOString();
    const deliverAt = releaseInstant(calendar, policy, now, preferences.holdDuringQuietHours).getTime();
    const notifications: StoredNotification[] = fresh.map((spike) => {
      const id = this.deps.newId();
      const text = trendAlertText(spike, { language: preferences.language, monday: weeks.monday, baselineWeeks: TREND_RULE.baselineWeeks, valueLabel });
      return {
        id,
        staffId: recipient.id,
        level: 'trend',
        ...text,
        caseIds: [...spike.caseIds],
        path: trendAlertPath(id),
        createdAt,
        deliverAt,
        delivered: false,
        read: false,
      };
    });
    // The alerts and their ledger entries are stored together: told once, never twice, never lost.
    const changes = new ChangeSet()
      .insert(this.deps.store.deviceNotifications, ...notifications)
      .insert(this.deps.store.notificationLedger, ...fresh.map((spike) => ({ key: keyOf(spike), notifiedAt: createdAt })));
    try {
      await changes.commit();
    } catch (error) {
      if (isWriteConflict(error)) return 0; // another check told them first
      throw error;
    }
    this.deps.onAnnounced?.();
    return notifications.length;
  }
}
