/** Fills a profile with demo staff and seeded cases (through the real workflow), in batches. */
import type { StaffRef } from '../../../shared/domain/records';
import type { Clock } from '../clock';
import type { DomainServices } from '../domain-services';
import { generateDemoCases } from './demo-cases';

const DEMO_STAFF = [
  { name: 'Amira Hassan', email: 'amira@example.org', role: 'caseworker' },
  { name: 'Tom Fletcher', email: 'tom@example.org', role: 'caseworker' },
  { name: 'Ieva Liepa', email: 'ieva@example.org', role: 'caseworker' },
  { name: 'Grace Okafor', email: 'grace@example.org', role: 'manager' },
  { name: 'Sam Whitby', email: 'sam@example.org', role: 'clerk' },
] as const;

/** Adds the demo staff who are missing; returns every active staff member. */
export async function seedDemoStaff(domain: DomainServices): Promise<StaffRef[]> {
  const existing = await domain.db.staff.find().exec();
  for (const member of DEMO_STAFF) {
    if (!existing.some((document) => document.name === member.name)) await domain.staff.save({ ...member, active: true });
  }
  return (await domain.db.staff.find({ selector: { active: true } }).exec()).map((member) => ({ id: member.id, name: member.name }));
}

export async function seedDemoCases(domain: DomainServices, clock: Clock, count: number, seed = 20261125, onProgress?: (done: number) => void): Promise<void> {
  const staff = await seedDemoStaff(domain);
  const { slaPolicy } = await domain.settings.values();
  const calendar = await domain.settings.calendar();
  const { deviceCode, first } = await domain.identity.reserveSequences(count);
  const BATCH = 2_000;
  for (let done = 0; done < count; done += BATCH) {
    const batch = generateDemoCases({ count: Math.min(BATCH, count - done), seed: seed + done, now: clock.now(), calendar, policy: slaPolicy, staff, deviceCode, firstSequence: first + done });
    await domain.db.cases.bulkInsert(batch.map((item) => item.record));
    await domain.db.timeline.bulkInsert(batch.flatMap((item) => item.timeline));
    onProgress?.(Math.min(done + BATCH, count));
  }
}
