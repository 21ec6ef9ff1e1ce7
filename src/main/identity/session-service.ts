/**
 * The session of this device (P-7.1): who is signed in, whether the app is locked, and the first
 * start (set up a new team, or join one). It lives in the main process only; the renderer asks
 * and is told, and never says who it is. The dispatcher reads `viewer()` on every call and the
 * services take the actor of every audit and timeline entry from it.
 *
 * - Sign-in is checked against this device's copy of the team directory (the replicated staff
 *   collection), so it works offline. A deactivated account (here or by sync) cannot sign in,
 *   and is signed out when the change arrives.
 * - Wrong passwords are throttled: after 5 failures in a row for a login, each further attempt
 *   must wait, 30 s doubling up to 15 minutes (measured on the injected clock). Every failure is
 *   logged with the login and the reason, never the password.
 * - The app locks after the team's idle time without activity and when the OS locks or sleeps
 *   (the Electron adapter calls `lock()`); the same person unlocks with their password.
 */
import type { Subscription } from 'rxjs';
import { DomainError } from '../../shared/domain/domain-error';
import type { StaffAccount, StaffMember, StaffRef } from '../../shared/domain/records';
import type { StaffRole } from '../../shared/domain/vocabulary';
import type { SessionState } from '../../shared/identity/session-inputs';
import type { Viewer } from '../../shared/identity/viewer';
import { newId, type Clock } from '../domain/clock';
import type { DomainDatabase } from '../domain/collections';
import type { DeviceIdentity } from '../domain/device-identity';
import type { SettingsService } from '../domain/settings-service';
import type { Logger } from '../logging/logger';
import { DEFAULT_SCRYPT_COST, makeVerifier, verifyPassword, type ScryptCost } from './password';

/** Failures in a row before attempts are delayed. */
export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export interface SessionOptions {
  readonly db: DomainDatabase;
  readonly identity: DeviceIdentity;
  readonly settings: SettingsService;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The cost of new password verifiers (tests use the minimum). */
  readonly scryptCost?: ScryptCost;
  /** Lock after the idle time (off only in tests that move their clock by days between calls). */
  readonly idleLock?: boolean;
  /** Tells the windows the session changed. */
  readonly publish?: (state: SessionState) => void;
  /** Keeps each account's database key slot in step with its password (encryption at rest, P-7.2). */
  readonly passwordSlots?: PasswordSlotKeeper;
}

/**
 * Encryption at rest (P-7.2): each local account's password also opens the database key. The
 * session hands the keeper every password it has just proved or set; the keeper (src/main/protection,
 * wired in services.ts) rewrites the account's slot when it was made for another password.
 */
export interface PasswordSlotKeeper {
  remember(member: StaffMember, password: string): Promise<void>;
}

interface Failures {
  count: number;
  blockedUntil: number;
}

export function viewerOf(member: StaffMember): Viewer {
  return { accountId: member.id, name: member.name, roles: [...member.roles], departments: [...member.departments] };
}

export function publicAccount(member: StaffMember): StaffAccount {
  const { password, ...rest } = member;
  return { ...rest, roles: [...member.roles], departments: [...member.departments], hasPassword: password !== null };
}

/** A deadline notifier recipient has one role: the one that sees most. */
export function leadingRole(roles: readonly StaffRole[]): StaffRole {
  for (const role of ['manager', 'administrator', 'caseworker', 'clerk'] as const) if (roles.includes(role)) return role;
  return 'clerk';
}

function refused(
  kind: 'UNAUTHENTICATED' | 'FORBIDDEN',
  path: string,
  code: 'wrong_password' | 'signed_out' | 'team_exists' | 'own_profile',
  message: string,
): DomainError {
  return new DomainError(kind, message, [{ path, code, message }]);
}

export class SessionService {
  private current: Viewer | null = null;
  private locked = false;
  private lastActivity = 0;
  private idleLockMinutes = 15;
  private readonly failures = new Map<string, Failures>();
  private readonly cost: ScryptCost;
  private readonly subscriptions: Subscription[] = [];

