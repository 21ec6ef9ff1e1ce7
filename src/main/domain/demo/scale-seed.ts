/**
 * A large set of cases for scale tests (the 100 000-case list e2e test), written in seconds.
 *
 * The demo seeder drives every case through the workflow and inserts through RxDB's document
 * layer: about 90 s for 100 000 cases on an idle 2-core machine, over two minutes on a busy one
 * (issue 11). Here a thousand cases are driven through the real workflow, as the demo seeder does,
 * and copied under new ids and references; every copy is therefore a state the app can reach, with
 * its timeline. They are written through each collection's storage instance (schema-validated, one
 * SQLite transaction per batch), skipping the document objects RxDB would build for each insert.
 */
import type { RxCollection, RxStorageBulkWriteResponse } from 'rxdb';
import type { TimelineEntry } from '@shared/domain/records';
import { formatReference } from '@shared/reference/reference-number';
import type { Clock } from '../clock';
import type { CaseDocument } from '../collections';
import type { DomainServices } from '../domain-services';
import { generateDemoCases, type DemoCase } from './demo-cases';
import { seedDemoStaff } from './seed-demo';

const DISTINCT_CASES = 1_000;
const BATCH = 10_000;

function copyOf(template: DemoCase, index: number, deviceCode: string, sequence: number): DemoCase {
  const id = `scale-${String(index).padStart(8, '0')}`;
  const record: CaseDocument = { ...template.record, id, reference: formatReference(deviceCode, sequence) };
  const timeline = template.timeline.map((entry, order): TimelineEntry => ({ ...entry, id: `${id}-${order}`, caseId: id }));
  return { record, timeline };
}

async function writeThroughStorage<T>(collection: RxCollection<T>, documents: readonly T[]): Promise<void> {
  for (let start = 0; start < documents.length; start += BATCH) {
    const rows = documents.slice(start, start + BATCH).map((document) => ({ document: { ...document, _deleted: false, _attachments: {} } }));
    // eslint-disable-next-line no-restricted-syntax -- a seed below RxDB on purpose (the storage fills revision and metadata); it runs only in the harness and benchmarks.
    const result = (await collection.storageInstance.bulkWrite(rows as never, 'plaint-scale-seed')) as RxStorageBulkWriteResponse<T>;
    if (result.error.length > 0)
      throw new Error(`Seeding ${collection.name} failed for ${result.error.length} documents (first: status ${result.error[0]?.status})`);
  }
}

export async function seedScaleCases(domain: DomainServices, clock: Clock, count: number, seed = 20261125): Promise<void> {
  const staff = await seedDemoStaff(domain, clock.now());
  const { slaPolicy } = await domain.settings.values();
  const calendar = await domain.settings.calendar();
  const { deviceCode, first } = await domain.identity.reserveSequences(count);
  const templates = generateDemoCases({
    count: Math.min(DISTINCT_CASES, count),
    seed,
    now: clock.now(),
    calendar,
    policy: slaPolicy,
    staff,
    deviceCode,
    firstSequence: first,
  });
  const cases = Array.from({ length: count }, (_, index) => copyOf(templates[index % templates.length] as DemoCase, index, deviceCode, first + index));
  await writeThroughStorage(
    domain.db.cases,
    cases.map((item) => item.record),
  );
  await writeThroughStorage(
    domain.db.timeline,
    cases.flatMap((item) => item.timeline),
  );
}
