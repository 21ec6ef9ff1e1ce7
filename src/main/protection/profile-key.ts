/**
 * What a profile's start needs to know about its key (P-7.2), decided from the files alone:
 * - no key file and no database: a new profile, encrypted from its first write (a new key);
 * - a key file whose keychain (or unprotected) slot opens: open the database at once;
 * - a key file and no such slot: locked until someone signs in with a password that opens theirs;
 * - a database without a key file: a plaintext profile from before encryption, encrypted in place
 *   now (plaintext-migration.ts); if that fails it is unchanged and opens as it was;
 * - a damaged key file: an error the status shows; nothing is changed.
 */
import fs from 'node:fs';
import { DatabaseKeyring } from './database-keyring';
import { KeyFileError, keyFilePath } from './key-file';
import type { KeyProtector } from './key-protector';
import { encryptPlaintextProfile, finishInterruptedMigration } from './plaintext-migration';
import type { SlotScryptCost } from './sealed-box';
import { reportingTo, type UpgradeProgress } from './upgrade-progress';

export type ProfileKey =
  | { readonly state: 'open'; readonly keyring: DatabaseKeyring; readonly created: boolean }
  | { readonly state: 'locked'; readonly keyring: DatabaseKeyring }
  /** A profile from before encryption whose migration failed (the reason); it is unchanged and opens as it was. */
  | { readonly state: 'plaintext'; readonly reason: string }
  | { readonly state: 'error'; readonly message: string };

export interface ProfileKeyOptions {
  readonly databaseFile: string;
  readonly protector: KeyProtector | null;
  readonly cost: SlotScryptCost;
  /** Told each step of encrypting a plaintext profile, and how it ended (for the log and the start screen). */
  readonly progress?: UpgradeProgress<'encrypt'>;
}

function hasData(file: string): boolean {
  try {
    return fs.statSync(file).size > 0 || fs.existsSync(`${file}-wal`);
  } catch {
    return false;
  }
}

export async function profileKey(options: ProfileKeyOptions): Promise<ProfileKey> {
  const keyring = { file: keyFilePath(options.databaseFile), protector: options.protector, cost: options.cost };
  try {
    finishInterruptedMigration(options.databaseFile, keyring);
    const existing = DatabaseKeyring.load(keyring);
    if (!existing) {
      if (hasData(options.databaseFile)) {
        const { progress } = options;
        try {
          progress?.started();
          const encrypted = await encryptPlaintextProfile({ databaseFile: options.databaseFile, keyring, ...(progress ? reportingTo(progress) : {}) });
          progress?.finished();
          return { state: 'open', keyring: encrypted, created: false };
        } catch (error) {
          progress?.failed();
          return { state: 'plaintext', reason: error instanceof Error ? error.message : String(error) };
        }
      }
      return { state: 'open', keyring: DatabaseKeyring.create(keyring), created: true };
    }
    if (!existing.unlockAtStart()) return { state: 'locked', keyring: existing };
    existing.ensureKeychainSlot();
    return { state: 'open', keyring: existing, created: false };
  } catch (error) {
    if (error instanceof KeyFileError) return { state: 'error', message: error.message };
    return { state: 'error', message: `The database key could not be prepared: ${error instanceof Error ? error.message : String(error)}` };
  }
}
