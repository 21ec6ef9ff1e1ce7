/** Time and ids come from here, so tests can control both. */
import crypto from 'node:crypto';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function newId(): string {
  return crypto.randomUUID();
}

/** Recorded times may be in the past (logging yesterday's call), never in the future. */
export const FUTURE_TOLERANCE_MS = 2 * 60_000;