  constructor(private readonly options: SessionOptions) {
    this.cost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
    options.identity.useViewer(() => this.actingViewer());
    // The directory changed (here or by sync): a deactivated account is signed out, changed roles apply at once.
    const directory = options.db.staff.$.subscribe((change) => {
      const signedIn = this.current;
      if (!signedIn || change.documentId !== signedIn.accountId) return;
      const member = change.documentData as StaffMember;
      if (!member.active) {
        options.logger.info('Signed out: the account was deactivated', { accountId: signedIn.accountId });
        this.end();
      } else {
        this.current = viewerOf(member);
        this.announce();
      }
    });
    this.subscriptions.push(
      directory,
      options.db.settings.$.subscribe(() => void this.readIdleSetting()),
    );
    void this.readIdleSetting();
  }

  stop(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  private async readIdleSetting(): Promise<void> {
    try {
      this.idleLockMinutes = (await this.options.settings.values()).security.idleLockMinutes;
    } catch {
      // Keeps the last known value.
    }
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }

  /** Locks when the idle time has passed; true if it did. */
  private lockIfIdle(): boolean {
    if (!this.current || this.locked || this.options.idleLock === false) return false;
    if (this.now() - this.lastActivity < this.idleLockMinutes * 60_000) return false;
    this.options.logger.info('Locked after idle time', { accountId: this.current.accountId, minutes: this.idleLockMinutes });
    this.locked = true;
    this.announce();
    return true;
  }

  /** Who may act now: the signed-in person, or null when signed out or locked. */
  viewer(): Viewer | null {
    this.lockIfIdle();
    return this.locked ? null : this.current;
  }

  /** The signed-in account, locked or not (deadline notifications are still for them). */
  account(): Viewer | null {
    return this.current;
  }

  /** For the services' actor: the same, without moving the idle lock in the middle of a call. */
  private actingViewer(): Viewer | null {
    return this.locked ? null : this.current;
  }

  private async accounts(): Promise<StaffMember[]> {
    return (await this.options.db.staff.find().exec()).map((document) => document.toJSON() as StaffMember);
  }

  /** True while the device has no account that can sign in: first start, or a profile from before accounts. */
  async needsSetup(): Promise<boolean> {
    return !(await this.accounts()).some((member) => member.login !== '' && member.password !== null);
  }

  async state(): Promise<SessionState> {
    await this.readIdleSetting();
    this.lockIfIdle();
    const setupNeeded = await this.needsSetup();
    const organisation = (await this.options.settings.values()).organisation.name;
    const awaitingDirectory = setupNeeded && (await this.options.identity.state()).joinedTeam === true;
    return {
      state: this.current ? (this.locked ? 'locked' : 'signed-in') : setupNeeded ? 'setup-needed' : 'signed-out',
      viewer: this.current,
      idleLockMinutes: this.idleLockMinutes,
      organisation,
      awaitingDirectory,
    };
  }

  private announce(): void {
    const publish = this.options.publish;
    if (!publish) return;
    void this.state().then(publish, () => undefined);
  }

  /** Refuses an attempt while the login is throttled. */
  private checkThrottle(key: string): void {
    const failures = this.failures.get(key);
    const waitMs = failures ? failures.blockedUntil - this.now() : 0;
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      this.options.logger.warn('Sign-in refused: too many wrong passwords', { login: key, failures: failures?.count, waitSeconds: seconds });
      throw new DomainError('THROTTLED', `Too many wrong passwords: try again in ${seconds} s`, [
        { path: '', code: 'too_many_attempts', params: { seconds }, message: `Try again in ${seconds} s` },
      ]);
    }
  }

  private recordFailure(key: string, reason: string): void {
    const failures = this.failures.get(key) ?? { count: 0, blockedUntil: 0 };
    failures.count += 1;
    if (failures.count >= FREE_ATTEMPTS) failures.blockedUntil = this.now() + Math.min(FIRST_DELAY_MS * 2 ** (failures.count - FREE_ATTEMPTS), MAX_DELAY_MS);
    this.failures.set(key, failures);
    this.options.logger.warn('Sign-in failed', { login: key, reason, failures: failures.count });
  }

