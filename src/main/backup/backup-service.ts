/**
 * Backups of the open profile (issue 14): the administrator's settings for this device (kept in
 * a local, never-synced document: the folder is a path on this computer), "Back up now", a daily
 * backup while the app runs, and the last result in words for Settings.
 *
 * The daily check runs hourly on injected timers (as the deadline notifier's): a backup is due
 * when daily backups are on, a folder is set, no backup succeeded in the last 24 hours and none
 * was tried in the last hour (an unplugged drive is tried again an hour later, not every minute).
 */
import type { RxDatabase } from 'rxdb';
import { DomainError } from '../../shared/domain/domain-error';
import {
  DEFAULT_BACKUP_GENERATIONS,
  type BackupGeneration,
  type BackupOutcome,
  type BackupSettings,
  type BackupSettingsInput,
  type BackupView,
} from '../../shared/domain/backup';
import type { Logger } from '../logging/logger';
import { backupError } from './backup-errors';
import { checkBackupFolder } from './backup-folder';
import { readManifest } from './backup-manifest';
import { listGenerations } from './generations';
import { profileConnection } from './profile-connection';
import { takeBackup } from './take-backup';
import path from 'node:path';

export interface BackupTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface BackupServiceOptions {
  readonly database: RxDatabase;
  /** The profile's encryption key, when it has one. */
  readonly key?: string;
  /** The profile's key file, when it is encrypted: each backup carries its wrapped key slots. */
  readonly keyFile?: string;
  readonly now: () => Date;
  readonly timers: BackupTimers;
  readonly appName: string;
  readonly appVersion: string;
  readonly logger: Logger;
}

interface BackupState {
  readonly settings: BackupSettings;
  readonly last: BackupOutcome | null;
  readonly lastSuccessAt: string | null;
}

const STATE_DOC = 'backup-state';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** The first daily check waits for start-up to settle. */
export const FIRST_CHECK_MS = 60 * 1000;
export const CHECK_EVERY_MS = HOUR_MS;

const DEFAULT_STATE: BackupState = { settings: { folder: null, keep: DEFAULT_BACKUP_GENERATIONS, daily: true }, last: null, lastSuccessAt: null };

export class BackupService {
  private running: Promise<unknown> | null = null;
  private timer: unknown = null;
  private stopped = false;

  constructor(private readonly options: BackupServiceOptions) {}

  private async state(): Promise<BackupState> {
    const found = await this.options.database.getLocal<BackupState>(STATE_DOC);
    return found ? { ...DEFAULT_STATE, ...found.toJSON().data } : DEFAULT_STATE;
  }

  private async save(state: BackupState): Promise<void> {
    await this.options.database.upsertLocal<BackupState>(STATE_DOC, state);
  }

  async view(): Promise<BackupView> {
    const state = await this.state();
    return {
      settings: state.settings,
      last: state.last,
      running: this.running !== null,
      generations: state.settings.folder ? generationsIn(state.settings.folder) : [],
    };
  }

  /** A folder that is missing, a file or not writable is refused, and the settings stay as they were. */
  async configure(input: BackupSettingsInput): Promise<BackupView> {
    const folder = checkBackupFolder(input.folder);
    const state = await this.state();
    await this.save({ ...state, settings: { folder, keep: input.keep, daily: input.daily } });
    return this.view();
  }

  /** "Back up now": the outcome is recorded either way; a failure is also thrown for the caller. */
  async backUpNow(): Promise<BackupView> {
    const outcome = await this.run('manual');
    if (outcome.error)
      throw new DomainError('VALIDATION_FAILED', outcome.error.message, [
        { path: '', code: outcome.error.code, message: outcome.error.message, ...(outcome.error.params ? { params: outcome.error.params } : {}) },
      ]);
    return this.view();
  }

  start(): void {
    this.stopped = false;
    this.arm(FIRST_CHECK_MS);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
  }

  /** Resolves when a backup under way has finished (closing waits for it). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = this.options.timers.set(() => void this.check().finally(() => this.arm(CHECK_EVERY_MS)), ms);
  }

  /** The daily check (exposed for tests through the timers). */
  async check(): Promise<void> {
    try {
      const state = await this.state();
      const now = this.options.now().getTime();
      const since = (at: string | null | undefined) => (at ? now - Date.parse(at) : Number.POSITIVE_INFINITY);
      if (!state.settings.daily || !state.settings.folder || this.running) return;
      if (since(state.lastSuccessAt) < DAY_MS || since(state.last?.at) < HOUR_MS) return;
      await this.run('daily');
    } catch (error) {
      this.options.logger.error('The daily backup check failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private async run(trigger: BackupOutcome['trigger']): Promise<BackupOutcome> {
    if (this.running) throw backupError('backup_running', 'A backup is already running.', undefined, 'CONFLICT');
    const work = this.backUp(trigger);
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
    }
  }

  private async backUp(trigger: BackupOutcome['trigger']): Promise<BackupOutcome> {
    const state = await this.state();
    const at = this.options.now();
    let outcome: BackupOutcome;
    try {
      if (!state.settings.folder) throw backupError('backup_folder_not_set', 'Choose a backup folder first.');
      const result = await takeBackup({
        db: profileConnection(this.options.database),
        ...(this.options.key !== undefined ? { key: this.options.key } : {}),
        ...(this.options.keyFile !== undefined ? { keyFile: this.options.keyFile } : {}),
        folder: state.settings.folder,
        keep: state.settings.keep,
        appName: this.options.appName,
        appVersion: this.options.appVersion,
        now: at,
      });
      outcome = { at: at.toISOString(), trigger, generation: result.generation, error: null };
      this.options.logger.info('Backup written', { generation: result.generation, trigger, pruned: result.pruned.length });
    } catch (error) {
      const issue = error instanceof DomainError ? error.issues[0] : undefined;
      const message = error instanceof Error ? error.message : String(error);
      outcome = {
        at: at.toISOString(),
        trigger,
        generation: null,
        error: issue ? { code: issue.code, message: issue.message, ...(issue.params ? { params: issue.params } : {}) } : { code: 'backup_failed', message },
      };
      this.options.logger.error('Backup failed', { trigger, error: message });
    }
    const latest = await this.state();
    await this.save({ ...latest, last: outcome, lastSuccessAt: outcome.error ? latest.lastSuccessAt : outcome.at });
    return outcome;
  }
}

function generationsIn(folder: string): BackupGeneration[] {
  return listGenerations(folder).flatMap((name) => {
    try {
      const manifest = readManifest(path.join(folder, name));
      return [
        {
          name,
          createdAt: manifest.createdAt,
          bytes: manifest.fileBytes,
          appVersion: manifest.app.version,
          documents: manifest.collections.reduce((sum, entry) => sum + entry.documents, 0),
        },
      ];
    } catch {
      return [];
    }
  });
}
