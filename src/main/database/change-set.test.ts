/**
 * A user-level operation is all-or-nothing: the documents of a change set, in several collections,
 * are stored together in one SQLite transaction, or none of them is (conflict, schema violation,
 * full disk). RxDB sees committed writes as usual.
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicCommitRefused, commitAtomically } from '../storage/atomic-commit';
import { makePeople, memoryStorage, personSchema, sqliteStorage, tempDirectory, type Person } from '../storage/test-support';
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
  properties: {
    id: { type: 'string', maxLength: 40 },
    owner: { type: 'string', maxLength: 40 },
    label: { type: 'string', minLength: 1 },
    weight: { type: 'number', minimum: 0 },
  },
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

/** A second database file holding people (for RxDB attachments) and parcels, with their storage instances. */
async function peopleAndParcels(name: string) {
  const other = await createRxDatabase<{ people: RxCollection<Person>; parcels: RxCollection<Parcel> }>({
    name,
    storage: sqliteStorage({ directory: tempDirectory('plaint-change-set-') }),
    multiInstance: false,
  });
  await other.addCollections({ people: { schema: personSchema }, parcels: { schema: parcelSchema } });
  const people = unwrapSqliteInstance<Person>(other.people.storageInstance)!;
  const parcels = unwrapSqliteInstance<unknown>(other.parcels.storageInstance)!;
  return { other, people, parcels };
}

/** A person row with an RxDB attachment: its write must read the blob first, so it queues. */
function personWithAttachment() {
  const [person] = makePeople(1);
  return {
    ...person!,
    _deleted: false,
    _meta: { lwt: Date.now() },
    _rev: '1-a',
    _attachments: { scan: { type: 'text/plain', length: 2, digest: 'x', data: new Blob(['hi']) } },
  };
}

beforeEach(async () => {
  db = await createRxDatabase<Collections>({
    name: 'plaint',
    storage: sqliteStorage({ directory: tempDirectory('plaint-change-set-') }),
    multiInstance: false,
  });
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
    await new ChangeSet()
      .update(db.parcels, a!, { ...parcel('a'), weight: 7 })
      .remove(db.parcels, b!)
      .commit();
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
    expect((error as StorageError).message).toContain('(saving a change)');
    expect(await counts()).toEqual({ parcels: 1, entries: 0 });
    connection.db.pragma('max_page_count = 1073741823');
    await new ChangeSet()
      .insert(db.parcels, parcel('b'))
      .insert(db.entries, ...big)
      .commit();
    expect(await counts()).toEqual({ parcels: 2, entries: 40 });
  });

  it('keeps the first revision it was based on when the same document is planned twice', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    const a = await db.parcels.findOne('a').exec();
    await new ChangeSet()
      .update(db.parcels, a!, { ...parcel('a'), weight: 2 })
      .update(db.parcels, a!, { ...parcel('a'), weight: 5 })
      .commit();
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

describe('a change set refuses what it cannot write honestly', () => {
  it('needs the stored version (with its revision) to update or remove, and an id that stays the same', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    expect(() => new ChangeSet().update(db.parcels, parcel('a') as never, parcel('a'))).toThrow('must be the stored version');
    const stored = await db.parcels.findOne('a').exec();
    expect(() => new ChangeSet().update(db.parcels, stored!, parcel('b'))).toThrow('An update cannot change a document id.');
    expect(() => new ChangeSet().insert(db.parcels, parcel(''))).toThrow('A parcels document has no id.');
  });

  it('refuses, before anything is planned, a current document that is not a stored version: nothing, text, no revision or a revision that is not text', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    for (const current of [null, 'a', parcel('a'), { ...parcel('a'), _rev: 3 }]) {
      expect(() => new ChangeSet().update(db.parcels, current as never, parcel('a'))).toThrow('must be the stored version');
      expect(() => new ChangeSet().remove(db.parcels, current as never)).toThrow('must be the stored version');
    }
    expect(() => new ChangeSet().insert(db.parcels, { ...parcel('x'), id: 5 } as never)).toThrow('A parcels document has no id.');
  });

  it('removes a document keeping only the tombstone it is given, and never under another id (issue 19: a cache drops its bulky content)', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a', 'A long label the tombstone drops')).commit();
    const stored = await db.parcels.findOne('a').exec();
    expect(() => new ChangeSet().removeAs(db.parcels, stored!, { ...parcel('b'), label: '-' })).toThrow('A removal cannot change a document id.');
    await new ChangeSet().removeAs(db.parcels, stored!, { ...parcel('a'), label: '-' }).commit();
    expect(await db.parcels.findOne('a').exec()).toBeNull();
    const instance = unwrapSqliteInstance<Parcel>(db.parcels.storageInstance)!;
    const [tombstone] = await instance.findDocumentsById(['a'], true);
    expect(tombstone).toMatchObject({ id: 'a', label: '-', _deleted: true });
    expect(tombstone?._rev).toMatch(/^2-/);
  });

  it('accepts the stored data as well as the RxDB document, and ignores bookkeeping fields it is given', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    const data = (await db.parcels.findOne('a').exec())!.toMutableJSON(true);
    await new ChangeSet().update(db.parcels, data, { ...data, weight: 4 }).commit();
    const stored = (await db.parcels.findOne('a').exec())!.toMutableJSON(true);
    expect(stored.weight).toBe(4);
    expect(stored._rev).toMatch(/^2-/);
    await new ChangeSet().remove(db.parcels, stored).commit();
    expect(await db.parcels.findOne('a').exec()).toBeNull();
  });

  it('collects other operations, counts what it holds, and announces itself as one change', async () => {
    const contexts: string[] = [];
    const subscription = db.eventBulks$.subscribe((bulk) => contexts.push(bulk.context));
    const first = new ChangeSet().insert(db.parcels, parcel('a'));
    const second = new ChangeSet().insert(db.entries, entry('e1', 'a'), entry('e2', 'a'));
    const both = new ChangeSet().include(first).include(second);
    expect([first.size, second.size, both.size]).toEqual([1, 2, 3]);
    await both.commit();
    subscription.unsubscribe();
    expect(await counts()).toEqual({ parcels: 1, entries: 2 });
    expect(contexts).toEqual(['plaint-change-set', 'plaint-change-set']);
  });

  it('names each field at fault (up to five), or the document when a required field is missing', async () => {
    const error = (await new ChangeSet()
      .insert(db.parcels, { id: 'x', owner: 'o', weight: -1 } as unknown as Parcel)
      .commit()
      .catch((caught: unknown) => caught)) as StorageError;
    expect(error.message).toBe("A parcels document does not match its schema: (document) must have required property 'label'.");
  });

  it('refuses a closed collection, and a collection on another storage', async () => {
    const other = await createRxDatabase<Collections>({ name: 'memory', storage: memoryStorage(), multiInstance: false });
    await other.addCollections({ parcels: { schema: parcelSchema }, entries: { schema: entrySchema } });
    await expect(new ChangeSet().insert(other.parcels, parcel('a')).commit()).rejects.toThrow("not on Plaint's SQLite storage");
    await other.close();
    const parcels = db.parcels;
    await parcels.close();
    await expect(new ChangeSet().insert(parcels, parcel('a')).commit()).rejects.toMatchObject({ kind: 'CLOSED', message: 'The parcels collection is closed.' });
  });

  it('a conflict is only a revision conflict, not any refusal or error', () => {
    expect(isWriteConflict(new Error('disk'))).toBe(false);
    expect(isWriteConflict(new AtomicCommitRefused([{ status: 409 } as never]))).toBe(true);
    expect(isWriteConflict(new AtomicCommitRefused([{ status: 409 } as never, { status: 422 } as never]))).toBe(false);
  });
});

