/**
 * Sync between devices through CouchDB: the settings a user enters and the status the shell
 * shows. The team's data lives in one CouchDB database per shared collection, named
 * `<database>_<collection>` (e.g. `plaint_cases`), so each replicates on its own change feed.
 */
import { z } from 'zod';

/** CouchDB's rule for database names, kept short enough for the collection suffix. */
export const COUCH_DATABASE_NAME = /^[a-z][a-z0-9_$()+-]*$/;

export const syncSettingsInput = z
  .object({
    enabled: z.boolean(),
    serverUrl: z
      .string()
      .trim()
      .max(2_000)
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
        } catch {
          return false;
        }
      }, 'Enter the server address as http://host:5984 or https://host (without a user name or password)'),
    database: z.string().trim().min(1, 'Required').max(100).regex(COUCH_DATABASE_NAME, 'Lower-case letters, digits and _ $ ( ) + - only, starting with a letter'),
    username: z.string().trim().max(200),
    /** Absent: keep the saved password. Empty: forget it. */
    password: z.string().max(1_000).optional(),
  })
  .strict();

export type SyncSettingsInput = z.output<typeof syncSettingsInput>;

export interface SyncSettingsView {
  readonly enabled: boolean;
  readonly serverUrl: string;
  readonly database: string;
  readonly username: string;
  readonly hasPassword: boolean;
  /** Where the password is kept: the operating system's keychain (Electron safeStorage), or memory only. */
  readonly passwordStorage: 'os-keychain' | 'memory';
}

export const SYNC_STATES = ['off', 'offline', 'connecting', 'syncing', 'up-to-date', 'error'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const SYNC_PROBLEMS = ['unreachable', 'credentials', 'forbidden', 'database-missing', 'refused', 'server', 'not-couchdb'] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

export interface SyncStatus {
  readonly state: SyncState;
  /** Local changes not yet accepted by the server. */
  readonly pending: number;
  /** When this device and the server last held the same data. */
  readonly lastSyncedAt: string | null;
  readonly problem: { readonly kind: SyncProblem; readonly message: string } | null;
  /** When the next attempt runs after a failure (back-off). */
  readonly nextRetryAt: string | null;
}
