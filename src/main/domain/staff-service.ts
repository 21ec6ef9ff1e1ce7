/** The team directory: staff accounts (login, roles, departments, active), saved by administrators. */
import type { z } from 'zod';
import type { StaffMember } from '../../shared/domain/records';
import type { staffInput } from '../../shared/identity/session-inputs';
import type { Viewer } from '../../shared/identity/viewer';
import { newId, type Clock } from './clock';
import type { DomainDatabase } from './collections';
import { fieldError } from '../../shared/domain/domain-error';
import type { PasswordVerifier } from '../../shared/domain/records';
import { loginClashes, loginKey } from '../../shared/identity/login-clash';

export class StaffService {
  constructor(
    private readonly db: DomainDatabase,
    private readonly clock: Clock,
  ) {}

  /**
   * Adds or edits an account. The login is unique in the team; nobody deactivates themselves or
   * takes away their own administrator role, and the team keeps at least one active administrator.
   * `verifier` is the new account's first password (made by the session, never stored in clear).
   */
  async save(input: z.output<typeof staffInput>, by: Viewer, verifier: PasswordVerifier | null): Promise<StaffMember> {
    const existing = input.id ? ((await this.db.staff.findOne(input.id).exec())?.toJSON() as StaffMember | undefined) : undefined;
    if (input.id && !existing) throw fieldError('id', 'No staff member with this id', 'not_found');
    const everyone = (await this.db.staff.find().exec()).map((document) => document.toJSON() as StaffMember);
    // Unique trimmed and case-insensitively. An account that lost a clash (made offline on two
    // devices) does not block the one that kept the login; it must itself take another.
    const clashes = loginClashes(everyone);
    const holder = everyone.find((member) => member.id !== existing?.id && !clashes.has(member.id) && loginKey(member.login) === loginKey(input.login));
    if (holder) throw fieldError('login', `${holder.name} already has the login ${loginKey(input.login)}`, 'login_taken', { name: holder.name });
    if (existing && existing.id === by.accountId) {
      if (!input.active) throw fieldError('active', 'You cannot deactivate your own account', 'own_profile');
      if (!input.roles.includes('administrator')) throw fieldError('roles', 'You cannot take away your own administrator role', 'own_profile');
    }
    const member: StaffMember = {
      id: existing?.id ?? newId(),
      name: input.name,
      email: input.email,
      login: input.login,
      roles: input.roles,
      departments: [...new Set(input.departments)],
      active: input.active,
      createdAt: existing?.createdAt ?? this.clock.now().toISOString(),
      password: existing?.password ?? verifier,
    };
    const administrators = everyone.filter((other) => other.id !== member.id && other.active && other.roles.includes('administrator'));
    if (administrators.length === 0 && !(member.active && member.roles.includes('administrator')))
      throw fieldError('roles', 'The team needs at least one active administrator', 'last_administrator');
    await this.db.staff.upsert(member);
    return member;
  }
}
