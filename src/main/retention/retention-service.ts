/**
 * Issue 14 (P-7.2): the retention policy (a team setting, administrators), the cases past it for
 * administrators to approve, the approval (their anonymisation, through the erasure service), and
 * the daily check.
 *
 * The daily check runs on injected timers, as the backup scheduler does: a minute after start and
 * then every hour it checks whether a day has passed since the last check on this device. It
 * counts the cases past retention (shown with the list in Settings → Retention) and, while an
 * administrator is signed in, erases again what arrived by sync for cases already anonymised
 * (the same happens at once when such a record arrives). It never anonymises on its own: an
 * administrator approves.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { LetterDocument } from '../post-room/letters-collection';
import { fieldError } from '../../shared/domain/domain-error';
import {
  DEFAULT_RETENTION_POLICY,
  retentionPolicySchema,
  type DueCase,
  type ErasureRecord,
  type RetentionPolicy,
  type RetentionView,
} from '../../shared/domain/retention';
import { caseAccess } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import { causalTime } from '../domain/case-field-groups';
import type { Clock } from '../domain/clock';
import type { CaseDocument, DomainDatabase, SettingsDocument } from '../domain/collections';
import type { ErasureService } from '../erasure/erasure-service';
import type { Logger } from '../logging/logger';
import { dueCase } from './retention-policy';

export const RETENTION_AREA = 'retention';
const CHECK_DOC = 'retention-check';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
export const FIRST_CHECK_MS = 60 * 1000;
export const CHECK_EVERY_MS = HOUR_MS;

export interface RetentionTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface RetentionServiceOptions {
  readonly database: RxDatabase;
  readonly db: Pick<DomainDatabase, 'cases' | 'settings' | 'timeline'>;
  readonly letters: RxCollection<LetterDocument>;
  readonly erasure: ErasureService;
  readonly clock: Clock;
  readonly timers: RetentionTimers;
  readonly logger: Logger;
  /** Who is signed in now (the sweep runs only for an administrator: the server lets only them erase). */
  readonly viewer: () => Viewer | null;
}

interface CheckState {
  readonly at: string;
  readonly due: number;
}

export class RetentionService {
  private timer: unknown = null;
  private stopped = false;
  private checking: Promise<void> | null = null;
  private subscriptions: Subscription[] = [];
  /** Cases whose records changed (here or by sync) since the last sweep. */
  private readonly touched = new Set<string>();
  private sweeping: Promise<void> | null = null;

  constructor(private readonly options: RetentionServiceOptions) {}

  async policy(): Promise<RetentionPolicy> {
    const stored = await this.options.db.settings.findOne(RETENTION_AREA).exec();
    const parsed = retentionPolicySchema.safeParse(stored?.value.data);
    return parsed.success ? parsed.data : DEFAULT_RETENTION_POLICY;
  }

  async setPolicy(policy: RetentionPolicy, viewer: Viewer): Promise<RetentionView> {
    const previous = await this.options.db.settings.findOne(RETENTION_AREA).exec();
    const updatedAt = causalTime(previous ? Date.parse(previous.updatedAt) : 0, this.options.clock.now().toISOString());
    const next: SettingsDocument = { id: RETENTION_AREA, value: { data: policy }, updatedAt, updatedBy: { id: viewer.accountId, name: viewer.name } };
    await this.options.db.settings.upsert(next);
    return this.view(viewer);
  }

  /** Closed cases past retention that the viewer may open (P-7.1), oldest due first. */
  async due(viewer: Viewer | null): Promise<DueCase[]> {
    const policy = await this.policy();
    const now = this.options.clock.now();
    const closed = await this.options.db.cases.find({ selector: { open: false } }).exec();
    return closed
      .map((document) => document.toJSON() as CaseDocument)
      .filter((record) => viewer === null || caseAccess(viewer, record) === 'full')
      .flatMap((record) => {
        const due = dueCase(record, policy, now);
        return due ? [due] : [];
      })
      .sort((a, b) => a.dueSince.localeCompare(b.dueSince));
  }

