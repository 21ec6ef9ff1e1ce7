/** The optional full-text index: kept in step with writes, accent-insensitive, prefix matching. */
import { createRevision, now, type RxDocumentData } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStorageInstance } from './sqlite-storage-instance';
import { makePeople, openPeopleInstance, tempDirectory, type Person } from './test-support';

const open: SqliteStorageInstance<Person>[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((instance) => instance.close()));
});

async function createInstance(directory: string, withFullText = true) {
  const instance = await openPeopleInstance({
    directory,
    ...(withFullText ? { fullText: { people: (doc: Person) => `${doc.name}\n${doc.note ?? ''}` } } : {}),
  });
  open.push(instance);
  return instance;
}

function stored(person: Person, previous?: RxDocumentData<Person>, changes: Partial<RxDocumentData<Person>> = {}): RxDocumentData<Person> {
  return { ...person, _deleted: false, _attachments: {}, ...changes, _rev: createRevision('t', previous), _meta: { lwt: now() } } as RxDocumentData<Person>;
}

const base = makePeople(1)[0] as Person;
const people: Person[] = [
  { ...base, id: 'a', name: 'Jānis Bērziņš', note: 'Parcel arrived damaged' },
  { ...base, id: 'b', name: 'Anna Smith', note: 'Refund not received' },
  { ...base, id: 'c', name: 'Ann Smithers', note: 'Courier was rude' },
  { ...base, id: 'd', name: 'Zoë Brown', note: 'Invoice charged twice' },
];

describe('full-text search in the storage', () => {
  it('finds by word prefixes, every word required, accents folded', async () => {
    const instance = await createInstance(tempDirectory());
    await instance.bulkWrite(
      people.map((person) => ({ document: stored(person) })),
      'test',
    );
    expect(await instance.searchText('berzins', 10)).toEqual(['a']);
    expect((await instance.searchText('ann', 10)).sort()).toEqual(['b', 'c']);
    expect(await instance.searchText('ann smithe', 10)).toEqual(['c']);
    expect(await instance.searchText('ZOE charged', 10)).toEqual(['d']);
    expect(await instance.searchText('nobody', 10)).toEqual([]);
    expect(await instance.searchText('  "; DROP TABLE x; -- * ( ', 10)).toEqual([]);
    expect(await instance.searchText('', 10)).toEqual([]);
  });

  it('follows updates and deletes in the same transaction', async () => {
    const instance = await createInstance(tempDirectory());
    const rows = people.map((person) => ({ document: stored(person) }));
    await instance.bulkWrite(rows, 'test');
    const before = rows[1]!.document;
    await instance.bulkWrite([{ previous: before, document: stored({ ...people[1]!, name: 'Anna Jones' }, before) }], 'test');
    expect(await instance.searchText('smith', 10)).toEqual(['c']);
    expect(await instance.searchText('jones', 10)).toEqual(['b']);
    const deleted = rows[3]!.document;
    await instance.bulkWrite([{ previous: deleted, document: stored(people[3]!, deleted, { _deleted: true }) }], 'test');
    expect(await instance.searchText('zoe', 10)).toEqual([]);
  });

  it('indexes documents that existed before the index did', async () => {
    const directory = tempDirectory();
    const plain = await createInstance(directory, false);
    await plain.bulkWrite(
      people.map((person) => ({ document: stored(person) })),
      'test',
    );
    await plain.close();
    const indexed = await createInstance(directory);
    expect(await indexed.searchText('courier', 10)).toEqual(['c']);
  });
});
