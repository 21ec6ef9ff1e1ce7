/**
 * The clerk's register as it stands, kept for the session (issue 18): the half-typed letter, its
 * scans, the batch of letters logged and so Undo survive Ctrl+K, another page or another post-room
 * tab. Kept in memory only, never on disk (letters name people), and forgotten at sign-out.
 */
import type { LetterRecord } from '@shared/domain/letters';
import { forgetOnSessionEnd } from '../../session/session-memory';
import type { RegisterValues } from './incoming-register';
import type { PickedScan } from './ScanPicker';

export interface RegisterSession {
  /** The letter being typed; null until the register first opens in this session. */
  readonly values: RegisterValues | null;
  readonly scans: readonly PickedScan[];
  /** Letters logged this session, newest first: the batch list and what Undo takes back. */
  readonly batch: readonly LetterRecord[];
  readonly batchId: string;
}

function fresh(): RegisterSession {
  return { values: null, scans: [], batch: [], batchId: `batch-${Date.now().toString(36)}` };
}

let kept = fresh();
const listeners = new Set<() => void>();

export function registerSession(): RegisterSession {
  return kept;
}

export function keepRegister(changes: Partial<RegisterSession>): void {
  kept = { ...kept, ...changes };
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: the batch and scans change while the register is open. */
export function subscribeRegister(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

forgetOnSessionEnd(() => keepRegister(fresh()));
