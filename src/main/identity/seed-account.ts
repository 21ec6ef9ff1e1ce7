/**
 * Development and tests only: a known administrator account, so a fresh profile can be used
 * without going through the first-start screens (the harness's --seed-admin, the unit-test
 * fixture, seeding scripts and benchmarks). Never called by the app itself.
 */
import { STAFF_ROLES } from '../../shared/domain/vocabulary';
import type { StaffMember } from '../../shared/domain/records';
import type { MainServices } from '../services';

export const SEED_ADMIN = { name: 'Administrator', login: 'admin', password: 'plaint-admin-password' } as const;

/** Sets up the team with the seed administrator (holding every role) if it has no account yet; signs them in. */
export async function seedAdministrator(services: Pick<MainServices, 'session' | 'domain' | 'unlockDatabase'>): Promise<StaffMember> {
  // Encrypted at rest without a keychain (P-7.2): the administrator's password opens the database first.
  if (!services.session) await services.unlockDatabase(SEED_ADMIN.login, SEED_ADMIN.password);
  const { session, domain } = services;
  if (!session || !domain) throw new Error('The database is not open: no account can be seeded');
  if (await session.needsSetup()) {
    const organisation = (await domain.settings.values()).organisation.name;
    await session.setUpTeam({
      organisation: { name: organisation },
      administrator: { name: SEED_ADMIN.name, email: '', login: SEED_ADMIN.login, password: SEED_ADMIN.password },
    });
  }
  const found = await domain.db.staff.findOne({ selector: { login: SEED_ADMIN.login } }).exec();
  if (!found) throw new Error(`No account '${SEED_ADMIN.login}' to sign in with`);
  if (STAFF_ROLES.some((role) => !found.roles.includes(role))) await found.incrementalPatch({ roles: [...STAFF_ROLES] });
  await session.signIn(SEED_ADMIN.login, SEED_ADMIN.password);
  return (await domain.db.staff.findOne(found.id).exec())?.toJSON() as StaffMember;
}
