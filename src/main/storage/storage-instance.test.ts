/**
 * The RxStorageInstance interface, used directly: writes and revision conflicts, deletes and
 * undeletes, find by id with and without deleted documents, change events, changed-since paging
 * with checkpoints, attachments, cleanup, close and reopen, several collections and schema
 * versions in one file, and query plans that use SQLite indexes.
 */
import { createRevision, normalizeMangoQuery, now, prepareQuery, type BulkWriteRow, type MangoQuery, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRxStorageSqlite } from './sqlite-storage';
import type { SqliteStorageInstance } from './sqlite-storage-instance';
import { filledSchema, makePeople, personSchema, tempDirectory, type Person } from './test-support';

const token = 'test-token';
const open: SqliteStorageInstance<Person>[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((instance) => instance.close()));
});

async function createInstance(
  directory: string,
  collectionName = 'people',
  schema: RxJsonSchema<Person> = personSchema,
): Promise<SqliteStorageInstance<Person>> {
  const storage = getRxStorageSqlite({ directory });
  const instance = (await storage.createStorageInstance<Person>({
    databaseInstanceToken: token,
    databaseName: 'plaint',
    collectionName,
    schema: filledSchema(schema),
    options: {},
    multiInstance: false,
    devMode: true,
  })) as SqliteStorageInstance<Person>;
  open.push(instance);
  return instance;
}

function toStored(person: Person, previous?: RxDocumentData<Person>, changes: Partial<RxDocumentData<Person>> = {}): RxDocumentData<Person> {
  return { ...person, _deleted: false, _attachments: {}, ...changes, _rev: createRevision(token, previous), _meta: { lwt: now() } } as RxDocumentData<Person>;
}

function inserts(people: Person[]): BulkWriteRow<Person>[] {
  return people.map((person) => ({ document: toStored(person) }));
}

function prepared(instance: SqliteStorageInstance<Person>, query: MangoQuery<Person>) {
  return prepareQuery(instance.schema, normalizeMangoQuery(instance.schema, query));
}

describe('writes and revision conflicts', () => {
  it('inserts, updates with the right previous revision, and rejects a stale one with 409', async () => {
    const instance = await createInstance(tempDirectory());
    const [person] = makePeople(1) as [Person];
    const first = toStored(person);
    expect((await instance.bulkWrite([{ document: first }], 'test')).error).toEqual([]);

    const second = toStored({ ...person, name: 'Second' }, first);
    expect((await instance.bulkWrite([{ previous: first, document: second }], 'test')).error).toEqual([]);

    const stale = toStored({ ...person, name: 'Stale' }, first);
    const { error } = await instance.bulkWrite([{ previous: first, document: stale }], 'test');
    expect(error).toHaveLength(1);
    expect(error[0]).toMatchObject({ status: 409, documentId: person.id, documentInDb: { name: 'Second' } });
    expect((await instance.findDocumentsById([person.id], false))[0]?.name).toBe('Second');
  });

  it('rejects inserting an id that exists (409) while the rest of the batch is written', async () => {
    const instance = await createInstance(tempDirectory());
    const people = makePeople(3);
    await instance.bulkWrite(inserts(people.slice(0, 1)), 'test');
    const { error } = await instance.bulkWrite(inserts(people), 'test');
    expect(error.map((e) => [e.status, e.documentId])).toEqual([[409, people[0]?.id]]);
    expect(
      await instance.findDocumentsById(
        people.map((p) => p.id),
        false,
      ),
    ).toHaveLength(3);
  });

  it('emits one change event bulk per write with a checkpoint, only for committed changes', async () => {
    const instance = await createInstance(tempDirectory());
    const bulks: { operations: string[]; checkpoint: unknown }[] = [];
    const subscription = instance
      .changeStream()
      .subscribe((bulk) => bulks.push({ operations: bulk.events.map((e) => e.operation), checkpoint: bulk.checkpoint }));
    const people = makePeople(2);
    const rows = inserts(people);
    await instance.bulkWrite(rows, 'test');
    const stored = rows[0]?.document as RxDocumentData<Person>;
    await instance.bulkWrite([{ previous: stored, document: toStored(people[0] as Person, stored, { _deleted: true }) }], 'test');
    await instance.bulkWrite([{ document: toStored(people[1] as Person) }], 'test'); // conflict: no event
    subscription.unsubscribe();
    expect(bulks.map((b) => b.operations)).toEqual([['INSERT', 'INSERT'], ['DELETE']]);
    expect(bulks[0]?.checkpoint).toMatchObject({ id: people[1]?.id });
  });
});

