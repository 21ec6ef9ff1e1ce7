/** Result and event types of the `app.*` methods. */

/** 'locked': encrypted at rest (P-7.2) with no keychain to open it; it opens at the first sign-in. */
export type DatabaseState = 'opening' | 'ready' | 'locked' | 'error' | 'closed';

/** The steps of encrypting a profile from before encryption at rest, in place (P-7.2), in order. */
export const ENCRYPTION_STEPS = ['checked', 'copied', 'encrypted', 'switched', 'done'] as const;
export type EncryptionStep = (typeof ENCRYPTION_STEPS)[number];

export interface DatabaseStatus {
  readonly state: DatabaseState;
  /**
   * While 'opening' a profile from before encryption at rest: it is being encrypted in place, and
   * the last step reached (null before the first). Absent otherwise.
   */
  readonly encryption?: { readonly step: EncryptionStep | null };
  /** Absolute path of the database file, when one is open or was attempted. */
  readonly file: string | null;
  /** What went wrong, in words a user can act on; null when healthy. */
  readonly message: string | null;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** Where this profile keeps its database, logs and scans. */
  readonly dataDirectory: string;
  readonly logFile: string;
  /** 'electron' in the desktop app; 'harness' when the browser test harness hosts the services. */
  readonly host: 'electron' | 'harness';
  readonly database: DatabaseStatus;
  readonly startedAt: string;
}

export interface AppStatus {
  readonly database: DatabaseStatus;
}

export interface PingResult {
  readonly pong: true;
  readonly message: string | null;
  readonly receivedAt: string;
}

export interface ReportErrorResult {
  readonly logged: true;
}
