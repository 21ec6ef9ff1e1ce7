/**
 * Sync between devices through CouchDB: the settings a user enters and the status the shell
 * shows. The team's data lives in one CouchDB database per shared collection, named
 * `<database>_<collection>` (e.g. `plaint_cases`), so each replicates on its own change feed.
 */
import { z } from 'zod';
import { pattern, requiredText, text } from './fields';

/** CouchDB's rule for database names, kept short enough for the collection suffix. */
export const COUCH_DATABASE_NAME = /^[a-z][a-z0-9_$()+-]*$/;

/** This computer: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Passwords and case data cross the network only encrypted (P-7.1, P-7.2): https, or plain http
 * to this computer (the local pouchdb-server of development and tests, or a tunnel ending here).
 */
export function isSecureTransport(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

export const syncSettingsInput = z
  .object({
    enabled: z.boolean(),
    serverUrl: z
      .string()
      .trim()
      .max(2_000)
      .refine(
        (value) => {
          try {
            const url = new URL(value);
            return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
          } catch {
            return false;
          }
        },
        { message: 'Enter the server address as http://host:5984 or https://host (without a user name or password)', params: { code: 'server_address' } },
      )
      .refine((value) => !URL.canParse(value) || new URL(value).protocol !== 'http:' || isSecureTransport(new URL(value)), {
        message: 'Use https:// for the team server: plain http:// is allowed only to this computer (localhost, 127.0.0.1, ::1)',
        params: { code: 'insecure_server_address' },
      }),
    database: requiredText(100).refine(
      ...pattern(COUCH_DATABASE_NAME, 'database_name', 'Lower-case letters, digits and _ $ ( ) + - only, starting with a letter'),
    ),
    username: text(200),
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

/**
 * What went wrong, for the status: the server cannot be reached, refuses the user or a change,
 * lacks a database, has an error, is not CouchDB, sent an answer Plaint cannot read
 * (`bad-answer`), or this device could not store what the server sent (`local-write`), or the
 * saved address is plain http:// to another computer (`insecure-address`: sync does not start).
 */
export const SYNC_PROBLEMS = [
  'unreachable',
  'credentials',
  'forbidden',
  'database-missing',
  'refused',
  'server',
  'not-couchdb',
  'bad-answer',
  'local-write',
  'insecure-address',
] as const;
export type SyncProblem = (typeof SYNC_PROBLEMS)[number];

/**
 * Something the user should know that is not a failure: the server went back to an older copy
 * (restored from a backup) or its databases were replaced, and this device is sending again
 * what the server lacks.
 */
export const SYNC_NOTICES = ['server-restored', 'server-replaced'] as const;
export type SyncNoticeKind = (typeof SYNC_NOTICES)[number];

export interface SyncNotice {
  readonly kind: SyncNoticeKind;
  /** How many local documents the server lacked when it was noticed. */
  readonly resending: number;
  readonly message: string;
  readonly at: string;
}

export interface SyncStatus {
  readonly state: SyncState;
  /**
   * Local changes not yet accepted by the server; null while it cannot be known (replications
   * starting or restarting): never 0 by default, so "up to date" is never shown by mistake.
   */
  readonly pending: number | null;
  /** When this device and the server last held the same data. */
  readonly lastSyncedAt: string | null;
  readonly problem: { readonly kind: SyncProblem; readonly message: string } | null;
  /** When the next attempt runs after a failure (back-off). */
  readonly nextRetryAt: string | null;
  readonly notice: SyncNotice | null;
  /** Documents from the server this device refused (Settings → Sync lists them). */
  readonly quarantined: number;
  /** The server lets anyone in without a login (shown as a warning; sync goes on). */
  readonly serverWarning: ServerWarning | null;
}

export const QUARANTINE_REASONS = ['invalid', 'rewritten', 'deletion-refused', 'deleted-before-arrival'] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** A document this device refused from the server, and why (shown to administrators). */
export interface QuarantineEntry {
  readonly id: string;
  readonly collection: string;
  readonly documentId: string;
  readonly serverRevision: string;
  /**
   * - `invalid`: it breaks the record's rules (the issues name the fields and rules);
   * - `rewritten`: a record written once (audit trail, scans, a letter's content) came back changed;
   * - `deletion-refused`: the server deleted something Plaint never deletes, or a case worked on since;
   * - `deleted-before-arrival`: it was deleted on the server before this device received it.
   */
  readonly reason: QuarantineReason;
  readonly issues: readonly string[];
  /** This device gave the server its own copy back. */
  readonly healed: boolean;
  readonly at: string;
}

/**
 * The server answered without a login: `no-login` when anyone may read the team's databases
 * anonymously (GET /<database> answers 200 without credentials), `admin-party` when an anonymous
 * request is even a server administrator (CouchDB's "admin party", no administrator set up).
 */
export const SERVER_WARNINGS = ['no-login', 'admin-party'] as const;
export type ServerWarning = (typeof SERVER_WARNINGS)[number];

/** "Prepare the server": a CouchDB administrator's name and password, used once and never stored (empty: this device's sync user). */
export const prepareServerInput = z.object({ username: z.string().trim().max(200), password: z.string().max(1_000) }).strict();

/** What "Prepare the server" did in each team database. */
export interface ServerPreparation {
  readonly databases: readonly { readonly database: string; readonly outcome: 'installed' | 'updated' | 'unchanged'; readonly version: string }[];
}
