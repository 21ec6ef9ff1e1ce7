/**
 * Watching the team mailbox (issue 17): every few minutes, while the mailbox is set up and on, new
 * messages are imported, triaged ones moved to the processed folder, and the outbox sent. So work
 * done offline reaches the server once it is back, without anyone pressing a button. A failure
 * (the server away, a wrong password) is logged by its code and tried again next time; one check
 * runs at a time, and stopping waits for a check under way.
 */
import { DomainError } from '../../shared/domain/domain-error';
import type { Logger } from '../logging/logger';
import type { MailService } from './mail-service';

export const MAIL_CHECK_MS = 5 * 60_000;

/** The timers the composition root hands in (the notifier's, real or virtual in tests). */
export interface MailTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export class MailPoller {
  private handle: unknown = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly mail: MailService,
    private readonly timers: MailTimers,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }

  /** Resolves when no check is under way. */
  idle(): Promise<void> {
    return this.running;
  }

  private arm(): void {
    if (this.stopped) return;
    this.handle = this.timers.set(() => {
      this.handle = null;
      this.running = this.check().finally(() => this.arm());
    }, MAIL_CHECK_MS);
  }

  private async check(): Promise<void> {
    try {
      await this.mail.checkMailbox();
    } catch (error) {
      // Codes only: messages may name a complainant's address (P-7.2).
      const codes = error instanceof DomainError ? error.issues.map((issue) => issue.code) : ['unexpected'];
      this.logger.warn('The team mailbox could not be checked', { codes });
    }
  }
}
