/** Result and event types of the `app.*` methods. */

/** 'locked': encrypted at rest (P-7.2) with no keychain to open it; it opens at the first sign-in. */
export type DatabaseState = 'opening' | 'ready' | 'locked' | 'error' | 'closed';

/** The steps of encrypting a profile from before encryption at rest, in place (P-7.2), in order. */
export const ENCRYPTION_STEPS = ['checked', 'copied', 'encrypted', 'switched', 'done'] as const;
export type EncryptionStep = (typeof ENCRYPTION_STEPS)[number];

/** The steps of moving an encrypted profile from ChaCha20 to AEGIS-256 (P-7.2), in order. */
export const CIPHER_UPGRADE_STEPS = ['checked', 'copied', 'rekeyed', 'switched'] as const;
export type CipherUpgradeStep = (typeof CIPHER_UPGRADE_STEPS)[number];

/** Which start-up upgrade: a plaintext profile encrypted in place, or an encrypted one moved to AEGIS. */
export type ProfileUpgradeKind = 'encrypt' | 'cipher';

interface UpgradeOf<K extends ProfileUpgradeKind, S extends string> {
  readonly kind: K;
  /** The last step reached; null before the first. */
  readonly step: S | null;
  /** While the copy (the backup) is written: how many of the database's bytes are copied; null before. */
  readonly copied: { readonly bytes: number; readonly of: number } | null;
  /** 'failed': the profile is unchanged and opens as it was (the next start tries again). */
  readonly outcome: 'running' | 'finished' | 'failed';
}

/** A start-up upgrade of the profile, as the start, sign-in and recovery screens show it. */
export type ProfileUpgradeStatus = UpgradeOf<'encrypt', EncryptionStep> | UpgradeOf<'cipher', CipherUpgradeStep>;

export interface DatabaseStatus {
  readonly state: DatabaseState;
  /**
   * While the profile is upgraded before it opens (encrypted in place, or moved to AEGIS after its
   * key was unlocked), its progress; after a failed upgrade, kept with outcome 'failed' so the
   * screen can say the profile opened as it was. Absent when there was no upgrade.
   */
  readonly upgrade?: ProfileUpgradeStatus;
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
