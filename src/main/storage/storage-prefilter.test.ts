/**
 * Row tags and the prefilter (`queryPrefiltered`, row-tags.ts): SQLite skips, in the index, rows
 * that carry none of the given tags; RxDB's matcher still decides. With tags that every match
 * carries, results (order, skip, limit) are exactly the plain query's; rows without them are never
 * read. A table written before it kept tags gets them on the next open, and tags kept while a
 * build that did not keep them wrote to the table are rebuilt before they are trusted again.
 */
import { normalizeMangoQuery, prepareQuery, type MangoQuery } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePeople, openPeopleDatabase, sqliteStorage, tempDirectory, type PeopleDatabase, type Person } from './test-support';
import { unwrapSqliteInstance } from './unwrap';
import type { SqliteStorageSettings } from './sqlite-storage';

const tags: SqliteStorageSettings['tags'] = { people: (person: Person) => [...person.tags.map((tag) => `tag:${tag}`), `city:${person.address.city}`] };
const EITHER = { $or: [{ tags: 'refund' }, { 'address.city': 'Riga' }] } as MangoQuery<Person>['selector'];
const BY_AGE: MangoQuery<Person> = { selector: EITHER, sort: [{ age: 'asc' }, { id: 'asc' }] };

let directory = '';
let db: PeopleDatabase;

beforeAll(async () => {
  directory = tempDirectory();
  db = await openPeopleDatabase(sqliteStorage({ directory, tags }), 'people');
  await db.people.bulkInsert(makePeople(1000, 7));
});

afterAll(async () => {
  await db.close();
});

async function run(database: PeopleDatabase, query: MangoQuery<Person>, anyOf: readonly string[] | null): Promise<string[]> {
  const schema = database.people.schema.jsonSchema;
  const prepared = prepareQuery(
    schema,
    normalizeMangoQuery(schema, { ...query, selector: { _deleted: { $eq: false }, ...query.selector } } as MangoQuery<Person>),
  );
  const instance = unwrapSqliteInstance<Person>(database.people.storageInstance);
  if (!instance) throw new Error('not the SQLite storage');
  const documents = anyOf ? await instance.queryPrefiltered(prepared, anyOf) : (await instance.query(prepared)).documents;
  return documents.map((document) => document.id);
}

describe('the prefilter on row tags', () => {
  const cases: [string, MangoQuery<Person>][] = [
    ['an $or over an array field, by an index, paged', { ...BY_AGE, skip: 5, limit: 20 }],
    ['the same, newest first', { selector: EITHER, sort: [{ receivedAt: 'desc' }, { id: 'desc' }], limit: 50 }],
    ['no index for the sort', { selector: EITHER, sort: [{ 'address.postcode': 'asc' }, { id: 'asc' }] }],
  ];

  it.each(cases)('changes nothing when every match carries one of the tags: %s', async (_label, query) => {
    const plain = await run(db, query, null);
    expect(plain.length).toBeGreaterThan(0);
    expect(await run(db, query, ['tag:refund', 'city:Riga'])).toEqual(plain);
  });

  it('skips the rows that carry none of the tags', async () => {
    const both = await run(db, BY_AGE, ['tag:refund', 'city:Riga']);
    const rigaOnly = await run(db, BY_AGE, ['city:Riga']);
    expect(rigaOnly.length).toBeGreaterThan(0);
    expect(rigaOnly.length).toBeLessThan(both.length);
    expect(both).toEqual(expect.arrayContaining(rigaOnly));
    // A tag is a whole tag, not a part of one.
    expect(await run(db, BY_AGE, ['city:Rig'])).toEqual([]);
  });

  it('keeps the tags in step with every write (an update moves a row between tags)', async () => {
    const person = await db.people.findOne({ selector: { 'address.city': { $ne: 'Riga' }, tags: { $size: 0 } } as MangoQuery<Person>['selector'] }).exec();
    if (!person) throw new Error('no person outside Riga without tags');
    expect(await run(db, BY_AGE, ['city:Riga'])).not.toContain(person.id);
    await person.incrementalPatch({ address: { city: 'Riga', postcode: 'LV-1010' } });
    expect(await run(db, BY_AGE, ['city:Riga'])).toContain(person.id);
  });

  it('tests the tags in the index: the plan searches an index that holds them', () => {
    const sqlite = unwrapSqliteInstance<Person>(db.people.storageInstance)?.internals.connection.db;
    const indexes = sqlite
      ?.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'rx__people__%' AND sql IS NOT NULL")
      .pluck()
      .all() as string[];
    const secondary = indexes.filter((sql) => /\(i\d+/.test(sql));
    expect(secondary.length).toBeGreaterThan(0);
    expect(secondary.every((sql) => sql.endsWith(', tags)'))).toBe(true);
  });
});

describe('row tags on an existing table', () => {
  it('a table written without tags gets them on the next open, and an untagged write in between is re-tagged', async () => {
    const older = tempDirectory();
    const plain = await openPeopleDatabase(sqliteStorage({ directory: older }), 'legacy');
    await plain.people.bulkInsert(makePeople(300, 3));
    const expected = await run(plain, BY_AGE, null);
    await plain.close();

    const tagged = await openPeopleDatabase(sqliteStorage({ directory: older, tags }), 'legacy');
    expect(await run(tagged, BY_AGE, ['tag:refund', 'city:Riga'])).toEqual(expected);
    await tagged.close();

    // A build that does not keep tags writes: the tags it leaves are stale.
    const untagged = await openPeopleDatabase(sqliteStorage({ directory: older }), 'legacy');
    const moved = await untagged.people.findOne({ selector: { 'address.city': { $ne: 'Riga' }, tags: { $size: 0 } } as MangoQuery<Person>['selector'] }).exec();
    if (!moved) throw new Error('no person outside Riga without tags');
    await moved.incrementalPatch({ address: { city: 'Riga', postcode: 'LV-1010' } });
    const after = await run(untagged, BY_AGE, null);
    expect(after).toContain(moved.id);
    await untagged.close();

    const again = await openPeopleDatabase(sqliteStorage({ directory: older, tags }), 'legacy');
    expect(await run(again, BY_AGE, ['tag:refund', 'city:Riga'])).toEqual(after);
    await again.close();
  });
});
