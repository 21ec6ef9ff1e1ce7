/**
 * Backup and restore (issue 14): what an administrator sets (the folder, how many generations to
 * keep, daily backups on or off) and what Settings shows (the last result and the generations).
 */
import { z } from 'zod';
import type { IssueCode, IssueParams } from './issue-codes';

export const DEFAULT_BACKUP_GENERATIONS = 7;
export const MAX_BACKUP_GENERATIONS = 365;

export const backupSettingsInput = z
  .object({
    folder: z.string().trim().min(1).max(4_000),
    keep: z.number().int().min(1).max(MAX_BACKUP_GENERATIONS),
    daily: z.boolean(),
  })
  .strict();
export type BackupSettingsInput = z.output<typeof backupSettingsInput>;

export const restoreBackupInput = z
  .object({
    /** A generation folder in the backup folder. */
    from: z.string().trim().min(1).max(4_000),
    /** A new, empty (or missing) folder for the restored profile. */
    dataDirectory: z.string().trim().min(1).max(4_000),
  })
  .strict();

export interface BackupSettings {
  readonly folder: string | null;
  readonly keep: number;
  readonly daily: boolean;
}

export interface BackupOutcome {
  readonly at: string;
  readonly trigger: 'manual' | 'daily';
  /** The generation written, or null when the backup failed. */
  readonly generation: string | null;
  /** Why it failed, as an issue code the renderer translates (English message for the log). */
  readonly error: { readonly code: IssueCode; readonly params?: IssueParams; readonly message: string } | null;
}

export interface BackupGeneration {
  readonly name: string;
  readonly createdAt: string;
  readonly bytes: number;
  readonly appVersion: string;
  readonly documents: number;
}

export interface BackupView {
  readonly settings: BackupSettings;
  readonly last: BackupOutcome | null;
  readonly running: boolean;
  readonly generations: readonly BackupGeneration[];
}

export interface RestoreOutcome {
  readonly dataDirectory: string;
  readonly generation: string;
  readonly createdAt: string;
  readonly collections: number;
  readonly documents: number;
}
