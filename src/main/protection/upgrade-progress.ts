/**
 * The progress of one start-up upgrade of a profile (P-7.2, issue 14): a plaintext profile
 * encrypted in place (plaintext-migration.ts), or an encrypted one moved from ChaCha20 to AEGIS
 * (cipher-upgrade.ts). A plain event source with no Electron in it: the upgrade reports its steps
 * and the bytes of its copy here, and whoever listens (services.ts puts each state in app.status,
 * which Electron's IPC adapter sends to the window) sees every state in order, ending in
 * 'finished' or 'failed'.
 */
import type { CipherUpgradeStep, EncryptionStep, ProfileUpgradeKind, ProfileUpgradeStatus } from '@shared/api/types/app';

type StepOf<K extends ProfileUpgradeKind> = K extends 'encrypt' ? EncryptionStep : CipherUpgradeStep;
export type UpgradeListener = (status: ProfileUpgradeStatus) => void;

/** Byte progress is told at most this often (each whole hundredth), so a large copy is not thousands of events. */
const COPY_REPORTS = 100;

export class UpgradeProgress<K extends ProfileUpgradeKind> {
  readonly #listeners = new Set<UpgradeListener>();
  #status: ProfileUpgradeStatus;

  constructor(readonly kind: K) {
    this.#status = { kind, step: null, copied: null, outcome: 'running' } as ProfileUpgradeStatus;
  }

  /** Listens to every later state; returns the way to stop. */
  subscribe(listener: UpgradeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  status(): ProfileUpgradeStatus {
    return this.#status;
  }

  #begun = false;

  /** The upgrade has begun (nothing reached yet). Told once, however many callers know it. */
  started(): void {
    if (this.#begun) return;
    this.#begun = true;
    this.#emit({ step: null, copied: null, outcome: 'running' });
  }

  /** A step is reached. Steps only move forward; the copy's byte count stays (it shows the copy is whole). */
  step(step: StepOf<K>): void {
    this.#emit({ step, outcome: 'running' });
  }

  /** `bytes` of `of` copied. Told when the share reaches a new hundredth, and always at the end. */
  copied(bytes: number, of: number): void {
    const previous = this.#status.copied;
    const share = (done: number) => (of > 0 ? Math.floor((done / of) * COPY_REPORTS) : COPY_REPORTS);
    if (previous && previous.of === of && share(previous.bytes) === share(bytes) && bytes < of) return;
    this.#emit({ copied: { bytes, of } });
  }

  finished(): void {
    this.#emit({ outcome: 'finished' });
  }

  /** The upgrade failed: the profile is unchanged and opens as it was. */
  failed(): void {
    this.#emit({ outcome: 'failed' });
  }

  #emit(change: Partial<Pick<ProfileUpgradeStatus, 'step' | 'copied' | 'outcome'>>): void {
    this.#status = { ...this.#status, ...change } as ProfileUpgradeStatus;
    for (const listener of this.#listeners) listener(this.#status);
  }
}

/** A turn of the event loop: the upgrade's steps block the process, so each state reaches the window before the next step starts. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The callbacks an upgrade (encryptPlaintextProfile, upgradeProfileCipher) reports through, told to `progress`. */
export function reportingTo<K extends ProfileUpgradeKind>(
  progress: UpgradeProgress<K>,
): { onProgress: (step: StepOf<K>) => Promise<void>; onCopy: (bytes: number, of: number) => void } {
  return {
    onProgress: async (step) => {
      progress.step(step);
      await nextTurn();
    },
    onCopy: (bytes, of) => progress.copied(bytes, of),
  };
}