  async signIn(login: string, password: string): Promise<SessionState> {
    const key = login.trim().toLowerCase();
    this.checkThrottle(key);
    // Logins are unique where accounts are made, but two devices offline could each make one: the
    // password says which of them signs in.
    const candidates = (await this.accounts()).filter((candidate) => candidate.login === key && candidate.login !== '');
    if (candidates.length > 1) this.options.logger.warn('Several accounts share a login', { login: key, accounts: candidates.length });
    let member = candidates[0];
    // The check runs (against a decoy) even for an unknown login: the answer takes as long.
    let matches = await verifyPassword(password, member?.password ?? null, this.cost);
    for (const other of candidates.slice(1)) {
      if (matches && member?.active) break;
      if (await verifyPassword(password, other.password, this.cost)) [member, matches] = [other, true];
    }
    if (!member || !matches || !member.active) {
      this.recordFailure(key, !member ? 'unknown login' : !matches ? 'wrong password' : 'account deactivated');
      throw refused('UNAUTHENTICATED', 'password', 'wrong_password', 'The login or password is not right');
    }
    this.failures.delete(key);
    await this.keepSlot(member, password);
    this.begin(member);
    this.options.logger.info('Signed in', { accountId: member.id });
    return this.state();
  }

  private begin(member: StaffMember): void {
    this.current = viewerOf(member);
    this.locked = false;
    this.lastActivity = this.now();
    this.announce();
  }

  private end(): void {
    this.current = null;
    this.locked = false;
    this.announce();
  }

  signOut(): Promise<SessionState> {
    if (this.current) this.options.logger.info('Signed out', { accountId: this.current.accountId });
    this.end();
    return this.state();
  }

  lock(reason = 'requested'): Promise<SessionState> {
    if (this.current && !this.locked) {
      this.locked = true;
      this.options.logger.info('Locked', { accountId: this.current.accountId, reason });
      this.announce();
    }
    return this.state();
  }

  async unlock(password: string): Promise<SessionState> {
    const signedIn = this.current;
    if (!signedIn) throw refused('UNAUTHENTICATED', '', 'signed_out', 'Nobody is signed in');
    if (!this.locked) return this.state();
    const member = await this.options.db.staff.findOne(signedIn.accountId).exec();
    const account = member?.toJSON() as StaffMember | undefined;
    const key = account?.login ?? signedIn.accountId;
    this.checkThrottle(key);
    if (!account || !account.active || !(await verifyPassword(password, account.password, this.cost))) {
      this.recordFailure(key, 'wrong password at unlock');
      throw refused('UNAUTHENTICATED', 'password', 'wrong_password', 'The password is not right');
    }
    this.failures.delete(key);
    await this.keepSlot(account, password);
    this.begin(account);
    this.options.logger.info('Unlocked', { accountId: account.id });
    return this.state();
  }

