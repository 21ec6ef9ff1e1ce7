/**
 * Keeps every open case's deadlines on the current working calendar and SLA policy (issue 15).
 *
 * It listens to the settings change stream, which carries this device's saves and the changes
 * sync brings from other devices alike: a calendar changed on another device must move the
 * deadlines of cases that only this device has yet (logged offline). The API handler also asks
 * for the recompute of its own save and waits for it, so the administrator sees the moved
 * deadlines at once; the stream then asks again for the same change, which finds nothing left to
 * move. Recomputes run one at a time.
 */
import type { Subscription } from 'rxjs';
import type { CaseService } from './case-service';
import type { DomainDatabase, SettingsDocument } from './collections';
import { deadlineSettingsChange, type DeadlineSettingsChange } from './settings-service';

export class DeadlineRescheduler {
  private queue: Promise<unknown> = Promise.resolve();
  private subscription: Subscription | null = null;

  constructor(
    private readonly db: DomainDatabase,
    private readonly cases: CaseService,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.subscription ??= this.db.settings.$.subscribe((event) => {
      if (event.operation === 'DELETE') return;
      const change = deadlineSettingsChange(event.previousDocumentData as SettingsDocument | undefined, event.documentData as SettingsDocument);
      if (change) this.reschedule(change).catch(this.onError);
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  /** Moves open deadlines after `change`; resolves with the number of cases updated. */
  reschedule(change?: DeadlineSettingsChange): Promise<number> {
    const run = this.queue.then(() => this.cases.recomputeOpenCases(change));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves when no recompute is running or waiting (tests, orderly shutdown). */
  async idle(): Promise<void> {
    let seen: Promise<unknown> | null = null;
    while (seen !== this.queue) {
      seen = this.queue;
      await seen;
    }
  }
}