describe('deletes and undeletes', () => {
  it('hides deleted documents unless asked, and brings an undeleted one back as an INSERT', async () => {
    const instance = await createInstance(tempDirectory());
    const [person] = makePeople(1) as [Person];
    const created = toStored(person);
    await instance.bulkWrite([{ document: created }], 'test');
    const deleted = toStored(person, created, { _deleted: true });
    await instance.bulkWrite([{ previous: created, document: deleted }], 'test');

    expect(await instance.findDocumentsById([person.id], false)).toEqual([]);
    expect((await instance.findDocumentsById([person.id], true))[0]?._deleted).toBe(true);
    // RxDB collections always add `_deleted: false`; the storage itself returns what is asked for.
    const live = { selector: { _deleted: { $eq: false } } } as MangoQuery<Person>;
    expect((await instance.query(prepared(instance, live))).documents).toEqual([]);
    expect((await instance.count(prepared(instance, live))).count).toBe(0);
    expect((await instance.count(prepared(instance, { selector: {} }))).count).toBe(1);

    const operations: string[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => operations.push(...bulk.events.map((e) => e.operation)));
    const undeleted = toStored({ ...person, name: 'Back' }, deleted, { _deleted: false });
    expect((await instance.bulkWrite([{ previous: deleted, document: undeleted }], 'test')).error).toEqual([]);
    subscription.unsubscribe();
    expect(operations).toEqual(['INSERT']);
    expect((await instance.findDocumentsById([person.id], false))[0]?.name).toBe('Back');
  });

  it('accepts inserting an already deleted document (as replication does)', async () => {
    const instance = await createInstance(tempDirectory());
    const [person] = makePeople(1) as [Person];
    await instance.bulkWrite([{ document: toStored(person, undefined, { _deleted: true }) }], 'test');
    expect(await instance.findDocumentsById([person.id], true)).toHaveLength(1);
    expect(await instance.findDocumentsById([person.id], false)).toHaveLength(0);
  });
});

describe('changed-since paging with checkpoints (what replication reads)', () => {
  it('returns every document exactly once in (lwt, id) order across pages, then later changes', async () => {
    const instance = await createInstance(tempDirectory());
    const people = makePeople(2500, 3);
    for (let start = 0; start < people.length; start += 500) await instance.bulkWrite(inserts(people.slice(start, start + 500)), 'test');

    const seen: string[] = [];
    let checkpoint: { id: string; lwt: number } | undefined;
    for (;;) {
      const page = await instance.getChangedDocumentsSince(300, checkpoint);
      if (page.documents.length === 0) break;
      seen.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
    }
    expect(seen).toHaveLength(people.length);
    expect(new Set(seen).size).toBe(people.length);

    const [changed] = await instance.findDocumentsById([people[10]?.id as string], false);
    await instance.bulkWrite([{ previous: changed, document: toStored({ ...(people[10] as Person), age: 99 }, changed) }], 'test');
    const next = await instance.getChangedDocumentsSince(300, checkpoint);
    expect(next.documents.map((d) => [d.id, d.age])).toEqual([[people[10]?.id, 99]]);
    expect((await instance.getChangedDocumentsSince(300, next.checkpoint)).documents).toEqual([]);
  });

  it('keeps the given checkpoint when nothing changed', async () => {
    const instance = await createInstance(tempDirectory());
    expect(await instance.getChangedDocumentsSince(10)).toEqual({ documents: [], checkpoint: { id: '', lwt: 0 } });
  });
});

describe('attachments', () => {
  it('stores, reads, replaces and removes attachment data', async () => {
    const directory = tempDirectory();
    const instance = await createInstance(directory);
    const [person] = makePeople(1) as [Person];
    const scan = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3])], { type: 'application/pdf' });
    const withScan = toStored(person, undefined, {
      _attachments: { 'scan.pdf': { data: scan, digest: 'md5-a', length: 7, type: 'application/pdf' } as never },
    });
    expect((await instance.bulkWrite([{ document: withScan }], 'test')).error).toEqual([]);

    const read = await instance.getAttachmentData(person.id, 'scan.pdf', 'md5-a');
    expect(read.type).toBe('application/pdf');
    expect([...new Uint8Array(await read.arrayBuffer())]).toEqual([0x25, 0x50, 0x44, 0x46, 1, 2, 3]);
    const [stored] = await instance.findDocumentsById([person.id], false);
    expect(stored?._attachments['scan.pdf']).toEqual({ digest: 'md5-a', length: 7, type: 'application/pdf' });

    const replaced = toStored(person, stored, {
      _attachments: { 'scan.pdf': { data: new Blob(['new']), digest: 'md5-b', length: 3, type: 'text/plain' } as never },
    });
    await instance.bulkWrite([{ previous: stored as RxDocumentData<Person>, document: replaced }], 'test');
    expect(await (await instance.getAttachmentData(person.id, 'scan.pdf', 'md5-b')).text()).toBe('new');
    await expect(instance.getAttachmentData(person.id, 'scan.pdf', 'md5-a')).rejects.toThrow(/does not exist/);

    const [current] = await instance.findDocumentsById([person.id], false);
    await instance.bulkWrite([{ previous: current as RxDocumentData<Person>, document: toStored(person, current, { _attachments: {} }) }], 'test');
    await expect(instance.getAttachmentData(person.id, 'scan.pdf', 'md5-b')).rejects.toThrow(/does not exist/);
  });

  it('keeps writes in call order when one of them has to read attachment data first', async () => {
    const instance = await createInstance(tempDirectory());
    const [a, b] = makePeople(2) as [Person, Person];
    const events: string[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => events.push(...bulk.events.map((e) => e.documentId)));
    const withData = toStored(a, undefined, { _attachments: { x: { data: new Blob(['x']), digest: 'd', length: 1, type: 'text/plain' } as never } });
    await Promise.all([instance.bulkWrite([{ document: withData }], 'test'), instance.bulkWrite([{ document: toStored(b) }], 'test')]);
    subscription.unsubscribe();
    expect(events).toEqual([a.id, b.id]);
  });
});

