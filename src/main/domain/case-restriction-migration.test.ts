/**
 * The cases schema version 2 (P-7.1 restriction): a database written by the previous version
 * opens with every case present and none restricted, so nobody loses or gains access by upgrading.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStorage, tempDirectory } from '../storage/test-support';
import { addDomainCollections, caseSchema, type CaseDocument } from './collections';
import { phoneComplaint, startTestDomain, type TestDomain } from './test-support';

addRxPlugin(RxDBMigrationSchemaPlugin);

type CaseV1 = Omit<CaseDocument, 'restricted' | 'restrictedTo'>;

const { restricted: _restricted, restrictedTo: _restrictedTo, ...v1Properties } = caseSchema.properties;
const caseSchemaV1: RxJsonSchema<CaseV1> = {
  ...caseSchema,
  version: 1,
  properties: v1Properties,
  required: (caseSchema.required ?? []).filter((field) => field !== 'restricted' && field !== 'restrictedTo') as (keyof CaseV1)[],
} as RxJsonSchema<CaseV1>;

// RxDB's open-source build allows 13 open collections per process, and the app opens 13: the
// test domain is closed before the old-version database is opened.
let t: TestDomain | null = null;
afterAll(async () => {
  await t?.close();
});

describe('cases schema v1 → v2 (P-7.1)', () => {
  it('keeps every case and starts each unrestricted', async () => {
    t = await startTestDomain('2026-11-20T09:00:00.000Z');
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-19T10:00:00.000Z', departments: ['Billing'] });
    const { restricted: _r, restrictedTo: _rt, ...stored } = (await t.services.domain!.db.cases.findOne(caseId).exec())!.toJSON() as CaseDocument;
    await t.close();
    t = null;

    const storage = sqliteStorage({ directory: tempDirectory() });
    const before = await createRxDatabase<{ cases: RxCollection<CaseV1> }>({ name: 'migration', storage, multiInstance: false, closeDuplicates: true });
    await before.addCollections({ cases: { schema: caseSchemaV1, migrationStrategies: { 1: (document: CaseV1) => document } } });
    await before.cases.insert(stored as CaseV1);
    await before.close();

    const after = await createRxDatabase({ name: 'migration', storage, multiInstance: false, closeDuplicates: true });
    const domain = await addDomainCollections(after);
    const migrated = (await domain.cases.findOne(caseId).exec())?.toJSON();
    expect(migrated).toMatchObject({ id: caseId, departments: ['Billing'], restricted: false, restrictedTo: [] });
    expect(await domain.cases.count().exec()).toBe(1);
    await after.close();
  });
});
