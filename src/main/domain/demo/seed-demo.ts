/** Fills a profile with demo staff and seeded cases (through the real workflow), in batches. */
import type { StaffRef } from '@shared/domain/records';
import { newId, type Clock } from '../clock';
import type { DomainServices } from '../domain-services';
import { generateDemoCases } from './demo-cases';

const DEMO_STAFF = [
  { name: 'Amira Hassan', email: 'amira@example.org', login: 'amira', roles: ['caseworker'], departments: ['Customer service'] },
  { name: 'Tom Fletcher', email: 'tom@example.org', login: 'tom', roles: ['caseworker'], departments: ['Warehouse'] },
  { name: 'Ieva Liepa', email: 'ieva@example.org', login: 'ieva', roles: ['caseworker'], departments: ['Pharmacy'] },
  { name: 'Grace Okafor', email: 'grace@example.org', login: 'grace', roles: ['manager'], departments: [] },
  { name: 'Sam Whitby', email: 'sam@example.org', login: 'sam', roles: ['clerk'], departments: [] },
] as const;

/**
 * Adds the demo staff who are missing (accounts without a password: an administrator sets one
 * before they can sign in); returns every active staff member.
 */
export async function seedDemoStaff(domain: DomainServices, now: Date = new Date()): Promise<StaffRef[]> {
  const existing = await domain.db.staff.find().exec();
  for (const member of DEMO_STAFF) {
    if (existing.some((document) => document.name === member.name || document.login === member.login)) continue;
    await domain.db.staff.insert({
      ...member,
      id: newId(),
      roles: [...member.roles],
      departments: [...member.departments],
      active: true,
      createdAt: now.toISOString(),
      password: null,
    });
  }
  return (await domain.db.staff.find({ selector: { active: true } }).exec()).map((member) => ({ id: member.id, name: member.name }));
}

export async function seedDemoCases(domain: DomainServices, clock: Clock, count: number, seed = 20261125, onProgress?: (done: number) => void): Promise<void> {
  const staff = await seedDemoStaff(domain, clock.now());
  const { slaPolicy } = await domain.settings.values();
  const calendar = await domain.settings.calendar();
  const { deviceCode, first } = await domain.identity.reserveSequences(count);
  const BATCH = 2_000;
  for (let done = 0; done < count; done += BATCH) {
    const batch = generateDemoCases({
      count: Math.min(BATCH, count - done),
      seed: seed + done,
      now: clock.now(),
      calendar,
      policy: slaPolicy,
      staff,
      deviceCode,
      firstSequence: first + done,
    });
    await domain.db.cases.bulkInsert(batch.map((item) => item.record));
    await domain.db.timeline.bulkInsert(batch.flatMap((item) => item.timeline));
    onProgress?.(Math.min(done + BATCH, count));
  }
}
