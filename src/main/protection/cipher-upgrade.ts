/**
 * Moving an encrypted profile from ChaCha20-Poly1305 (every profile encrypted before AEGIS) to
 * AEGIS-256, the cipher of new profiles (P-7.2, issue 14; `storage/database-cipher.ts` says why).
 * Same key, same slots: only the page cipher changes, so the key file is not touched.
 *
 * SQLite3MultipleCiphers cannot rekey a database in WAL mode, and a rekey in place rewrites
 * every page of the live file; so the original is never rewritten by the rekey, and the switch
 * is one rename. A kill at any point leaves a profile that opens, in the old cipher or the new:
 * 1. the original is opened with its key (the cipher that opens it says whether there is work),
 *    checked (quick_check; a damaged file is left as it is), checkpointed and left in
 *    rollback-journal mode (its WAL emptied into it; WAL again at its next open), rows counted;
 * 2. it is copied beside itself (`<name>.recipher`) and the copy fsynced;
 * 3. the copy is rekeyed to AEGIS with the same key (rollback-journal mode), fsynced, reopened
 *    with AEGIS alone and verified: integrity_check and the same row counts;
 * 4. the copy is renamed over the original and the directory fsynced.
 * Before the rename the original is whole, and the next start removes the half-made copy and
 * begins again; after it, the file opens with AEGIS. Files are opened by trying AEGIS, then
 * ChaCha20, so the cipher needs no record of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encryptInPlace, openWithKey, PROFILE_CIPHER } from '../storage/database-cipher';
import type { CipherUpgradeStep } from '@shared/api/types/app';
import { copyPrivateFile, syncDirectory, syncFile } from './private-files';
import { rowCounts } from './row-counts';
import { reportingTo, type UpgradeProgress } from './upgrade-progress';

export type { CipherUpgradeStep };

export interface CipherUpgradeOptions {
  readonly databaseFile: string;
  /** The profile's database key (from its keychain, password or recovery slot). */
  readonly key: string;
  /** Each step as it is reached, for the log (and a test's stop points); awaited. */
  readonly onProgress?: (step: CipherUpgradeStep) => void | Promise<void>;
  /** Once the profile is found in an earlier cipher, before the first step: the upgrade begins (for the start screen). */
  readonly onStart?: () => void | Promise<void>;
  /** The bytes of the copy as it is written (for the start screen). */
  readonly onCopy?: (bytes: number, of: number) => void;
}

/** What was found: a profile already in the current cipher (or a new, empty one), or one moved to it. */
export type CipherUpgradeOutcome = 'current' | 'upgraded';

export class CipherUpgradeError extends Error {
  override readonly name = 'CipherUpgradeError';
}

export const recipherCopyOf = (databaseFile: string): string => `${databaseFile}.recipher`;

/** A half-made copy from a start that was killed: the original is whole, so the copy goes. */
export function removeAbandonedCipherCopy(databaseFile: string): void {
  const copy = recipherCopyOf(databaseFile);
  for (const file of [copy, `${copy}-journal`, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(file, { force: true });
}

function hasData(file: string): boolean {
  try {
    return fs.statSync(file).size > 0 || fs.existsSync(`${file}-wal`);
  } catch {
    return false;
  }
}

/**
 * Moves the profile to the current cipher when it is in an earlier one. Throws (the original
 * unchanged, and it still opens in its own cipher) when the key opens nothing, the file is
 * damaged, or the re-encrypted copy does not verify.
 */
export async function upgradeProfileCipher(options: CipherUpgradeOptions): Promise<CipherUpgradeOutcome> {
  const { databaseFile, key } = options;
  const copy = recipherCopyOf(databaseFile);
  removeAbandonedCipherCopy(databaseFile);
  if (!hasData(databaseFile)) return 'current';
  // 1. The original, opened with whichever cipher opens it.
  const original = openWithKey(databaseFile, key, { fileMustExist: true });
  let counts: Record<string, number>;
  try {
    if (original.cipher === PROFILE_CIPHER) return 'current';
    await options.onStart?.();
    const check = original.db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new CipherUpgradeError(`The database is damaged (${String(check)}); its cipher was not changed and it is unchanged.`);
    original.db.pragma('wal_checkpoint(TRUNCATE)');
    if (original.db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete')
      throw new CipherUpgradeError('The database could not leave WAL mode to change its cipher.');
    counts = rowCounts(original.db);
  } finally {
    original.db.close();
  }
  await options.onProgress?.('checked');
  // 2. The copy, beside the original (same file system, so the switch is a rename).
  await copyPrivateFile(databaseFile, copy, options.onCopy);
  await options.onProgress?.('copied');
  // 3. The copy in the current cipher, and verified under it alone.
  const old = openWithKey(copy, key, { fileMustExist: true }, [original.cipher]);
  try {
    encryptInPlace(old.db, key, PROFILE_CIPHER);
  } finally {
    old.db.close();
  }
  syncFile(copy);
  const rekeyed = openWithKey(copy, key, { fileMustExist: true }, [PROFILE_CIPHER]);
  try {
    const integrity = rekeyed.db.pragma('integrity_check(1)', { simple: true });
    if (integrity !== 'ok') throw new CipherUpgradeError(`The re-encrypted copy failed its integrity check (${String(integrity)}); the original is unchanged.`);
    if (JSON.stringify(rowCounts(rekeyed.db)) !== JSON.stringify(counts))
      throw new CipherUpgradeError('The re-encrypted copy does not hold the same rows as the original; the original is unchanged.');
  } finally {
    rekeyed.db.close();
  }
  await options.onProgress?.('rekeyed');
  // 4. The switch. The original is checkpointed and in rollback-journal mode: no -wal of its own.
  fs.rmSync(`${databaseFile}-wal`, { force: true });
  fs.rmSync(`${databaseFile}-shm`, { force: true });
  fs.renameSync(copy, databaseFile);
  syncDirectory(path.dirname(databaseFile));
  await options.onProgress?.('switched');
  return 'upgraded';
}

/**
 * `upgradeProfileCipher`, told to `progress` for the start and sign-in screens: begun once the
 * profile is found in an earlier cipher, then each step and the copy's bytes, then 'finished', or
 * 'failed' when it throws after it began (the profile unchanged). A profile already in AEGIS tells
 * nothing. Rethrows the failure.
 */
export async function upgradeProfileCipherShowingProgress(
  options: Pick<CipherUpgradeOptions, 'databaseFile' | 'key'>,
  progress: UpgradeProgress<'cipher'>,
): Promise<CipherUpgradeOutcome> {
  let begun = false;
  try {
    const outcome = await upgradeProfileCipher({
      ...options,
      onStart: () => {
        begun = true;
        progress.started();
      },
      ...reportingTo(progress),
    });
    if (outcome === 'upgraded') progress.finished();
    return outcome;
  } catch (error) {
    if (begun) progress.failed();
    throw error;
  }
}
