/**
 * This device's identity, kept in an RxDB local document (never replicated): its reference code
 * and sequence (P-3.2), and "who am I", the staff profile recorded as the actor of every change
 * made here (real sign-in comes later).
 */
import crypto from 'node:crypto';
import type { RxDatabase } from 'rxdb';
import { deviceCodeFromRandom, formatReference } from '../../shared/reference/reference-number';
import type { StaffMember, StaffRef } from '../../shared/domain/records';
import type { Clock } from './clock';
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
}

export const DEFAULT_PREFERENCES: DevicePreferences = { language: 'en-GB', closeToTray: true, holdDuringQuietHours: true };

interface DeviceState {
  deviceId: string;
  deviceCode: string;
  nextSequence: number;
  currentStaffId: string | null;
  preferences?: DevicePreferences;
  /** Codes this device used before it had to take a new one (their references stay valid). */
  previousCodes?: readonly string[];
}

const DEVICE_DOC = 'device';

export class DeviceIdentity {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DomainDatabase,
    private readonly clock: Clock,
  ) {}

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

  async setCurrentStaff(staffId: string): Promise<void> {
    await this.update((current) => ({ ...current, currentStaffId: staffId }));
  }

  /** On a fresh install there is no staff profile yet: create an administrator and use it. */
  async ensureCurrentStaff(): Promise<StaffMember> {
    const state = await this.state();
    const current = state.currentStaffId ? await this.db.staff.findOne(state.currentStaffId).exec() : null;
    if (current) return current.toJSON() as StaffMember;
    const anyone = await this.db.staff.findOne({ selector: { active: true } }).exec();
    const member: StaffMember =
      (anyone?.toJSON() as StaffMember | undefined) ??
      (await this.db.staff.insert({ id: newId(), name: 'Administrator', email: '', role: 'administrator', active: true, createdAt: this.clock.now().toISOString() })).toJSON();
    await this.setCurrentStaff(member.id);
    return member;
  }

  async actor(): Promise<StaffRef> {
    const member = await this.ensureCurrentStaff();
    if (!member.active) {
      const message = `${member.name} is no longer an active staff member. Choose who you are in Settings.`;
      throw new DomainError('FORBIDDEN', message, [{ path: '', code: 'staff_inactive', params: { name: member.name }, message }]);
    }
    return { id: member.id, name: member.name };
  }
}
