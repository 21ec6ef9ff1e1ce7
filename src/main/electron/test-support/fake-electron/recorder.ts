/**
 * The fake's line to the test: every recorded call goes to the test process as it happens, so
 * a test waits for a call rather than for time to pass. Exiting waits for everything the fake
 * still owes (records on their way, a second instance's hand-over) so no record is lost.
 */
import type { AppMessage, CallRecord, RecordedApi, RecordedCalls } from './messages.ts';

function send(message: AppMessage, sent?: () => void): void {
  if (!process.send) throw new Error('The fake Electron runs only as a child process of a test (forked with an IPC channel).');
  process.send(message, undefined, undefined, sent);
}

let seq = 0;

export function record<Api extends RecordedApi>(api: Api, detail: RecordedCalls[Api]): void {
  seq += 1;
  // TypeScript cannot relate a generic key to its member of the CallRecord union; the signature does.
  send({ type: 'record', record: { seq, api, detail } as CallRecord });
}

export function reply(message: Extract<AppMessage, { type: 'reply' }>): void {
  send(message);
}

const owed: Promise<unknown>[] = [];

/** The process must not exit before this settles. */
export function holdExitUntil(work: Promise<unknown>): void {
  owed.push(work);
}

const exitHandlers: (() => void)[] = [];

/** Runs just before the process exits (releasing the single-instance lock, for example). */
export function beforeExit(handler: () => void): void {
  exitHandlers.push(handler);
}

let exiting = false;

/** Ends the process like Electron does, once everything recorded has reached the test. */
export function exitProcess(code: number): void {
  if (exiting) return;
  exiting = true;
  void Promise.allSettled(owed).then(() => {
    for (const handler of exitHandlers) handler();
    // The callback runs once this last message (and so every earlier one) is written.
    send({ type: 'record', record: { seq: seq + 1, api: 'app.exit', detail: { code } } }, () => process.exit(code));
  });
}
