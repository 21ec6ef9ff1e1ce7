/**
 * A user-level operation is all-or-nothing: the documents of a change set, in several collections,
 * are stored together in one SQLite transaction, or none of them is (conflict, schema violation,
 * full disk). RxDB sees committed writes as usual.
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteStorage, tempDirectory } from '../storage/test-support';
import { unwrapSqliteInstance } from '../storage/unwrap';
import { StorageError } from '../storage/storage-errors';
import { ChangeSet, commitPlanned, isWriteConflict } from './change-set';

interface Parcel {
  id: string;
  owner: string;
  label: string;
  weight: number;
}

interface Entry {
  id: string;
  parcelId: string;
  text: string;
}

const parcelSchema: RxJsonSchema<Parcel> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, owner: { type: 'string', maxLength: 40 }, label: { type: 'string', minLength: 1 }, weight: { type: 'number', minimum: 0 } },
  required: ['id', 'owner', 'label', 'weight'],
  indexes: ['owner'],
};

const entrySchema: RxJsonSchema<Entry> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, parcelId: { type: 'string', maxLength: 40 }, text: { type: 'string' } },
  required: ['id', 'parcelId', 'text'],
  indexes: ['parcelId'],
};

type Collections = { parcels: RxCollection<Parcel>; entries: RxCollection<Entry> };
let db: RxDatabase<Collections>;

beforeEach(async () => {
  db = await createRxDatabase<Collections>({ name: 'plaint', storage: sqliteStorage({ directory: tempDirectory('plaint-change-set-') }), multiInstance: false });
  await db.addCollections({ parcels: { schema: parcelSchema }, entries: { schema: entrySchema } });
});

afterEach(async () => {
  await db.close();
});

const parcel = (id: string, label = `Parcel ${id}`): Parcel => ({ id, owner: 'o1', label, weight: 1 });
const entry = (id: string, parcelId: string): Entry => ({ id, parcelId, text: `Entry ${id}` });

async function counts(): Promise<{ parcels: number; entries: number }> {
  return { parcels: await db.parcels.count().exec(), entries: await db.entries.count().exec() };
}

describe('a change set', () => {
  it('stores documents of several collections together, and RxDB sees them at once', async () => {
    const seen: string[] = [];
    const subscription = db.entries.$.subscribe((event) => seen.push(event.documentId));
    await new ChangeSet().insert(db.parcels, parcel('a')).insert(db.entries, entry('e1', 'a'), entry('e2', 'a')).commit();
    subscription.unsubscribe();
    expect(await counts()).toEqual({ parcels: 1, entries: 2 });
    expect((await db.parcels.findOne('a').exec())?.label).toBe('Parcel a');
    expect(seen.sort()).toEqual(['e1', 'e2']);
  });

  it('updates and removes against the revision that was read', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a'), parcel('b')).commit();
    const a = await db.parcels.findOne('a').exec();
    const b = await db.parcels.findOne('b').exec();
    await new ChangeSet().update(db.parcels, a!, { ...parcel('a'), weight: 7 }).remove(db.parcels, b!).commit();
    expect((await db.parcels.findOne('a').exec())?.weight).toBe(7);
    expect(await db.parcels.findOne('b').exec()).toBeNull();
  });

  it('writes nothing when one document changed after it was read (a conflict), in any collection', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    const stale = await db.parcels.findOne('a').exec();
    await new ChangeSet().update(db.parcels, stale!, { ...parcel('a'), weight: 2 }).commit();
    const error = await new ChangeSet()
      .insert(db.entries, entry('e1', 'a'))
      .update(db.parcels, stale!, { ...parcel('a'), weight: 3 })
      .commit()
      .catch((caught: unknown) => caught);
    expect(isWriteConflict(error)).toBe(true);
    expect(await counts()).toEqual({ parcels: 1, entries: 0 });
    expect((await db.parcels.findOne('a').exec())?.weight).toBe(2);
  });

  it('writes nothing when a document breaks its schema, and names the field but not its value', async () => {
    const error = await new ChangeSet()
      .insert(db.parcels, parcel('a'))
      .insert(db.entries, { id: 'e1', parcelId: 'a', text: 42 } as unknown as Entry)
      .commit()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).kind).toBe('INVALID_DOCUMENT');
    expect((error as StorageError).message).toContain('/text');
    expect(await counts()).toEqual({ parcels: 0, entries: 0 });
  });

  it('writes nothing when the disk fills in the middle of the transaction', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    const connection = unwrapSqliteInstance(db.parcels.storageInstance)!.internals.connection;
    const pages = connection.db.pragma('page_count', { simple: true }) as number;
    connection.db.pragma(`max_page_count = ${pages + 2}`);
    const big = Array.from({ length: 40 }, (_, index) => ({ ...entry(`e${index}`, 'a'), text: 'x'.repeat(4000) }));
    const error = await new ChangeSet()
      .insert(db.parcels, parcel('b'))
      .insert(db.entries, ...big)
      .commit()
      .catch((caught: unknown) => caught);
    expect((error as StorageError).kind).toBe('DISK_FULL');
    expect(await counts()).toEqual({ parcels: 1, entries: 0 });
    connection.db.pragma('max_page_count = 1073741823');
    await new ChangeSet().insert(db.parcels, parcel('b')).insert(db.entries, ...big).commit();
    expect(await counts()).toEqual({ parcels: 2, entries: 40 });
  });

  it('keeps the first revision it was based on when the same document is planned twice', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    const a = await db.parcels.findOne('a').exec();
    await new ChangeSet().update(db.parcels, a!, { ...parcel('a'), weight: 2 }).update(db.parcels, a!, { ...parcel('a'), weight: 5 }).commit();
    expect((await db.parcels.findOne('a').exec())?.weight).toBe(5);
  });
});

describe('commitPlanned', () => {
  it('plans again from the new state when a document changed in between', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    let plans = 0;
    const weight = await commitPlanned(async () => {
      plans += 1;
      const current = await db.parcels.findOne('a').exec();
      // Another writer gets in between the first read and its commit.
      if (plans === 1) await new ChangeSet().update(db.parcels, current!, { ...parcel('a'), weight: 10 }).commit();
      const next = current!.weight + 1;
      return { changes: new ChangeSet().update(db.parcels, current!, { ...parcel('a'), weight: next }), result: next };
    });
    expect(plans).toBe(2);
    expect(weight).toBe(11);
    expect((await db.parcels.findOne('a').exec())?.weight).toBe(11);
  });

  it('does not retry a refusal that is not a conflict', async () => {
    let plans = 0;
    await expect(
      commitPlanned(async () => {
        plans += 1;
        return { changes: new ChangeSet().insert(db.parcels, { ...parcel('a'), label: '' }), result: null };
      }),
    ).rejects.toBeInstanceOf(StorageError);
    expect(plans).toBe(1);
  });
});
