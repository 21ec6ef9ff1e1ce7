/** Timers and a monotonic clock, injected so the notifier can be tested with virtual time. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** Milliseconds that only ever increase (not affected by wall-clock changes). */
  monotonic(): number;
}

export const realTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
  monotonic: () => performance.now(),
};

/** Node's setTimeout cannot wait longer than about 24.8 days; the notifier re-arms at most hourly. */
export const MAX_TIMER_MS = 60 * 60 * 1000;
