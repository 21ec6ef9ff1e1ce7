/**
 * bench:cases, with and without the key (issue 14, P-7.2): an encrypted and a plain profile, each
 * in its own worker process (case-profile-worker.ts), seeded alike, measured side by side.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { CaseOperation, WorkerReply, WorkerRequest } from './case-profile-protocol';
import type { KeySide } from './key-comparison';

export interface CaseProfileWorker {
  /** Cases in the 'acknowledged' state, for transitions. */
  readonly acknowledged: number;
  measure(operation: CaseOperation, run: number): Promise<{ ms: number; found: unknown }>;
  close(): Promise<void>;
}

export async function startCaseProfile(directory: string, side: KeySide, count: number): Promise<CaseProfileWorker> {
  const child: ChildProcess = fork(
    path.join(import.meta.dirname, 'case-profile-worker.ts'),
    [directory, side === 'encrypted' ? 'at-rest' : 'none-for-tests', String(count)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const waiting = new Map<number, { resolve: (value: { ms: number; found: unknown }) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The ${side} profile worker exited (${code ?? 'signal'}) before it was ready`)));
    child.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') return resolve(reply.acknowledged);
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.type === 'done') pending?.resolve({ ms: reply.ms, found: reply.found });
      else pending?.reject(new Error(`${side}: ${reply.message}`));
    });
  });
  const acknowledged = await ready;
  const request = (message: WorkerRequest) => child.send(message);
  return {
    acknowledged,
    measure: (operation, run) =>
      new Promise((resolve, reject) => {
        nextId += 1;
        waiting.set(nextId, { resolve, reject });
        request({ type: 'run', id: nextId, operation, run });
      }),
    close: async () => {
      request({ type: 'close' });
      await exited;
    },
  };
}
