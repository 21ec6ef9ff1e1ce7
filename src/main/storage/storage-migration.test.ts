/** RxDB's schema-migration plugin on top of the SQLite storage: v0 documents become v1 documents. */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { sqliteStorage, tempDirectory } from './test-support';

addRxPlugin(RxDBMigrationSchemaPlugin);

interface LetterV0 {
  id: string;
  sender: string;
  receivedOn: string;
}
interface LetterV1 {
  id: string;
  sender: { name: string };
  receivedAt: number;
}

const v0: RxJsonSchema<LetterV0> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, sender: { type: 'string' }, receivedOn: { type: 'string', maxLength: 10 } },
  required: ['id', 'sender', 'receivedOn'],
  indexes: ['receivedOn'],
};

const v1: RxJsonSchema<LetterV1> = {
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    sender: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    receivedAt: { type: 'number', minimum: 0, maximum: 4102444800000, multipleOf: 1 },
  },
  required: ['id', 'sender', 'receivedAt'],
  indexes: ['receivedAt'],
};

describe('schema migration on the SQLite storage', () => {
  it('migrates every document of a collection to the new schema version and keeps it after reopening', async () => {
    const directory = tempDirectory();
    const storage = sqliteStorage({ directory });
    const before = await createRxDatabase<{ letters: RxCollection<LetterV0> }>({ name: 'plaint', storage, multiInstance: false });
    await before.addCollections({ letters: { schema: v0 } });
    await before.letters.bulkInsert(
      Array.from({ length: 250 }, (_, i) => ({ id: `l${i}`, sender: `Sender ${i}`, receivedOn: `2026-11-${String((i % 28) + 1).padStart(2, '0')}` })),
    );
    await before.close();

    const after = await createRxDatabase<{ letters: RxCollection<LetterV1> }>({ name: 'plaint', storage, multiInstance: false });
    await after.addCollections({
      letters: {
        schema: v1,
        migrationStrategies: {
          1: (old: LetterV0): LetterV1 => ({ id: old.id, sender: { name: old.sender }, receivedAt: Date.parse(`${old.receivedOn}T09:00:00Z`) }),
        },
      },
    });
    expect(await after.letters.count().exec()).toBe(250);
    const first = await after.letters.findOne('l0').exec();
    expect(first?.toJSON()).toMatchObject({ id: 'l0', sender: { name: 'Sender 0' }, receivedAt: Date.parse('2026-11-01T09:00:00Z') });
    const ordered = await after.letters.find({ sort: [{ receivedAt: 'desc' }], limit: 1 }).exec();
    expect(ordered[0]?.receivedAt).toBe(Date.parse('2026-11-28T09:00:00Z'));
    await after.close();

    const reopened = await createRxDatabase<{ letters: RxCollection<LetterV1> }>({ name: 'plaint', storage, multiInstance: false });
    await reopened.addCollections({ letters: { schema: v1, migrationStrategies: { 1: (old: LetterV1) => old } } });
    expect(await reopened.letters.count().exec()).toBe(250);
    await reopened.close();
  });
});
