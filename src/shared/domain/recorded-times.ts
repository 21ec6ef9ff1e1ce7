/**
 * What may be recorded as having happened: something that happened already. A call logged
 * yesterday is fine; a receipt, a letter or a customer notice dated tomorrow is a typing slip, and
 * would start or stop deadlines early. One home for the check (issue 12): every service and the
 * workflow's effects refuse a future time the same way, with the same issue code.
 */
import { fieldError } from './domain-error';

const FUTURE_MESSAGE = 'Cannot be in the future';

/** Refuses an instant later than now; `toleranceMs` allows for two devices' clocks a little apart. */
export function refuseFutureTime(path: string, at: string, now: Date, toleranceMs: number): void {
  if (Date.parse(at) > now.getTime() + toleranceMs) throw fieldError(path, FUTURE_MESSAGE, 'future_time');
}

/** Refuses a 'YYYY-MM-DD' day after today (the office's day, in its time zone). */
export function refuseFutureDay(path: string, day: string, today: string): void {
  if (day > today) throw fieldError(path, FUTURE_MESSAGE, 'future_time');
}

/** Refuses an instant before the complaint was received (its clock cannot run backwards). */
export function refuseBeforeReceipt(path: string, at: string, receivedAt: string): void {
  if (Date.parse(at) < Date.parse(receivedAt)) throw fieldError(path, 'Cannot be before the complaint was received', 'before_receipt');
}
