/**
 * This device's identity, kept in an RxDB local document (never replicated): its reference code
 * and sequence (P-3.2), and "who am I", the staff profile recorded as the actor of every change
 * made here, is no longer kept here: the session (identity/session-service.ts) says who is signed
 * in, and `actor()` reads it. `currentStaffId` stays only to find a profile from before accounts.
 */
import crypto from 'node:crypto';
import type { RxDatabase } from 'rxdb';
import { deviceCodeFromRandom, formatReference } from '../../shared/reference/reference-number';
import type { StaffRef } from '../../shared/domain/records';
import type { Viewer } from '../../shared/identity/viewer';
import { newId } from './clock';
import type { DomainDatabase } from './collections';
import { DomainError } from '../../shared/domain/domain-error';

export interface DevicePreferences {
  /** The language of desktop notifications (the renderer tells the main process its choice). */
  language: 'en-GB' | 'lv';
  /** Closing the window keeps Plaint running in the tray. */
  closeToTray: boolean;
  /** Hold desktop notifications outside office hours until the next working morning. */
  holdDuringQuietHours: boolean;
  /** The cache budget for file contents fetched from the team server, in MiB (issue 19). */
  fileCacheMegabytes: number;
}

export const DEFAULT_PREFERENCES: DevicePreferences = { language: 'en-GB', closeToTray: true, holdDuringQuietHours: true, fileCacheMegabytes: 2048 };

interface DeviceState {
  deviceId: string;
  deviceCode: string;
  nextSequence: number;
  /** Before accounts: the profile "who am I" chose (the first administrator set up takes it over). */
  currentStaffId: string | null;
  /** Joined a team's server at first start (its directory is on the way). */
  joinedTeam?: boolean;
  preferences?: DevicePreferences;
  /** Codes this device used before it had to take a new one (their references stay valid). */
  previousCodes?: readonly string[];
}

const DEVICE_DOC = 'device';

export class DeviceIdentity {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: DomainDatabase) {}

  private get local(): RxDatabase {
    return this.db as unknown as RxDatabase;
  }

  async state(): Promise<DeviceState> {
    const found = await this.local.getLocal<DeviceState>(DEVICE_DOC);
    if (found) return found.toJSON().data;
    const created: DeviceState = { deviceId: newId(), deviceCode: deviceCodeFromRandom(crypto.randomBytes(4)), nextSequence: 1, currentStaffId: null };
    await this.local.upsertLocal<DeviceState>(DEVICE_DOC, created);
    return created;
  }

  private update(change: (state: DeviceState) => DeviceState): Promise<DeviceState> {
    const run = this.queue.then(async () => {
      const next = change(await this.state());
      await this.local.upsertLocal<DeviceState>(DEVICE_DOC, next);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The next reference number. The sequence is saved before the number is used, so a crash can
   * skip a number but never hand one out twice.
   */
  async allocateReference(): Promise<string> {
    let sequence = 0;
    const state = await this.update((current) => {
      sequence = current.nextSequence;
      return { ...current, nextSequence: current.nextSequence + 1 };
    });
    return formatReference(state.deviceCode, sequence);
  }

  /** Reserves `count` consecutive sequence numbers (bulk imports, demo data); returns the first. */
  async reserveSequences(count: number): Promise<{ deviceCode: string; first: number }> {
    let first = 0;
    const state = await this.update((current) => {
      first = current.nextSequence;
      return { ...current, nextSequence: current.nextSequence + count };
    });
    return { deviceCode: state.deviceCode, first };
  }

  /**
   * Another device already holds this device's code (found when syncing): take a fresh code that
   * nobody in `taken` holds and start its sequence at 1, so no reference is ever issued twice.
   */
  async takeNewDeviceCode(taken: ReadonlySet<string>): Promise<string> {
    const state = await this.update((current) => {
      let code = current.deviceCode;
      while (taken.has(code) || code === current.deviceCode) code = deviceCodeFromRandom(crypto.randomBytes(4));
      return { ...current, deviceCode: code, nextSequence: 1, previousCodes: [...(current.previousCodes ?? []), current.deviceCode] };
    });
    return state.deviceCode;
  }

  /** After a restore or import: never reuse a sequence already on one of this device's cases. */
  async ensureSequenceAbove(usedSequence: number): Promise<void> {
    await this.update((current) => (current.nextSequence > usedSequence ? current : { ...current, nextSequence: usedSequence + 1 }));
  }

  async preferences(): Promise<DevicePreferences> {
    return { ...DEFAULT_PREFERENCES, ...(await this.state()).preferences };
  }

  async setPreferences(change: Partial<DevicePreferences>): Promise<DevicePreferences> {
    const state = await this.update((current) => ({ ...current, preferences: { ...DEFAULT_PREFERENCES, ...current.preferences, ...change } }));
    return { ...DEFAULT_PREFERENCES, ...state.preferences };
  }

  async setJoinedTeam(): Promise<void> {
    await this.update((current) => ({ ...current, joinedTeam: true }));
  }

  private viewerSource: () => Viewer | null = () => null;

  /** The session tells who is acting (never the renderer). */
  useViewer(source: () => Viewer | null): void {
    this.viewerSource = source;
  }

  /** The signed-in person, or null. */
  viewer(): Viewer | null {
    return this.viewerSource();
  }

  /** The actor of a change: the signed-in account. Nobody signed in: refused, nothing changes. */
  async actor(): Promise<StaffRef> {
    const viewer = this.viewerSource();
    if (!viewer) {
      const message = 'Nobody is signed in on this device.';
      throw new DomainError('UNAUTHENTICATED', message, [{ path: '', code: 'signed_out', message }]);
    }
    return { id: viewer.accountId, name: viewer.name };
  }
}