  /** The person used the app: the idle time counts from now (unless it already locked). */
  activity(): Promise<SessionState> {
    if (this.current && !this.lockIfIdle() && !this.locked) this.lastActivity = this.now();
    return this.state();
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<SessionState> {
    const viewer = this.viewer();
    if (!viewer) throw refused('UNAUTHENTICATED', '', 'signed_out', 'Nobody is signed in');
    const document = await this.options.db.staff.findOne(viewer.accountId).exec();
    const account = document?.toJSON() as StaffMember | undefined;
    const key = account?.login ?? viewer.accountId;
    this.checkThrottle(key);
    if (!document || !account || !(await verifyPassword(currentPassword, account.password, this.cost))) {
      this.recordFailure(key, 'wrong password at password change');
      throw refused('UNAUTHENTICATED', 'currentPassword', 'wrong_password', 'The current password is not right');
    }
    const changed = await document.incrementalPatch({ password: await makeVerifier(newPassword, this.options.clock.now(), this.cost) });
    await this.keepSlot(changed.toJSON() as StaffMember, newPassword);
    this.options.logger.info('Password changed', { accountId: viewer.accountId });
    return this.state();
  }

  /** An administrator sets a new password for someone (a forgotten password, a new account). */
  async setPassword(staffId: string, password: string): Promise<void> {
    const document = await this.options.db.staff.findOne(staffId).exec();
    if (!document)
      throw new DomainError('NOT_FOUND', `Staff account ${staffId} does not exist.`, [
        { path: 'staffId', code: 'not_found', message: 'No staff account with this id' },
      ]);
    const changed = await document.incrementalPatch({ password: await makeVerifier(password, this.options.clock.now(), this.cost) });
    await this.keepSlot(changed.toJSON() as StaffMember, password);
    this.options.logger.info('Password reset by an administrator', { accountId: staffId, by: this.current?.accountId });
  }

  /** A new account was saved with its first password (made by `verifier`): its key slot is written too. */
  async rememberFirstPassword(verifierSalt: string, password: string): Promise<void> {
    const member = (await this.accounts()).find((candidate) => candidate.password?.salt === verifierSalt);
    if (member) await this.keepSlot(member, password);
  }

  /** A slot that cannot be written is logged, not fatal: the password still signs in, and the keychain or another slot still opens the database. */
  private async keepSlot(member: StaffMember, password: string): Promise<void> {
    const keeper = this.options.passwordSlots;
    if (!keeper) return;
    try {
      await keeper.remember(member, password);
    } catch (error) {
      this.options.logger.error('The database key slot for a password could not be written', {
        accountId: member.id,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }

  verifier(password: string) {
    return makeVerifier(password, this.options.clock.now(), this.cost);
  }

  /**
   * First start, new team: the organisation's name, then the first administrator, signed in.
   * A profile from before accounts keeps its "Administrator" (the one recorded as the actor of
   * its history): that profile becomes the account, so every history entry stays attributed.
   */
  async setUpTeam(input: {
    organisation: { name: string } & Record<string, unknown>;
    administrator: { name: string; email: string; login: string; password: string };
  }): Promise<SessionState> {
    if (!(await this.needsSetup())) throw refused('FORBIDDEN', '', 'team_exists', 'This device already belongs to a team: sign in');
    const values = await this.options.settings.values();
    const legacyId = (await this.options.identity.state()).currentStaffId;
    const legacy = legacyId ? ((await this.options.db.staff.findOne(legacyId).exec())?.toJSON() as StaffMember | undefined) : undefined;
    const member: StaffMember = {
      id: legacy?.id ?? newId(),
      name: input.administrator.name,
      email: input.administrator.email,
      login: input.administrator.login,
      // A new team's first person usually also manages its cases; roles can be changed later.
      roles: [...new Set<StaffRole>([...(legacy?.roles ?? []), 'administrator', 'manager'])],
      departments: [...(legacy?.departments ?? [])],
      active: true,
      createdAt: legacy?.createdAt ?? this.options.clock.now().toISOString(),
      password: await this.verifier(input.administrator.password),
    };
    await this.options.db.staff.upsert(member);
    await this.keepSlot(member, input.administrator.password);
    this.begin(member);
    const actor: StaffRef = { id: member.id, name: member.name };
    if (input.organisation.name !== values.organisation.name || Object.keys(input.organisation).length > 1) {
      await this.options.settings.updateOrganisation(
        { ...values.organisation, addressLines: [...values.organisation.addressLines], ...input.organisation } as Parameters<
          SettingsService['updateOrganisation']
        >[0],
        actor,
      );
    }
    this.options.logger.info('Team set up', { accountId: member.id, migratedProfile: legacy !== undefined });
    return this.state();
  }

  /** The session's own stop: nobody stays signed in past the services. */
  close(): void {
    this.current = null;
    this.stop();
  }
}
