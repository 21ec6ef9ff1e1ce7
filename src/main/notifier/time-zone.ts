/**
 * The PC's time zone as this process sees it, injected into the deadline notifier (its watchdog
 * recomputes when it changes) so a test can change it.
 *
 * Why injected: in the Electron main process and in a forked test worker, setting process.env.TZ
 * makes Node re-detect the zone, and Intl follows. In a worker thread (Vitest's `threads` pool,
 * which Stryker's Vitest runner uses by default) process.env is the thread's own copy: the process's
 * real environment, which ICU reads, is unchanged, so Intl keeps the old zone and a test that sets
 * TZ could never see the watchdog fire there.
 */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
