/**
 * The cases schema version 3 (issue 16, P-5.3): a database written by the previous version, whose
 * cases carry a free-text `rootCause`, opens with that text kept as the note beside the structured
 * cause (`rootCauseNote`) and no structured cause chosen, so nothing written is lost.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStorage, tempDirectory } from '../storage/test-support';
import { addDomainCollections, caseSchema, type CaseDocument } from './collections';
import { phoneComplaint, startTestDomain, type TestDomain } from './test-support';

addRxPlugin(RxDBMigrationSchemaPlugin);

type CaseV2 = Omit<CaseDocument, 'rootCauseId' | 'rootCauseNote'> & { rootCause: string };

const { rootCauseId: _id, rootCauseNote: _note, ...currentProperties } = caseSchema.properties;
const caseSchemaV2: RxJsonSchema<CaseV2> = {
  ...caseSchema,
  version: 2,
  properties: { ...currentProperties, rootCause: { type: 'string' } },
} as RxJsonSchema<CaseV2>;

// RxDB's open-source build allows 13 open collections per process, and the app opens 13: the
// test domain is closed before the old-version database is opened.
let t: TestDomain | null = null;
afterAll(async () => {
  await t?.close();
});

describe('cases schema v2 → v3 (P-5.3)', () => {
  it('keeps the free-text root cause as the note, with no structured cause chosen', async () => {
    t = await startTestDomain('2026-11-20T09:00:00.000Z');
    const { caseId: withText } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-19T10:00:00.000Z' });
    const { caseId: withoutText } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-19T11:00:00.000Z' });
    const oldShape = async (caseId: string, rootCause: string): Promise<CaseV2> => {
      const { rootCauseId: _i, rootCauseNote: _n, ...stored } = (await t!.services.domain!.db.cases.findOne(caseId).exec())!.toJSON() as CaseDocument;
      return { ...stored, rootCause } as CaseV2;
    };
    const oldCases = [await oldShape(withText, 'Faulty sensor batch from supplier'), await oldShape(withoutText, '')];
    await t.close();
    t = null;

    const storage = sqliteStorage({ directory: tempDirectory() });
    const before = await createRxDatabase<{ cases: RxCollection<CaseV2> }>({ name: 'migration', storage, multiInstance: false, closeDuplicates: true });
    await before.addCollections({
      cases: { schema: caseSchemaV2, migrationStrategies: { 1: (document: CaseV2) => document, 2: (document: CaseV2) => document } },
    });
    await before.cases.bulkInsert(oldCases);
    await before.close();

    const after = await createRxDatabase({ name: 'migration', storage, multiInstance: false, closeDuplicates: true });
    const domain = await addDomainCollections(after);
    const migrated = (await domain.cases.findOne(withText).exec())?.toJSON();
    expect(migrated).toMatchObject({ id: withText, rootCauseId: null, rootCauseNote: 'Faulty sensor batch from supplier' });
    expect(migrated).not.toHaveProperty('rootCause');
    expect((await domain.cases.findOne(withoutText).exec())?.toJSON()).toMatchObject({ rootCauseId: null, rootCauseNote: '' });
    expect(await domain.cases.count().exec()).toBe(2);
    await after.close();
  });
});
