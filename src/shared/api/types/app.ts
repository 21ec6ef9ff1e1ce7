/** Result and event types of the `app.*` methods. */

/** 'locked': encrypted at rest (P-7.2) with no keychain to open it; it opens at the first sign-in. */
export type DatabaseState = 'opening' | 'ready' | 'locked' | 'error' | 'closed';

export interface DatabaseStatus {
  readonly state: DatabaseState;
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
