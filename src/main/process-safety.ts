/**
 * The process-wide policy for errors nobody caught (issue 21): a promise rejected without a
 * handler, or an exception thrown from a callback. Node's default ends the process on either;
 * the Electron app used to log and carry on with, for example, a replication's pull loop dead
 * until the next start. Here both are logged and then recovered from:
 *
 * - **Logged** with the error's name, code, first message line and stack frames only, never the
 *   rest of the message (RxDB's messages embed whole documents, which hold personal data, P-7.2),
 *   and at most a few per minute, so a failing loop cannot fill the disk.
 * - **Recovered:** the `recover` callback runs (the services restart what may have died, e.g.
 *   sync restarts its replications from their checkpoints); bursts are folded into one run.
 *
 * Plain Node: the Electron main process and the browser test harness both install it.
 */
import type { Logger } from './logging/logger';

export interface SafetyNetOptions {
  readonly logger: Logger;
  /** Restart what may have died; called after an uncaught error (bursts folded into one call). */
  readonly recover: () => void;
  /** Entries per minute before further ones are only counted. */
  readonly maxPerMinute?: number;
}

/** What may be logged of an error: no message text past its first line, no embedded data. */
export function safeErrorSummary(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: error === null ? 'null' : typeof error };
  const firstLine = (error.message.split('\n')[0] ?? '').split('Given parameters')[0] ?? '';
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .map((line) => line.trim());
  return { name: error.name, ...(typeof code === 'string' ? { code } : {}), message: firstLine.slice(0, 200), frames };
}

/** The two listeners of the policy (apart from `process`, so they can be tested as they are). */
export function safetyNetListeners(options: SafetyNetOptions): {
  onRejection: (error: unknown) => void;
  onException: (error: unknown) => void;
  dispose: () => void;
} {
  const limit = options.maxPerMinute ?? 10;
  let windowStart = Date.now();
  let logged = 0;
  let suppressed = 0;
  let recovering: NodeJS.Timeout | null = null;

  const handle = (kind: 'unhandled rejection' | 'uncaught exception') => (error: unknown) => {
    const now = Date.now();
    if (now - windowStart > 60_000) {
      if (suppressed > 0) options.logger.warn('Uncaught errors not logged in the last minute', { count: suppressed });
      windowStart = now;
      logged = 0;
      suppressed = 0;
    }
    if (logged < limit) {
      logged += 1;
      options.logger.error(`An ${kind} in the main process was caught; recovering`, safeErrorSummary(error));
    } else suppressed += 1;
    if (recovering) return;
    recovering = setTimeout(() => {
      recovering = null;
      try {
        options.recover();
      } catch (failure) {
        options.logger.error('Recovering from an uncaught error failed', safeErrorSummary(failure));
      }
    }, 100);
    recovering.unref();
  };
  return {
    onRejection: handle('unhandled rejection'),
    onException: handle('uncaught exception'),
    dispose: () => {
      if (recovering) clearTimeout(recovering);
    },
  };
}

export function installProcessSafetyNet(options: SafetyNetOptions): () => void {
  const { onRejection, onException, dispose } = safetyNetListeners(options);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    dispose();
  };
}
