/**
 * The storage's prefilter (`queryPrefiltered`): SQLite skips rows whose stored JSON contains none
 * of the given texts before they are parsed; RxDB's matcher still decides. With a prefilter that
 * every match satisfies, results (order, skip, limit) are exactly the plain query's; and rows it
 * excludes are never returned, so it is applied in SQLite.
 */
import { normalizeMangoQuery, prepareQuery, type MangoQuery } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePeople, openPeopleDatabase, sqliteStorage, tempDirectory, type PeopleDatabase, type Person } from './test-support';
import { unwrapSqliteInstance } from './unwrap';

let db: PeopleDatabase;

beforeAll(async () => {
  db = await openPeopleDatabase(sqliteStorage({ directory: tempDirectory() }));
  await db.people.bulkInsert(makePeople(1000, 7));
});

afterAll(async () => {
  await db.close();
});

async function run(query: MangoQuery<Person>, anyOf: readonly string[] | null): Promise<string[]> {
  const schema = db.people.schema.jsonSchema;
  const prepared = prepareQuery(schema, normalizeMangoQuery(schema, { ...query, selector: { _deleted: { $eq: false }, ...query.selector } } as MangoQuery<Person>));
  const instance = unwrapSqliteInstance<Person>(db.people.storageInstance)!;
  const documents = anyOf ? await instance.queryPrefiltered(prepared, anyOf) : (await instance.query(prepared)).documents;
  return documents.map((document) => document.id);
}

describe('the prefilter', () => {
  const cases: [string, MangoQuery<Person>][] = [
    ['an $or over an array field, by an index, paged', { selector: { $or: [{ tags: 'refund' } as never, { 'address.city': 'Riga' }] }, sort: [{ age: 'asc' }, { id: 'asc' }], skip: 5, limit: 20 }],
    ['the same, newest first', { selector: { $or: [{ tags: 'refund' } as never, { 'address.city': 'Riga' }] }, sort: [{ receivedAt: 'desc' }, { id: 'desc' }], limit: 50 }],
    ['no index for the sort', { selector: { $or: [{ tags: 'refund' } as never, { 'address.city': 'Riga' }] }, sort: [{ 'address.postcode': 'asc' }, { id: 'asc' }] }],
  ];

  it.each(cases)('changes nothing when every match contains one of the texts: %s', async (_label, query) => {
    const plain = await run(query, null);
    expect(plain.length).toBeGreaterThan(0);
    expect(await run(query, [JSON.stringify('refund'), JSON.stringify('Riga')])).toEqual(plain);
  });

  it('skips in SQLite the rows that contain none of the texts', async () => {
    const query: MangoQuery<Person> = { selector: { $or: [{ tags: 'refund' } as never, { 'address.city': 'Riga' }] }, sort: [{ age: 'asc' }, { id: 'asc' }] };
    const both = await run(query, [JSON.stringify('refund'), JSON.stringify('Riga')]);
    const rigaOnly = await run(query, [JSON.stringify('Riga')]);
    expect(rigaOnly.length).toBeGreaterThan(0);
    expect(rigaOnly.length).toBeLessThan(both.length);
    expect(both).toEqual(expect.arrayContaining(rigaOnly));
  });
});
