/**
 * Test data a spec asks for (`harnessArgs`): demo cases driven through the workflow, or many
 * cases fast for scale tests. Used by the harness and, for the Electron project, by
 * prepare-data.ts before the app starts on the same data directory.
 */
import type { Clock } from '../../src/main/domain/clock';
import { seedDemoCases } from '../../src/main/domain/demo/seed-demo';
import { seedScaleCases } from '../../src/main/domain/demo/scale-seed';
import type { MainServices } from '../../src/main/services';
import { SEED_ADMIN, seedAdministrator } from '../../src/main/identity/seed-account';

export interface SeedRequest {
  /** A team with the seed administrator (every role); the window then signs in through the UI. */
  readonly admin?: boolean;
  /** Benchmarks: the administrator stays signed in (the window opens on the data). */
  readonly staySignedIn?: boolean;
  readonly demo: number;
  readonly scale: number;
}

export async function seedData(services: MainServices, clock: Clock, request: SeedRequest): Promise<void> {
  // Cases are written by someone: seeding cases needs the administrator too.
  if (!request.admin && request.demo === 0 && request.scale === 0) return;
  // A restarted harness has no keychain: its encrypted database opens with the administrator's password.
  if (!services.domain) await services.unlockDatabase(SEED_ADMIN.login, SEED_ADMIN.password).catch(() => undefined);
  if (!services.domain) return;
  await seedAdministrator(services);
  try {
    await seedCases(services, clock, request);
  } finally {
    // The app starts signed out: the window signs in as a person would.
    if (!request.staySignedIn) await services.session?.signOut();
  }
}

async function seedCases(services: MainServices, clock: Clock, request: SeedRequest): Promise<void> {
  const domain = services.domain;
  if (!domain || (await domain.db.cases.count().exec()) > 0) return;
  if (request.demo > 0) await seedDemoCases(domain, clock, request.demo);
  // Scale tests: a thousand cases through the workflow, copied (scale-seed.ts).
  if (request.scale > 0) {
    const started = Date.now();
    await seedScaleCases(domain, clock, request.scale);
    console.error(`harness: seeded ${request.scale} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
