/** Inputs and result types of the `protection.*` methods: encryption at rest (P-7.2). */
import { z } from 'zod';

/** The recovery key as typed (its form is checked in the main process, with a specific error). */
export const recoveryKeyInput = z.object({ recoveryKey: z.string().trim().min(1, 'Required').max(200) }).strict();

export interface ProtectionStatus {
  /** Whether the profile's database is encrypted ('plaintext': a profile from before encryption). */
  readonly encryption: 'encrypted' | 'plaintext' | 'off-for-tests';
  /** 'none' where the OS has no real keychain (Linux basic_text, the browser harness): passwords only. */
  readonly keychain: 'os-keychain' | 'none';
  readonly keychainSlot: boolean;
  readonly passwordSlots: number;
  readonly recoverySlot: boolean;
}

/** Shown once to the administrator, who confirms they have stored it; Plaint keeps no copy. */
export interface RecoveryKeyResult {
  readonly recoveryKey: string;
  readonly createdAt: string;
}
