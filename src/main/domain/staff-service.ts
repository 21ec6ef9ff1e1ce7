/** Staff profiles and "who am I" on this device. */
import type { z } from 'zod';
import type { StaffMember } from '../../shared/domain/records';
import type { staffInput } from '../../shared/domain/settings-inputs';
import { newId, type Clock } from './clock';
import type { DomainDatabase } from './collections';
import type { DeviceIdentity } from './device-identity';
import { fieldError } from '../../shared/domain/domain-error';

export class StaffService {
  constructor(
    private readonly db: DomainDatabase,
    private readonly identity: DeviceIdentity,
    private readonly clock: Clock,
  ) {}

  async save(input: z.output<typeof staffInput>): Promise<StaffMember> {
    const existing = input.id ? await this.db.staff.findOne(input.id).exec() : null;
    if (input.id && !existing) throw fieldError('id', 'No staff member with this id', 'not_found');
    const me = await this.identity.ensureCurrentStaff();
    if (existing && existing.id === me.id && !input.active) throw fieldError('active', 'You cannot deactivate your own profile; choose another profile first', 'own_profile');
    const member: StaffMember = {
      id: existing?.id ?? newId(),
      name: input.name,
      email: input.email,
      role: input.role,
      active: input.active,
      createdAt: existing?.createdAt ?? this.clock.now().toISOString(),
    };
    await this.db.staff.upsert(member);
    return member;
  }

  async setCurrent(staffId: string): Promise<void> {
    const member = await this.db.staff.findOne(staffId).exec();
    if (!member) throw fieldError('staffId', 'No staff member with this id', 'not_found');
    if (!member.active) throw fieldError('staffId', `${member.name} is no longer active`, 'inactive');
    await this.identity.setCurrentStaff(staffId);
  }
}
