/**
 * Wrong passwords in a row per login, and how long the next attempt must wait: after
 * FREE_ATTEMPTS failures, 30 s doubling up to 15 minutes (the session's rule, P-7.1). Used while
 * the database is still locked (encryption at rest, P-7.2), before the session exists.
 */
import { DomainError } from '../../shared/domain/domain-error';

const FREE = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; blockedUntil: number }>();

  /** Throws THROTTLED while the login must wait. */
  check(login: string, now: number): void {
    const waitMs = (this.failures.get(login)?.blockedUntil ?? 0) - now;
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    throw new DomainError('THROTTLED', `Too many wrong passwords: try again in ${seconds} s`, [
      { path: '', code: 'too_many_attempts', params: { seconds }, message: `Try again in ${seconds} s` },
    ]);
  }

  /** Records a failure; returns how many in a row. */
  fail(login: string, now: number): number {
    const failures = this.failures.get(login) ?? { count: 0, blockedUntil: 0 };
    failures.count += 1;
    if (failures.count >= FREE) failures.blockedUntil = now + Math.min(FIRST_DELAY_MS * 2 ** (failures.count - FREE), MAX_DELAY_MS);
    this.failures.set(login, failures);
    return failures.count;
  }

  clear(login: string): void {
    this.failures.delete(login);
  }
}