describe('commitPlanned gives up', () => {
  it('after the number of attempts it was given, with the conflict', async () => {
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    let plans = 0;
    const error = await commitPlanned(async () => {
      plans += 1;
      const current = await db.parcels.findOne('a').exec();
      // Someone else always gets in first.
      await new ChangeSet().update(db.parcels, current!, { ...parcel('a'), weight: plans }).commit();
      return { changes: new ChangeSet().update(db.parcels, current!, { ...parcel('a'), weight: 100 }), result: null };
    }, 3).catch((caught: unknown) => caught);
    expect(plans).toBe(3);
    expect(isWriteConflict(error)).toBe(true);
  });
});

describe('the storage commit', () => {
  it('does nothing for nothing, and says what was refused', async () => {
    await expect(commitAtomically([], 'test')).resolves.toBeUndefined();
    const refusal = new AtomicCommitRefused([{ documentId: 'a', status: 409 } as never, { documentId: 'b', status: 510 } as never]);
    expect(refusal.name).toBe('AtomicCommitRefused');
    expect(refusal.message).toBe('The change was not saved: a (409), b (510).');
  });

  it('refuses to span two database files, and collections with RxDB attachments', async () => {
    const other = await createRxDatabase<Collections>({
      name: 'second',
      storage: sqliteStorage({ directory: tempDirectory('plaint-change-set-') }),
      multiInstance: false,
    });
    await other.addCollections({ parcels: { schema: parcelSchema }, people: { schema: personSchema } } as never);
    const here = unwrapSqliteInstance<unknown>(db.parcels.storageInstance)!;
    const there = unwrapSqliteInstance<unknown>(other.parcels.storageInstance)!;
    const people = unwrapSqliteInstance<unknown>((other as unknown as { people: RxCollection<Person> }).people.storageInstance)!;
    await expect(
      commitAtomically(
        [
          { instance: here, rows: [] },
          { instance: there, rows: [] },
        ],
        'test',
      ),
    ).rejects.toMatchObject({ kind: 'UNKNOWN', message: 'An operation tried to write to two database files at once.' });
    await expect(commitAtomically([{ instance: people, rows: [] }], 'test')).rejects.toMatchObject({
      kind: 'UNKNOWN',
      message: 'Atomic writes do not carry RxDB attachments.',
    });
    // One part with attachments is enough to refuse the whole operation.
    await expect(
      commitAtomically(
        [
          { instance: there, rows: [] },
          { instance: people, rows: [] },
        ],
        'test',
      ),
    ).rejects.toThrow('attachments');
    await other.close();
  });

  it('writes at once when nothing waits, waits behind a queued write, and writes at once again when the queue is empty', async () => {
    const { other, people, parcels } = await peopleAndParcels('fourth');
    const row = (id: string) => ({ document: { ...parcel(id), _deleted: false, _meta: { lwt: Date.now() }, _rev: '1-b', _attachments: {} } });
    // Started without awaiting and read at once: only a write that did not have to wait is already stored.
    const storedAtOnce = async (write: () => Promise<unknown>, id: string): Promise<boolean> => {
      const pending = write();
      const seen = await parcels.findDocumentsById([id], false);
      await pending;
      expect(await parcels.findDocumentsById([id], false)).toHaveLength(1);
      return seen.length === 1;
    };
    const commit = (id: string) => () => commitAtomically([{ instance: parcels, rows: [row(id)] }], 'test');
    const bulk = (id: string) => () => parcels.bulkWrite([row(id)], 'test');
    expect([await storedAtOnce(commit('p1'), 'p1'), await storedAtOnce(bulk('p2'), 'p2')]).toEqual([true, true]);
    const withAttachment = personWithAttachment();
    const queued = people.bulkWrite([{ document: withAttachment as never }], 'test');
    // Both are started before anything is awaited, so the attachment write is still queued ahead of them.
    const waiting = [commit('p3')(), bulk('p4')()];
    expect(await parcels.findDocumentsById(['p3', 'p4'], false)).toEqual([]);
    expect((await queued).error).toEqual([]);
    await Promise.all(waiting);
    expect(await parcels.findDocumentsById(['p3', 'p4'], false)).toHaveLength(2);
    expect([await storedAtOnce(commit('p5'), 'p5'), await storedAtOnce(bulk('p6'), 'p6')]).toEqual([true, true]);
    await other.close();
  });

  it('refuses an atomic write to a closed collection while the file stays open for the others, and writes nothing', async () => {
    const parcels = unwrapSqliteInstance<unknown>(db.parcels.storageInstance)!;
    const connection = parcels.internals.connection;
    const table = parcels.internals.layout.documentsTable;
    await parcels.close();
    const row = { document: { ...parcel('late'), _deleted: false, _meta: { lwt: Date.now() }, _rev: '1-c', _attachments: {} } };
    await expect(commitAtomically([{ instance: parcels, rows: [row] }], 'test')).rejects.toMatchObject({ kind: 'CLOSED' });
    expect(connection.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
  });

  it('a single collection write that fills the disk is refused whole and says what it was doing', async () => {
    const parcels = unwrapSqliteInstance<Parcel>(db.parcels.storageInstance)!;
    const connection = parcels.internals.connection;
    const pages = connection.db.pragma('page_count', { simple: true }) as number;
    connection.db.pragma(`max_page_count = ${pages + 2}`);
    const rows = Array.from({ length: 40 }, (_, index) => ({
      document: { ...parcel(`big${index}`, 'x'.repeat(4000)), _deleted: false, _meta: { lwt: Date.now() }, _rev: '1-e', _attachments: {} },
    }));
    await expect(parcels.bulkWrite(rows, 'test')).rejects.toMatchObject({ kind: 'DISK_FULL', message: expect.stringContaining('(writing documents)') });
    connection.db.pragma('max_page_count = 1073741823');
    expect(await db.parcels.count().exec()).toBe(0);
  });

  it('announces nothing, and does not fail, when every row of a write is refused', async () => {
    const parcels = unwrapSqliteInstance<Parcel>(db.parcels.storageInstance)!;
    await new ChangeSet().insert(db.parcels, parcel('a')).commit();
    const announced: unknown[] = [];
    const subscription = parcels.changeStream().subscribe((bulk) => announced.push(bulk));
    const again = { document: { ...parcel('a'), _deleted: false, _meta: { lwt: Date.now() }, _rev: '1-d', _attachments: {} } };
    const result = await parcels.bulkWrite([again], 'test');
    subscription.unsubscribe();
    expect(result.error.map((error) => error.status)).toEqual([409]);
    expect(announced).toEqual([]);
  });

  it('waits behind a write that is still reading attachment data, keeping the order of calls', async () => {
    const { other, people, parcels } = await peopleAndParcels('third');
    const order: string[] = [];
    const subscriptions = [people.changeStream().subscribe(() => order.push('person')), parcels.changeStream().subscribe(() => order.push('parcel'))];
    const withAttachment = personWithAttachment();
    // The attachment write queues (it must read its blob first); the commit must not overtake it.
    const queued = people.bulkWrite([{ document: withAttachment as never }], 'test');
    const row = { ...parcel('p'), _deleted: false, _meta: { lwt: Date.now() }, _rev: '1-b', _attachments: {} };
    await commitAtomically([{ instance: parcels, rows: [{ document: row }] }], 'test');
    expect((await queued).error).toEqual([]);
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    expect(order).toEqual(['person', 'parcel']);
    await other.close();
  });
});
