/**
 * A clock the fake can move forward, standing in for time that passes while the system sleeps.
 * It is installed before the app loads (so classes that extend Date see it too) and starts with
 * no offset, so until a test sleeps the system the app sees the real time.
 *
 * Date and performance.now move together. A real sleep moves only the wall clock, and the
 * notifier's once-a-minute watchdog would notice that too; moving both leaves the watchdog
 * nothing to notice, so a catch-up after a sleep can only have come from powerMonitor's
 * `resume`, which is what the tests prove.
 */
const RealDate = Date;
const realPerformanceNow = performance.now.bind(performance);
let offsetMs = 0;

const shiftedNow = (): number => RealDate.now() + offsetMs;

export function installShiftableClock(): void {
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget) as object,
    // Date() called as a function returns the current time as a string.
    apply: () => new RealDate(shiftedNow()).toString(),
    get: (target, property, receiver) => (property === 'now' ? shiftedNow : Reflect.get(target, property, receiver)) as unknown,
  });
  Object.defineProperty(performance, 'now', { configurable: true, value: () => realPerformanceNow() + offsetMs });
}

export function shiftClock(ms: number): void {
  offsetMs += ms;
}
