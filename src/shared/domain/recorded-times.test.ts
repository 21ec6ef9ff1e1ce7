import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { refuseBeforeReceipt, refuseFutureDay, refuseFutureTime } from './recorded-times';

const now = new Date('2026-11-23T09:00:00.000Z');

function issueOf(check: () => void): { path: string; code: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const [issue] = error.issues;
    return issue ? { path: issue.path, code: issue.code } : null;
  }
}

describe('recorded times', () => {
  it('takes a time up to now plus the tolerance, and refuses a later one at its field', () => {
    expect(issueOf(() => refuseFutureTime('at', '2026-11-20T10:00:00.000Z', now, 0))).toBeNull();
    expect(issueOf(() => refuseFutureTime('at', '2026-11-23T09:01:59.000Z', now, 120_000))).toBeNull();
    expect(issueOf(() => refuseFutureTime('at', '2026-11-23T09:02:01.000Z', now, 120_000))).toEqual({ path: 'at', code: 'future_time' });
    expect(issueOf(() => refuseFutureTime('action.at', '2026-11-23T09:00:00.001Z', now, 0))).toEqual({ path: 'action.at', code: 'future_time' });
  });

  it('takes today and earlier days, and refuses tomorrow', () => {
    expect(issueOf(() => refuseFutureDay('receivedOn', '2026-11-23', '2026-11-23'))).toBeNull();
    expect(issueOf(() => refuseFutureDay('receivedOn', '2026-11-22', '2026-11-23'))).toBeNull();
    expect(issueOf(() => refuseFutureDay('postedOn', '2026-11-24', '2026-11-23'))).toEqual({ path: 'postedOn', code: 'future_time' });
  });

  it('refuses a time before the complaint was received', () => {
    expect(issueOf(() => refuseBeforeReceipt('at', '2026-11-20T10:00:00.000Z', '2026-11-20T10:00:00.000Z'))).toBeNull();
    expect(issueOf(() => refuseBeforeReceipt('at', '2026-11-20T09:59:59.000Z', '2026-11-20T10:00:00.000Z'))).toEqual({ path: 'at', code: 'before_receipt' });
  });
});