describe('cleanup', () => {
  it('purges deleted documents (and their attachments) older than the given age, keeps the rest', async () => {
    const instance = await createInstance(tempDirectory());
    const people = makePeople(4);
    const rows = inserts(people);
    await instance.bulkWrite(rows, 'test');
    const victim = rows[0]?.document as RxDocumentData<Person>;
    await instance.bulkWrite([{ previous: victim, document: toStored(people[0] as Person, victim, { _deleted: true }) }], 'test');
    const deletedAt = Date.now();

    await instance.cleanup(60_000); // deleted just now: too young to purge
    expect(await instance.findDocumentsById([people[0]?.id as string], true)).toHaveLength(1);
    // Once the clock has moved past the deletion, it is old enough for a purge of everything.
    await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(deletedAt + 1), { timeout: 10_000, interval: 1 });
    expect(await instance.cleanup(0)).toBe(true);
    expect(await instance.findDocumentsById([people[0]?.id as string], true)).toHaveLength(0);
    expect(
      await instance.findDocumentsById(
        people.slice(1).map((p) => p.id),
        true,
      ),
    ).toHaveLength(3);
  });
});

describe('close, reopen, several collections and versions, remove', () => {
  it('keeps every document across close and reopen', async () => {
    const directory = tempDirectory();
    const first = await createInstance(directory);
    await first.bulkWrite(inserts(makePeople(300)), 'test');
    await first.close();
    const again = await createInstance(directory);
    expect((await again.count(prepared(again, { selector: {} }))).count).toBe(300);
  });

  it('keeps collections and schema versions apart in one database file', async () => {
    const directory = tempDirectory();
    const letters = await createInstance(directory, 'letters');
    const cases = await createInstance(directory, 'cases');
    const casesV1 = await createInstance(directory, 'cases', { ...personSchema, version: 1 });
    await letters.bulkWrite(inserts(makePeople(2)), 'test');
    await cases.bulkWrite(inserts(makePeople(5)), 'test');
    await casesV1.bulkWrite(inserts(makePeople(7)), 'test');
    const count = async (instance: SqliteStorageInstance<Person>) => (await instance.count(prepared(instance, { selector: {} }))).count;
    expect([await count(letters), await count(cases), await count(casesV1)]).toEqual([2, 5, 7]);
    expect(letters.internals.connection).toBe(cases.internals.connection);
  });

  it('remove() drops the collection; closed instances refuse work with a clear error', async () => {
    const directory = tempDirectory();
    const instance = await createInstance(directory);
    await instance.bulkWrite(inserts(makePeople(3)), 'test');
    await instance.remove();
    await expect(instance.findDocumentsById(['p000000'], false)).rejects.toThrow(/closed/);
    const fresh = await createInstance(directory);
    expect((await fresh.count(prepared(fresh, { selector: {} }))).count).toBe(0);
  });
});

describe('query plans use SQLite indexes (EXPLAIN QUERY PLAN)', () => {
  const plans = async (query: MangoQuery<Person>) => {
    const instance = await createInstance(tempDirectory());
    await instance.bulkWrite(inserts(makePeople(200)), 'test');
    return instance.explainQuery(prepared(instance, query)).join(' | ');
  };

  it.each<[string, MangoQuery<Person>]>([
    ['an indexed equality', { selector: { age: 30 } }],
    ['an indexed range', { selector: { age: { $gte: 20, $lt: 40 } } }],
    ['a compound index prefix with a range', { selector: { status: 'open', receivedAt: { $gt: 0 } } }],
    ['a nested indexed field', { selector: { 'address.city': 'Riga' } }],
    ['an indexed sort with limit', { selector: {}, sort: [{ age: 'asc' }], limit: 10 }],
    ['a compound indexed sort', { selector: {}, sort: [{ status: 'asc' }, { receivedAt: 'asc' }] }],
    ['newest first within one status (index read backwards)', { selector: { status: 'open' }, sort: [{ receivedAt: 'desc' }, { id: 'desc' }], limit: 50 }],
  ])('searches an index for %s, without scanning the table or sorting', async (_label, query) => {
    const plan = await plans(query);
    expect(plan).toMatch(/SEARCH .* USING (COVERING )?INDEX/);
    expect(plan).not.toMatch(/SCAN "?rx__/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
