/** Virtual timers for tests: time moves only when the test says so, and due timers run in order. */
import type { Timers } from './timers';

/** The clock the timers move: the domain's TestClock, or a bare one (fast tests need no domain). */
export interface VirtualClock {
  readonly millis: number;
  set(instant: string | number): void;
}

export class FakeTimers implements Timers {
  private readonly tasks = new Map<number, { at: number; callback: () => void }>();
  private nextHandle = 1;
  private monotonicMs = 0;

  constructor(private readonly clock: VirtualClock) {}

  set(callback: () => void, ms: number): number {
    const handle = this.nextHandle++;
    this.tasks.set(handle, { at: this.clock.millis + ms, callback });
    return handle;
  }

  clear(handle: unknown): void {
    this.tasks.delete(handle as number);
  }

  monotonic(): number {
    return this.monotonicMs;
  }

  /** Runs every timer due up to `instant` in order (waiting for the work each starts), then stops there. */
  async advanceTo(instant: number | string, settle: () => Promise<void>): Promise<void> {
    const target = typeof instant === 'string' ? Date.parse(instant) : instant;
    for (;;) {
      const next = [...this.tasks.entries()].filter(([, task]) => task.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      const [handle, task] = next;
      this.tasks.delete(handle);
      this.monotonicMs += Math.max(0, task.at - this.clock.millis);
      this.clock.set(Math.max(this.clock.millis, task.at));
      task.callback();
      await settle();
    }
    this.monotonicMs += Math.max(0, target - this.clock.millis);
    this.clock.set(Math.max(this.clock.millis, target));
  }

  /** The system slept: the wall clock jumps, timers and monotonic time did not run meanwhile. */
  sleepUntil(instant: string): void {
    this.clock.set(instant);
  }
}