  async view(viewer: Viewer): Promise<RetentionView> {
    const [policy, due, check] = await Promise.all([this.policy(), this.due(viewer), this.options.database.getLocal<CheckState>(CHECK_DOC)]);
    return { policy, due, lastCheck: check ? check.toJSON().data : null };
  }

  /** The administrator approves: every case named must be past retention now, or nothing is done. */
  async approve(caseIds: readonly string[], viewer: Viewer): Promise<ErasureRecord> {
    const due = new Set((await this.due(null)).map((entry) => entry.caseId));
    const known = await this.options.db.cases.findByIds([...caseIds]).exec();
    caseIds.forEach((caseId, index) => {
      // Unknown or not visible: the erasure service gives its own refusal below.
      if (known.has(caseId) && !due.has(caseId)) throw fieldError(`caseIds.${index}`, 'This case is not past its retention period', 'not_past_retention');
    });
    return this.options.erasure.erase({ caseIds, letterIds: [], reason: '', trigger: 'retention' }, viewer);
  }

  start(): void {
    this.stopped = false;
    this.arm(FIRST_CHECK_MS);
    // An entry or letter of an anonymised case arriving by sync (written offline elsewhere), or a
    // case anonymised by sync's merge: erased here at once, while an administrator is signed in.
    const note = (caseId: unknown) => {
      if (typeof caseId !== 'string' || this.stopped) return;
      this.touched.add(caseId);
      this.sweepTouched();
    };
    this.subscriptions = [
      this.options.db.cases.$.subscribe((change) => note(change.documentId)),
      this.options.db.timeline.$.subscribe((change) => note(change.documentData.caseId)),
      this.options.letters.$.subscribe((change) => note(change.documentData.caseId)),
    ];
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    this.subscriptions = [];
  }

  /** Resolves when a check or sweep under way has finished (closing waits for it). */
  async idle(): Promise<void> {
    await this.checking?.catch(() => undefined);
    await this.sweeping?.catch(() => undefined);
  }

  private sweepTouched(): void {
    if (this.sweeping) return;
    this.sweeping = (async () => {
      while (this.touched.size > 0 && !this.stopped) {
        const caseIds = [...this.touched];
        this.touched.clear();
        const viewer = this.options.viewer();
        // The server lets only administrators erase records written once (the guard).
        if (!viewer?.roles.includes('administrator')) continue;
        await this.options.erasure.sweep({ id: viewer.accountId, name: viewer.name }, caseIds);
      }
    })()
      .catch((error: unknown) => this.options.logger.warn('Anonymised cases could not be swept', { error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => (this.sweeping = null));
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = this.options.timers.set(() => void this.check().finally(() => this.arm(CHECK_EVERY_MS)), ms);
  }

  /** The daily check (tests run it through the timers). */
  async check(): Promise<void> {
    if (this.checking) return this.checking;
    this.checking = this.runCheck().finally(() => (this.checking = null));
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    try {
      const last = await this.options.database.getLocal<CheckState>(CHECK_DOC);
      const now = this.options.clock.now();
      if (last && now.getTime() - Date.parse(last.toJSON().data.at) < DAY_MS) return;
      const due = (await this.due(null)).length;
      await this.options.database.upsertLocal<CheckState>(CHECK_DOC, { at: now.toISOString(), due });
      const viewer = this.options.viewer();
      const swept = viewer?.roles.includes('administrator') ? await this.options.erasure.sweep({ id: viewer.accountId, name: viewer.name }) : null;
      // Counts only: never a reference or a name (P-7.2).
      this.options.logger.info('Retention check', { due, ...(swept ? { erasedAgain: swept.timelineEntries + swept.letters + swept.files } : {}) });
    } catch (error) {
      this.options.logger.error('The retention check failed', { error: error instanceof Error ? error.name : 'unknown' });
    }
  }
}
