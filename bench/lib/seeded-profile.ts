/**
 * A profile in a scratch folder with the real main services and `count` seeded demo cases (the
 * generator drives them through the real workflow), for the benches of the case list and the
 * dashboard. The seed administrator is signed in; the idle lock is off, since no one is at the
 * keyboard and seeding 100 000 cases can outlast it (P-7.2), which would sign the bench out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/main/domain/clock';
import { seedDemoCases } from '../../src/main/domain/demo/seed-demo';
import { seedAdministrator } from '../../src/main/identity/seed-account';
import { startMainServices, type MainServices } from '../../src/main/services';
import { round } from './report';

export interface SeededProfile {
  /** The scratch folder: the profile is `profile/` in it; the bench removes it at the end. */
  readonly scratch: string;
  readonly services: MainServices;
  readonly domain: NonNullable<MainServices['domain']>;
}

export async function startSeededProfile(bench: string, count: number): Promise<SeededProfile> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `plaint-bench-${bench}-`));
  const services = await startMainServices({
    dataDirectory: path.join(scratch, 'profile'),
    host: 'harness',
    appName: 'Plaint',
    version: 'bench',
    idleLock: false,
  });
  const domain = services.domain;
  if (!domain) throw new Error('The database did not open');
  await seedAdministrator(services);
  process.stdout.write(`Seeding ${count} cases…\n`);
  const seeded = Date.now();
  await seedDemoCases(domain, systemClock, count);
  process.stdout.write(`Seeded in ${round((Date.now() - seeded) / 1000, 1)} s\n`);
  return { scratch, services, domain };
}
