/**
 * The profile's database key and its slots (P-7.2). A new profile gets a random 256-bit key;
 * the key file keeps it wrapped by the OS keychain, by each local account's password and by the
 * recovery key. At start the keychain slot (or, before the first password exists on a device
 * without a keychain, the unprotected slot) opens the database at once; otherwise it stays locked
 * until someone signs in and their password opens their slot.
 */
import crypto from 'node:crypto';
import { readKeyFile, writeKeyFile, type KeyFile, type KeySlot, type PasswordSlot } from './key-file';
import type { KeyProtector } from './key-protector';
import { newRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import { deriveWrappingKey, open, seal, type SlotScryptCost } from './sealed-box';

export interface KeyringOptions {
  /** The key slots file (keyFilePath of the database file). */
  readonly file: string;
  /** The OS keychain; null where there is none (Linux basic_text, the harness, scripts). */
  readonly protector: KeyProtector | null;
  /** scrypt cost of new password slots (tests pass the minimum). */
  readonly cost: SlotScryptCost;
}

/** Who a password slot belongs to: the account, its login, and the salt of its current verifier. */
export interface SlotOwner {
  readonly accountId: string;
  readonly login: string;
  readonly verifierSalt: string;
}

export interface KeyringStatus {
  readonly keychain: 'os-keychain' | 'none';
  readonly keychainSlot: boolean;
  readonly passwordSlots: number;
  readonly recoverySlot: boolean;
}

const KEY_BYTES = 32;

function recoveryWrappingKey(recoveryKey: string, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', recoveryKey, salt, 'plaint database key recovery', 32));
}

export class DatabaseKeyring {
  private key: Buffer | null = null;

  private constructor(
    private readonly options: KeyringOptions,
    private content: KeyFile,
  ) {}

  /** A new profile: a random key, sealed by the keychain, or kept unprotected until the first password slot. */
  static create(options: KeyringOptions): DatabaseKeyring {
    const key = crypto.randomBytes(KEY_BYTES);
    const slot: KeySlot = options.protector
      ? { kind: 'keychain', sealed: options.protector.protect(key).toString('base64') }
      : { kind: 'unprotected', key: key.toString('hex') };
    const keyring = new DatabaseKeyring(options, { format: 1, slots: [slot] });
    keyring.key = key;
    keyring.save();
    return keyring;
  }

  /** The profile's keyring, or null when it has no key file. Throws KeyFileError for a damaged one. */
  static load(options: KeyringOptions): DatabaseKeyring | null {
    const content = readKeyFile(options.file);
    return content ? new DatabaseKeyring(options, content) : null;
  }

  /** The key slots file this keyring reads and writes. */
  get file(): string {
    return this.options.file;
  }

  /** The key as SQLite3MultipleCiphers takes it; null while locked. */
  databaseKey(): string | null {
    return this.key ? this.key.toString('hex') : null;
  }

  isUnlocked(): boolean {
    return this.key !== null;
  }

  /** At start: the keychain slot, or the unprotected slot of a profile with no password yet. */
  unlockAtStart(): boolean {
    for (const slot of this.content.slots) {
      if (slot.kind === 'unprotected') return this.accept(Buffer.from(slot.key, 'hex'));
      if (slot.kind === 'keychain' && this.options.protector) {
        try {
          return this.accept(this.options.protector.unprotect(Buffer.from(slot.sealed, 'base64')));
        } catch {
          // Another user's or machine's keychain, or a reset one: the passwords still open it.
        }
      }
    }
    return false;
  }

  /**
   * A person's password opens their slot. An unknown login costs the same scrypt as a known one,
   * and both answer false: a wrong password is not told apart from an unknown login.
   */
  async unlockWithPassword(login: string, password: string): Promise<boolean> {
    const key = login.trim().toLowerCase();
    const slots = this.content.slots.filter((slot): slot is PasswordSlot => slot.kind === 'password' && slot.login === key && key !== '');
    if (slots.length === 0) {
      await deriveWrappingKey(password, crypto.randomBytes(16), this.options.cost);
      return false;
    }
    for (const slot of slots) {
      const opened = open(await deriveWrappingKey(password, Buffer.from(slot.salt, 'base64'), slot), slot.box);
      if (opened) return this.accept(opened);
    }
    return false;
  }

  /** The recovery key shown at set-up opens the recovery slot. */
  unlockWithRecoveryKey(typed: string): boolean {
    const recoveryKey = normaliseRecoveryKey(typed);
    if (!recoveryKey) return false;
    for (const slot of this.content.slots) {
      if (slot.kind !== 'recovery') continue;
      const opened = open(recoveryWrappingKey(recoveryKey, Buffer.from(slot.salt, 'base64')), slot.box);
      if (opened) return this.accept(opened);
    }
    return false;
  }

  private accept(key: Buffer): boolean {
    if (key.length !== KEY_BYTES) return false;
    this.key = key;
    return true;
  }

  private unlockedKey(): Buffer {
    if (!this.key) throw new Error('The database key is locked');
    return this.key;
  }

  /** Whether the account's slot is missing or was written for another password. */
  needsPasswordSlot(owner: SlotOwner): boolean {
    return !this.content.slots.some(
      (slot) => slot.kind === 'password' && slot.accountId === owner.accountId && slot.verifierSalt === owner.verifierSalt && slot.login === owner.login,
    );
  }

  /** (Re)writes the account's password slot; the unprotected slot goes with the first one. */
  async rememberPassword(owner: SlotOwner, password: string): Promise<void> {
    const key = this.unlockedKey();
    const salt = crypto.randomBytes(16);
    const { N, r, p } = this.options.cost;
    const box = seal(await deriveWrappingKey(password, salt, this.options.cost), key);
    const slot: PasswordSlot = {
      kind: 'password',
      accountId: owner.accountId,
      login: owner.login.trim().toLowerCase(),
      verifierSalt: owner.verifierSalt,
      salt: salt.toString('base64'),
      N,
      r,
      p,
      box,
    };
    this.replaceSlots((other) => other.kind === 'unprotected' || (other.kind === 'password' && other.accountId === owner.accountId), [slot]);
  }

  /** A removed or deactivated account's slot goes (false when it had none). */
  forget(accountId: string): boolean {
    if (!this.content.slots.some((slot) => slot.kind === 'password' && slot.accountId === accountId)) return false;
    this.replaceSlots((slot) => slot.kind === 'password' && slot.accountId === accountId, []);
    return true;
  }

  /** Adds the keychain slot when there is a keychain and the profile has none (it was made without one). */
  ensureKeychainSlot(): boolean {
    const protector = this.options.protector;
    if (!protector || this.content.slots.some((slot) => slot.kind === 'keychain')) return false;
    const sealed = protector.protect(this.unlockedKey()).toString('base64');
    this.replaceSlots((slot) => slot.kind === 'unprotected', [{ kind: 'keychain', sealed }]);
    return true;
  }

  /**
   * After the recovery key opened it on a device whose keychain no longer opens the keychain slot
   * (a lost or reset keychain): that slot is replaced by one sealed by this device's keychain, so
   * the next start opens at once again. False where there is no keychain (passwords open it).
   */
  resealForThisDevice(): boolean {
    const protector = this.options.protector;
    if (!protector) return false;
    const sealed = protector.protect(this.unlockedKey()).toString('base64');
    this.replaceSlots((slot) => slot.kind === 'keychain' || slot.kind === 'unprotected', [{ kind: 'keychain', sealed }]);
    return true;
  }

  /** A new recovery key, replacing any earlier one; the caller shows it once and never stores it. */
  createRecoveryKey(at: Date): string {
    const key = this.unlockedKey();
    const recoveryKey = newRecoveryKey();
    const salt = crypto.randomBytes(16);
    const box = seal(recoveryWrappingKey(recoveryKey, salt), key);
    this.replaceSlots((slot) => slot.kind === 'recovery', [{ kind: 'recovery', salt: salt.toString('base64'), createdAt: at.toISOString(), box }]);
    return recoveryKey;
  }

  status(): KeyringStatus {
    const slots = this.content.slots;
    return {
      keychain: this.options.protector ? 'os-keychain' : 'none',
      keychainSlot: slots.some((slot) => slot.kind === 'keychain'),
      passwordSlots: slots.filter((slot) => slot.kind === 'password').length,
      recoverySlot: slots.some((slot) => slot.kind === 'recovery'),
    };
  }

  private replaceSlots(remove: (slot: KeySlot) => boolean, add: KeySlot[]): void {
    const next: KeyFile = { format: 1, slots: [...this.content.slots.filter((slot) => !remove(slot)), ...add] };
    writeKeyFile(this.options.file, next);
    this.content = next;
  }

  private save(): void {
    writeKeyFile(this.options.file, this.content);
  }
}
