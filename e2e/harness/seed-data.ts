/**
 * Test data a spec asks for (`harnessArgs`): demo cases driven through the workflow, or many
 * cases fast for scale tests. Used by the harness and, for the Electron project, by
 * prepare-data.ts before the app starts on the same data directory.
 */
import type { Clock } from '../../src/main/domain/clock';
import { seedDemoCases } from '../../src/main/domain/demo/seed-demo';
import { seedScaleCases } from '../../src/main/domain/demo/scale-seed';
import type { MainServices } from '../../src/main/services';

export interface SeedRequest {
  readonly demo: number;
  readonly scale: number;
}

export async function seedData(services: MainServices, clock: Clock, request: SeedRequest): Promise<void> {
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
